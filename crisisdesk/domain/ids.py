"""Identifiers: time-ordered UUIDs (version 7) for journal entries and records."""

from __future__ import annotations

import os
import time


def new_id(now_ms: int | None = None) -> str:
    """A UUIDv7 string: 48-bit Unix milliseconds, then random bits."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand >> 68 & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    digits = f"{value:032x}"  # the canonical 8-4-4-4-12 spelling, without importing uuid
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"
