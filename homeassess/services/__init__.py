"""Use cases, Qt-free: what the window and the command line both call."""
