"""Hybrid logical clock: wall time plus a counter, ordered across desks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    desk: str

    def encode(self) -> str:
        """A string that sorts like the clock itself."""
        return f"{self.wall_ms:015d}.{self.counter:06d}.{self.desk}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        wall, counter, desk = text.split(".", 2)
        return cls(int(wall), int(counter), desk)


def tick(last: Hlc | None, now_ms: int, desk: str) -> Hlc:
    """The clock for a new local event."""
    if last is None or now_ms > last.wall_ms:
        return Hlc(now_ms, 0, desk)
    return Hlc(last.wall_ms, last.counter + 1, desk)

