"""One assessment: the room walk (rooms, checklist) and the tabs around it."""
