"""Command modules of the ``kg`` CLI, one per area; each exposes ``COMMANDS`` (a list of click commands)."""
