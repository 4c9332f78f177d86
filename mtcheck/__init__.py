"""mtcheck: checks machine-translated news before it is published."""

__version__ = "0.1.0"
