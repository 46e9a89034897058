"""Generate a large desk for benchmarks: many affiliates, items, state changes and decisions.

Usage: python benchmarks/make_large_desk.py OUT.sqlite [--affiliates 50] [--items 300]
       [--changes 10] [--decisions 2000]
The group file and playbook are generated next to OUT; the event is activated through the
desk API, and the state changes are journaled through the same projectors, in batches.
"""

from __future__ import annotations

import argparse
import itertools
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from crisisdesk.desk.app import Desk
from crisisdesk.domain.checklist import STATES, ItemState

KST = ZoneInfo("Asia/Seoul")
T0 = datetime(2025, 9, 26, 20, 20, tzinfo=KST)


def group_yaml(affiliates: int) -> str:
    lines = ["format: crisisdesk.group/1", "group: {id: large, name: {ko: 대형금융그룹, en: Large Group}}",
             "affiliates:"]
    for a in range(affiliates):
        lines += [f"  - id: aff-{a:02d}", f"    name: {{ko: 계열사 {a:02d}, en: Affiliate {a:02d}}}",
                  "    sector: bank", "    services:"]
        for s in range(4):
            lines.append(f"      - {{id: svc-{s}, name: 서비스 {s}, critical: {str(s == 0).lower()}, "
                         f"rto: {3 + s}h, depends_on: [{'gov-id-check' if s < 2 else 'cloud'}]}}")
    lines += ["providers:", "  - {id: gov-id-check, name: 신분확인, kind: government, alternatives: [mobile-dl]}",
              "  - {id: mobile-dl, name: 모바일 면허, kind: government}",
              "  - {id: cloud, name: 클라우드, kind: cloud}"]
    return "\n".join(lines) + "\n"


def playbook_yaml(items: int) -> str:
    lines = ["format: crisisdesk.playbook/1", "id: large", "version: 1", "title: 대형 시나리오",
             "reviewed: 2026-10-01", "summary: 벤치마크용", "levels:",
             "  - {id: attention, title: 관심}", "  - {id: caution, title: 주의}",
             "  - {id: alert, title: 경계}", "  - {id: serious, title: 심각}",
             "roles:", "  - {id: chair, title: 위원장}", "  - {id: it-lead, title: IT 책임자}",
             "impact:", "  - {id: customers, kind: integer, label: 영향 고객 수}", "checklists:"]
    per = 50
    for c in range(0, items, per):
        lines += [f"  - id: phase-{c // per}", f"    title: 단계 {c // per}", "    applies_to: [all]", "    items:"]
        for i in range(c, min(items, c + per)):
            lines.append(f"      - {{id: item-{i:03d}, title: 점검 항목 {i:03d} 상세 확인, owner: it-lead, "
                         f"due: {1 + i % 48}h, critical: {str(i % 7 == 0).lower()}}}")
    return "\n".join(lines) + "\n"


def build(out: Path, affiliates=50, items=300, changes=10, decisions=2000, batch=2000) -> str:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    (out.parent / "large-group.yaml").write_text(group_yaml(affiliates), encoding="utf-8")
    (out.parent / "large-playbook.yaml").write_text(playbook_yaml(items), encoding="utf-8")
    clock = [T0]
    desk = Desk.open(out, clock=lambda: clock[0], author="bench")
    try:
        desk.events.load_group(out.parent / "large-group.yaml")
        ev = desk.events.activate(out.parent / "large-playbook.yaml", "대형 벤치마크 사건", t0=T0,
                           down=("gov-id-check",)).created
        rows = desk.store.conn.execute(
            "SELECT affiliate, checklist, item FROM checklist_items WHERE event = ?", [ev]).fetchall()
        states = itertools.cycle(s for s in STATES if s != "blocked")
        pending = []
        for round_ in range(changes):
            for affiliate, checklist, item in rows:
                state = next(states) if round_ < changes - 1 else ("done" if hash(item) % 3 else "todo")
                after = ItemState(state=state, note=f"라운드 {round_}")
                pending.append(("checklist.changed", {
                    "event": ev, "affiliate": affiliate, "checklist": checklist, "item": item,
                    "before": {}, "after": after.as_dict(), "base": "", "undoes": ""}))
                if len(pending) >= batch:
                    clock[0] += timedelta(seconds=1)
                    desk._writer.record_many(pending)
                    pending = []
        for n in range(decisions):
            pending.append(("decision.recorded", {
                "event": ev, "decision": f"d-{n:05d}", "action": "decide", "amends": "",
                "text": f"결정 사항 {n}", "rationale": "", "decided_by": "chair", "attendees": ["chair"],
                "affiliates": [f"aff-{n % affiliates:02d}"], "meeting": ""}))
        clock[0] += timedelta(seconds=1)
        desk._writer.record_many(pending)
        return ev
    finally:
        desk.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--affiliates", type=int, default=50)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--decisions", type=int, default=2000)
    args = parser.parse_args()
    start = time.perf_counter()
    ev = build(args.out, args.affiliates, args.items, args.changes, args.decisions)
    print(f"large desk {args.out}: event {ev}, built in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
