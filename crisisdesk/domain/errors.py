"""Errors a person can cause; each carries a message meant for that person."""


class CrisisDeskError(Exception):
    """Base of every error shown to the user as a message, never as a traceback."""


class InvalidInput(CrisisDeskError):
    """A command was given a value the rules refuse; nothing was saved."""
