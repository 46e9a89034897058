"""Signed desk-to-desk update packets."""
