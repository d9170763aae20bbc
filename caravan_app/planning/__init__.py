"""OR-Tools planners: plain dataclasses in, plain dataclasses out; no database, no Qt."""
