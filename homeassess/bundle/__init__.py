"""The ``.hax`` export format: the encrypted container (``container.py``) and the versioned
JSON document inside it (``schema.py``). Pure functions over bytes and plain data; the
service that reads and writes the store around them is ``services/bundle_transfer.py``.
See docs/bundle-format.md."""
