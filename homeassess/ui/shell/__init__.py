"""The window around everything: main window, unlock, idle lock, window-wide actions."""
