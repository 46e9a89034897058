"""Write the sample reports of the demo event to docs/samples/ (run from the checkout).

Usage: python scripts/make_report_samples.py [OUT_DIR]
The demo desk is built in a temporary folder and read at demo time (Saturday 14:00 KST):
report #1 is drafted, approved by the chair and issued, with its brief (PDF) and editable office
drafts of its body (HWPX, DOCX); report #2 is drafted in English (watermarked); the paper
checklist of the bank is printed.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW, build_demo


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    moments = iter([DEMO_NOW, DEMO_NOW + timedelta(minutes=20), DEMO_NOW + timedelta(minutes=30)])
    now = [DEMO_NOW]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo(path)
        with Desk.open(path, clock=lambda: now[0], author="그룹 위기대응데스크 김보고") as desk:
            now[0] = next(moments)
            desk.reports.draft_report(next_update=DEMO_NOW + timedelta(hours=6), prepared_by="김보고 (그룹 BCP 담당)")
            now[0] = next(moments)
            desk.reports.approve_report(None, 1, approver="이정민")
            now[0] = next(moments)
            desk.reports.issue_report(None, 1, out=out / "situation-report-1-ko.pdf")
            desk.reports.export_report(None, 1, kind="brief", out=out / "executive-brief-1-ko.pdf")
            desk.reports.export_report(None, 1, out=out / "situation-report-1-ko-draft.hwpx")
            desk.reports.export_report(None, 1, out=out / "situation-report-1-ko-draft.docx")
            desk.reports.draft_report(lang="en", next_update=DEMO_NOW + timedelta(hours=6),
                              prepared_by="Kim Bo-go (group BCP officer)",
                              out=out / "situation-report-2-en-draft.pdf")
            desk.reports.save_report(desk.reports.render_report(None, "paper", affiliate="bank"),
                             out / "paper-checklist-bank-ko.pdf")
            for record in desk.reports.report_register():
                print(f"#{record.number} {record.status} {record.lang} {record.pages} pages {record.short}")
    for made in sorted(out.glob("*.*")):
        print(f"{made}: {made.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "samples")
