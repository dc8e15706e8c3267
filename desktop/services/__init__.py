"""Use cases. Each function owns its transaction and returns plain data, never ORM objects."""
