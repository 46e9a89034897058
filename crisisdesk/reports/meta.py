"""What a report is (kind, number, language, period …) and what rendering it produced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

SHORT = 12  # hex digits of the fingerprint printed on every page
KINDS = ("situation", "brief", "paper")
LANGS = ("ko", "en")
DESIGNATIONS = ("initial", "update", "final")
STATUSES = ("preview", "draft", "approved", "issued")  # all but issued print the DRAFT watermark

Progress = Callable[[int, int], None]  # progress(done, total)


@dataclass(frozen=True)
class ReportMeta:
    """Everything a report prints besides the Situation.

    The first group of fields is content (covered by the fingerprint); the stamp
    fields (status, approval, issue) are filled into slots at print time.
    """

    kind: str = "situation"
    lang: str = "ko"
    number: int | None = None
    designation: str = ""
    period_from: datetime | None = None
    prepared_by: str = ""
    desk: str = ""
    next_update: datetime | None = None
    affiliate: str | None = None  # paper checklists: one affiliate (None: all)
    blank: bool = False  # paper checklists: no states printed, only boxes
    # stamps
    status: str = "preview"
    approved_by: str = ""
    approved_at: datetime | None = None
    issued_at: datetime | None = None
    issued_by: str = ""
    checkpoint: str = ""  # issued reports: the desk's signed checkpoint, short form ("" for none)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown report kind '{self.kind}' ({', '.join(KINDS)})")
        if self.lang not in LANGS:
            raise ValueError(f"unknown report language '{self.lang}' ({', '.join(LANGS)})")
        if self.status not in STATUSES:
            raise ValueError(f"unknown report status '{self.status}'")

    @property
    def watermarked(self) -> bool:
        return self.kind != "paper" and self.status != "issued"


@dataclass(frozen=True)
class RenderedReport:
    """A rendered PDF and what identifies its content."""

    pdf: bytes
    fingerprint: str  # SHA-256 hex of the content
    pages: int
    kind: str
    lang: str
    number: int | None
    as_of: int  # journal position the content was read at
    table_rows: int = 0

    @property
    def short(self) -> str:
        return self.fingerprint[:SHORT]
