"""The photo strip of a room: view, controller, list model and the large viewer."""
