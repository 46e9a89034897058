"""Situation report rendering: a large generated desk next to a bare reportlab document, and the demo.

Usage: python benchmarks/report_render.py [--affiliates 30] [--items 150] [--decisions 300]
A desk of 30 affiliates x 150 items (each item changed once) and 300 decisions is generated
in a temporary folder with benchmarks/make_large_desk.py. Its situation report is rendered
(median of 3) beside a bare reportlab document holding the same number of plain table rows
in tables of the same sizes (string cells, NanumGothic, header rows repeated), in the same
run. Then the demo event: desk.views.situation() plus the render, and the render alone.
Targets: report / bare <= 1.5, and the demo event under 3 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_large_desk import build  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table  # noqa: E402

from crisisdesk.desk.app import Desk  # noqa: E402
from crisisdesk.desk.demo import DEMO_NOW, build_demo  # noqa: E402
from crisisdesk.reports import ReportMeta, fonts, render  # noqa: E402
from crisisdesk.reports import blocks as content  # noqa: E402
from crisisdesk.reports.render import report_blocks  # noqa: E402


def _median(func, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def table_sizes(situation, meta) -> list[int]:
    """Row counts (header included) of every table in the report, in order."""
    return [len(b.rows) + 1 for b in report_blocks(situation, meta) if isinstance(b, content.Table)]


def bare_document(sizes: list[int], cut: int = 0) -> tuple[bytes, int]:
    """Plain reportlab: the same tables, five short string cells a row, nothing else.

    With `cut`, long tables are cut into tables of at most `cut` rows (reportlab splits one
    long table in time that grows with its length; this is the bare document's best case)."""
    if cut:
        sizes = [min(cut, size - start) + 1 for size in sizes for start in range(0, size - 1, cut)]
    fonts.register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1, initialFontName=fonts.REGULAR)
    story = []
    for size in sizes:
        data = [["시각", "구분", "내용", "상태", "작성자"]]
        data += [[f"09-26 {n % 24:02d}:{n % 60:02d}", "점검", f"점검 항목 {n:04d} 상세 확인", "완료", "bench"]
                 for n in range(size - 1)]
        table = Table(data, colWidths=[70, 60, 230, 60, 90], repeatRows=1)
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                        ("GRID", (0, 0), (-1, -1), 0.3, "grey")])
        story.append(table)
    doc.build(story)
    return buffer.getvalue(), doc.page


def large(affiliates: int, items: int, decisions: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.sqlite"
        start = time.perf_counter()
        build(path, affiliates=affiliates, items=items, changes=1, decisions=decisions)
        built = time.perf_counter() - start
        with Desk.open(path, clock=lambda: DEMO_NOW) as desk:
            ev = desk.events.event_records()[0].id
            read, situation = _median(
                lambda: desk.reports.report_situation(desk.events.event(ev), None, DEMO_NOW, "ko"), repeat=1)
    meta = ReportMeta(kind="situation", number=1, designation="initial", status="draft")
    fonts.register()
    sizes = table_sizes(situation, meta)
    ours, rendered = _median(lambda: render(situation, meta))
    bare, (_, bare_pages) = _median(lambda: bare_document(sizes))
    cut, (_, cut_pages) = _median(lambda: bare_document(sizes, cut=150))
    return {"desk_built_s": built, "read_s": read, "rows": sum(sizes), "tables": len(sizes),
            "report_s": ours, "report_pages": rendered.pages, "bare_s": bare, "bare_pages": bare_pages,
            "cut_s": cut, "cut_pages": cut_pages}


def demo() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo(path)
        with Desk.open(path, clock=lambda: DEMO_NOW) as desk:
            total, rendered = _median(lambda: desk.reports.render_report(None, "situation"))
            draft, _ = _median(lambda: desk.reports.draft_report(), repeat=1)
            situation = desk.reports.report_situation(desk.events.event(None), None, DEMO_NOW, "ko")
            alone, _ = _median(lambda: render(situation, ReportMeta(kind="situation")))
    return {"demo_s": total, "demo_draft_s": draft, "demo_render_s": alone, "demo_pages": rendered.pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--affiliates", type=int, default=30)
    parser.add_argument("--items", type=int, default=150)
    parser.add_argument("--decisions", type=int, default=300)
    args = parser.parse_args()
    big = large(args.affiliates, args.items, args.decisions)
    print(f"large desk: {args.affiliates} affiliates x {args.items} items, {args.decisions} decisions "
          f"(built in {big['desk_built_s']:.1f} s); {big['rows']:,} table rows in {big['tables']} tables")
    print(f"  desk.views.situation()            {big['read_s']:6.2f} s")
    print(f"  situation report            {big['report_s']:6.2f} s  {big['report_pages']:4d} pages")
    print(f"  bare reportlab              {big['bare_s']:6.2f} s  {big['bare_pages']:4d} pages   "
          f"ratio {big['report_s'] / big['bare_s']:.2f} (target <= 1.5)")
    print(f"  bare, tables cut at 150 rows {big['cut_s']:5.2f} s  {big['cut_pages']:4d} pages   "
          f"ratio {big['report_s'] / big['cut_s']:.2f}")
    small = demo()
    print(f"demo event: situation() + render {small['demo_s']:.2f} s, draft (replay + render + journal) "
          f"{small['demo_draft_s']:.2f} s, render alone {small['demo_render_s']:.2f} s, "
          f"{small['demo_pages']} pages (target < 3 s)")


if __name__ == "__main__":
    main()
