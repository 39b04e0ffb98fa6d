"""Dialogs opened from the menus: assessment details, settings, reports, backups, audit trail, help."""
