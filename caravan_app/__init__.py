"""Planning science caravans and travelling science museums."""

__version__ = "0.1.0"
