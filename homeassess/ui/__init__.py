"""The window (PySide6). The only package that imports Qt; it never imports ``homeassess.store``.

Folders by screen: ``shell`` (main window, unlock, idle lock), ``home``, ``visit``, ``photos``,
``recommendations``, ``dialogs``, and ``kit`` (the operation helper, worker, actions, prompts,
error path). See docs/architecture.md.
"""
