"""The register of situation reports: numbers, designations and the draft → approved → issued path.

Rules (ICS-209 style):
- Numbers are per event and sequential. A draft takes the number after the last
  issued report; drafting again before that number is issued revises the same
  number (the newest draft wins), so issued numbers have no gaps.
- Designation: the first report of an event is `initial`; a report drafted while
  the event is closed is `final`; every other one is an `update`.
- A draft is approved by the chair (a role of the playbook); the approval names
  the fingerprint it approved, so a later redraft needs a new approval.
- Only an approved draft is issued; the issued report is the approved content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisdesk.domain.errors import InvalidInput

APPROVER_ROLE = "chair"
EXPORT_FORMATS = {"situation": ("docx", "hwpx"), "brief": ("pdf", "docx", "hwpx")}
OFFICE_FORMATS = ("docx", "hwpx")


@dataclass(frozen=True)
class ReportFile:
    """A file made from a numbered report besides its draft and issued PDFs: an office file of its
    body or brief (an editable draft, never the issued report) or the PDF of its brief."""

    event: str
    number: int
    kind: str  # situation | brief
    format: str  # pdf | docx | hwpx
    lang: str
    fingerprint: str  # of the report content it was made from
    sha256: str  # of the file's bytes
    file: str  # the file's name, as written
    at: datetime
    author: str

    @property
    def role(self) -> str:
        """editable-draft (HWPX, DOCX: to edit the wording before 결재) or brief (the brief's PDF)."""
        return "editable-draft" if self.format in OFFICE_FORMATS else "brief"


@dataclass(frozen=True)
class ReportRecord:
    """One numbered situation report of an event, as the register holds it."""

    event: str
    number: int
    kind: str
    lang: str
    as_of: int  # journal position the content was read at
    moment: datetime  # the report's "now": period end, elapsed time, overdue
    period_from: datetime | None
    designation: str  # initial | update | final
    next_update: datetime | None
    prepared_by: str
    desk: str
    fingerprint: str
    pages: int
    drafted_at: datetime
    approved_fingerprint: str = ""
    approved_by: str = ""
    approved_role: str = ""
    approved_at: datetime | None = None
    issued_at: datetime | None = None
    issued_by: str = ""
    files: tuple[ReportFile, ...] = ()  # office drafts and brief PDFs made from this report

    @property
    def status(self) -> str:
        """issued | approved | draft (a draft whose approval was for an earlier revision is a draft)."""
        if self.issued_at is not None:
            return "issued"
        if self.approved_fingerprint and self.approved_fingerprint == self.fingerprint:
            return "approved"
        return "draft"

    @property
    def short(self) -> str:
        return self.fingerprint[:12]

    def check_approvable(self) -> None:
        """The chair approves a draft: not an issued report, not one already approved."""
        if self.status == "issued":
            raise InvalidInput.of("situation report #{number} is already issued", number=self.number)
        if self.status == "approved":
            raise InvalidInput.of("situation report #{number} is already approved", number=self.number)

    def check_issuable(self) -> None:
        """Only an approved report is issued, and only once (after that it is reprinted)."""
        if self.status == "issued":
            raise InvalidInput.of("situation report #{number} is already issued; reprint it instead",
                                  number=self.number)
        if self.status != "approved":
            raise InvalidInput.of("situation report #{number} is not approved: the chair approves it "
                                  "first (crisisdesk report approve {number})", number=self.number)


def next_number(records: list[ReportRecord]) -> int:
    """The number a new draft takes: one after the highest issued number."""
    issued = [r.number for r in records if r.status == "issued"]
    return max(issued, default=0) + 1


def designation(number: int, event_closed: bool) -> str:
    if event_closed:
        return "final"
    return "initial" if number == 1 else "update"


def previous_issued(records: list[ReportRecord], number: int) -> ReportRecord | None:
    """The last report issued before `number` (its moment starts the next period)."""
    earlier = [r for r in records if r.status == "issued" and r.number < number]
    return max(earlier, key=lambda r: r.number, default=None)
