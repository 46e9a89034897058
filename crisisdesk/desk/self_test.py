"""The program checks itself: playbooks, a throw-away desk, reports, journal, font, key storage.

Used by `crisisdesk self-test` (and the bundle's) to prove an installation works before a
crisis needs it. Each check returns one line; nothing outside a temporary folder is written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import T0
from crisisdesk.exchange.keys import EncryptedFileKeys, keyring_status
from crisisdesk.formats.group_file import load_group
from crisisdesk.formats.library import find_playbooks
from crisisdesk.formats.result import LoadResult
from crisisdesk.locations import LICENCE_FILES, licence_files, resource_path, shipped_playbooks_dir
from crisisdesk.reports import fonts


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


State = dict[str, Any]  # what one check leaves for the next (the open desk, the event)


class _Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def run_checks(folder: Path) -> Iterator[CheckResult]:
    """Every check in order; `folder` is a temporary folder the checks may write into."""
    state: State = {}
    for name, check in _CHECKS:
        try:
            detail = check(folder, state)
            yield CheckResult(name, True, detail)
        except Exception as exc:  # a self-test reports every failure as a line, never a traceback
            yield CheckResult(name, False, f"{type(exc).__name__}: {exc}")


def _playbooks(folder: Path, state: State) -> str:
    shipped = shipped_playbooks_dir()
    group = load_group(shipped / "example-group.yaml")
    found = find_playbooks([shipped], group.value)
    broken = [f"{path.name}: {result}" for path, result in found if not isinstance(result, LoadResult)]
    warned = [f"{path.name}: {result.warnings[0]}" for path, result in found
              if isinstance(result, LoadResult) and result.warnings]
    if broken or warned or not found:
        raise AssertionError("; ".join(broken + warned) or f"no playbooks in {shipped}")
    state["playbooks"] = [path for path, _ in found]
    return f"{len(found)} playbooks and the example group load with no error or warning"


def _scenario(folder: Path, state: State) -> str:
    desk = Desk.open(folder / "self-test.sqlite", clock=_Clock(), author="self-test")
    state["desk"] = desk
    desk.events.load_group(shipped_playbooks_dir() / "example-group.yaml")
    for path in state["playbooks"]:
        event = desk.events.activate(path, f"self-test {path.stem}", t0=T0, drill=True).created
        desk.events.close_event(event, "self-test")
    event = desk.events.activate("gov-system-outage", "자체 점검 사건", t0=T0, drill=True,
                          down=("gov-id-check",)).created
    state["event"] = event
    item = desk.views.checklist(event, "bank")[0].item
    desk.checklists.set_item(event, "bank", item, state="done")
    desk.checklists.undo_item(event, "bank", item)
    desk.assessments.answer(event, "bank", "customers-affected", 100)
    desk.council.record_decision(event, "자체 점검 결정")
    hit = desk.views.board(event).hit_affiliates
    if not hit:
        raise AssertionError("the government ID check down hit no affiliate")
    return f"{len(state['playbooks'])} events activated; tick, undo, answer, decision; {hit} affiliates hit"


def _reports(folder: Path, state: State) -> str:
    desk, event = state["desk"], state["event"]
    pages = []
    for kind in ("situation", "brief", "paper"):
        rendered = desk.reports.render_report(event, kind, affiliate="bank" if kind == "paper" else None)
        if not rendered.pdf.startswith(b"%PDF") or fonts.REGULAR.encode() not in rendered.pdf:
            raise AssertionError(f"the {kind} PDF is not a PDF with the Korean font embedded")
        (folder / f"{kind}.pdf").write_bytes(rendered.pdf)
        pages.append(f"{kind} {rendered.pages} p.")
    return ", ".join(pages)


def _office_files(folder: Path, state: State) -> str:
    """A numbered report drafted, then its editable drafts (HWPX, DOCX) and a workbook written:
    the office libraries and the files they read (templates) are all there."""
    desk, event = state["desk"], state["event"]
    number = desk.reports.draft_report(event).record.number
    written = []
    for name in (f"report-{number}.hwpx", f"report-{number}.docx"):
        desk.reports.export_report(event, number, out=folder / name)
        written.append(name.rsplit(".", 1)[1].upper())
    desk.workbook.export_workbook(event, out=folder / "event.xlsx")
    written.append("XLSX")
    for path in folder.glob("report-*.*x"):
        if not path.read_bytes().startswith(b"PK"):
            raise AssertionError(f"{path.name} is not an office file (a ZIP package)")
    return f"report #{number} as {', '.join(written)}"


def _journal(folder: Path, state: State) -> str:
    desk = state["desk"]
    report = desk.verify()
    if not report.ok:
        raise AssertionError(report.problems[0])
    desk.backup(folder / "self-test-backup.sqlite")
    return f"{report.entries} entries: chain intact, projections match, backup verified"


def _font(folder: Path, state: State) -> str:
    name = fonts.register()
    licence = resource_path("fonts", "OFL.txt")
    if not licence.is_file():
        raise AssertionError(f"the font licence {licence} is missing")
    return f"{name} registered from {resource_path('fonts')} (licence beside it)"


def _licences(folder: Path, state: State) -> str:
    found = licence_files()
    names = [path.name for path in found]
    missing = [name for name in LICENCE_FILES if name not in names]
    if missing or any(path.stat().st_size == 0 for path in found):
        raise AssertionError(f"licence files missing or empty: {', '.join(missing) or names}")
    return f"{', '.join(names)} in {found[0].parent}"


def _keys(folder: Path, state: State) -> str:
    status = keyring_status()
    store = EncryptedFileKeys(folder / "self-test.key", "self-test passphrase")
    key = Ed25519PrivateKey.generate()
    store.save("self-test", key)
    if store.load("self-test").private_bytes_raw() != key.private_bytes_raw():
        raise AssertionError("the encrypted key file did not give the key back")
    where = status.backend if status.available else "none (the encrypted-file fallback is used)"
    return f"OS keyring: {where}; encrypted-file fallback round trip ok"


def _close(folder: Path, state: State) -> str:
    desk = state.pop("desk", None)
    if desk is not None:
        desk.close()
    return "throw-away desk closed"


_CHECKS: tuple[tuple[str, Callable[[Path, State], str]], ...] = (
    ("playbooks", _playbooks),
    ("scenario", _scenario),
    ("reports", _reports),
    ("office files", _office_files),
    ("journal", _journal),
    ("korean font", _font),
    ("licences", _licences),
    ("keys", _keys),
    ("cleanup", _close),
)


def throwaway_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="crisisdesk-self-test-")
