"""Store errors: each names the file and says what to do."""

from crisisdesk.domain.errors import CrisisDeskError


class StoreError(CrisisDeskError):
    """The database cannot be opened, read or written as asked."""


class StoreFull(StoreError):
    """The disk or folder refused a write; nothing of the change was saved."""
