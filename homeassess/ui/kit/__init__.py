"""What every screen uses: the operation helper, the worker, the action registry, prompts, the error path."""
