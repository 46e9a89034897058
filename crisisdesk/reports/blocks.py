"""What a report says, as plain values: headings, paragraphs, tables, fields, signature lines.

Report modules turn a Situation into a list of blocks; `flow` lays the blocks out.
The fingerprint is the SHA-256 of the blocks' canonical JSON — the content, not the
PDF bytes — so two printouts of the same content carry the same fingerprint.
A `Slot` marks a value filled in at print time (approval and issue stamps): the
fingerprint covers the slot's name, not its value, so a draft and its issued
version share one fingerprint, proving the issued report is the approved one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass


@dataclass(frozen=True, slots=True)
class Slot:
    """A stamp filled in at print time: status, approved_by, approved_at, issued_at, issued_by."""

    name: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A table cell with emphasis: `tone` colours its background (see flow.TONES)."""

    text: str
    tone: str = ""
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Bar:
    """A progress bar cell with its label."""

    ratio: float
    label: str
    tone: str = "green"


Cell = str | Mark | Bar | Slot


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1
    new_page: bool = False


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; style is one of flow.STYLES (body, small, lead, big, title, muted)."""

    text: str
    style: str = "body"


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row repeated on every page; widths are fractions of the frame."""

    columns: tuple[str, ...]
    widths: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_tones: tuple[str, ...] = ()  # one per row, "" for none
    size: float = 8.0
    min_row: float = 0.0  # minimum row height in points (room to write by hand)


@dataclass(frozen=True, slots=True)
class Fields:
    """A grid of labelled values (the ICS-209 style cover block), `columns` pairs per row."""

    pairs: tuple[tuple[str, Cell], ...]
    columns: int = 2
    size: float = 9.0


@dataclass(frozen=True, slots=True)
class Kpis:
    """Key figures in boxes: (label, value, tone)."""

    items: tuple[tuple[str, str, str], ...]
    size: float = 16.0


@dataclass(frozen=True, slots=True)
class Signature:
    """Lines to sign on paper, one per label."""

    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ApprovalBox:
    """The report's title with the approval block (결재란) beside it: one box per step, each with
    its title, who signs it (a role or name), the name signed and the date."""

    title: str
    label: str  # printed down the block's first column ("결재")
    steps: tuple[tuple[str, Cell, Cell], ...]  # (step title, signer, date)


@dataclass(frozen=True, slots=True)
class Space:
    height: float = 6.0


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class OnePage:
    """Blocks shrunk if need be so that they fit on one page (the executive brief)."""

    blocks: tuple[Block, ...]


Block = Heading | Para | Table | Fields | Kpis | Signature | ApprovalBox | Space | PageBreak | OnePage
Identity = Mapping[str, str | int | None]  # which report of what, read where (JSON values)


def _plain(value: object) -> list[object]:
    """The JSON form of a block or cell: its type name followed by its fields."""
    if not is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    return [type(value).__name__, *(getattr(value, f.name) for f in fields(value))]


def canonical(blocks: list[Block] | tuple[Block, ...], identity: Identity) -> bytes:
    """One stable serialisation of a report's content and identity."""
    return json.dumps({"identity": identity, "blocks": list(blocks)}, default=_plain, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fingerprint(blocks: list[Block] | tuple[Block, ...], identity: Identity) -> str:
    """SHA-256 (hex) of the canonical content; print the first SHORT digits."""
    return hashlib.sha256(canonical(blocks, identity)).hexdigest()


def table_rows(blocks: Iterable[Block]) -> int:
    """How many table rows (header rows included) the blocks hold: the benchmark's yardstick."""
    total = 0
    for block in blocks:
        if isinstance(block, Table):
            total += len(block.rows) + 1
        elif isinstance(block, OnePage):
            total += table_rows(block.blocks)
    return total
