"""CrisisDesk: an offline crisis command desk for financial holding groups."""

__version__ = "0.1.0"
