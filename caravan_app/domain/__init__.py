"""Plain domain types shared by every layer."""
