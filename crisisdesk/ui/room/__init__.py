"""The 24-hour room: shift handovers and roll-calls of the emergency contact tree."""
