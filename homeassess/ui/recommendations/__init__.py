"""The recommendation review: view, controller, table model, detail pane and editor."""
