"""Desks for the report tests: a playbook with a huge checklist, events with nothing hit."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.desk.factories import PLAYBOOKS


def big_playbook(folder: Path, items: int = 300, sector: str = "card") -> Path:
    """The NIRS playbook plus one checklist of `items` items for one sector."""
    book = yaml.safe_load((PLAYBOOKS / "gov-system-outage.yaml").read_text(encoding="utf-8"))
    book["id"] = "gov-system-outage-big"
    book["checklists"].append({
        "id": "long-list",
        "title": {"ko": "대량 점검 목록", "en": "Long checklist"},
        "applies_to": [sector],
        "items": [{"id": f"step-{n:03d}",
                   "title": {"ko": f"대량 점검 항목 {n:03d}: 연계 시스템 상태 확인 및 기록",
                             "en": f"Long item {n:03d}: check and record the linked system"},
                   "owner": "it-lead", "due": f"{30 + n}m", "critical": n % 10 == 0}
                  for n in range(1, items + 1)],
    })
    path = folder / "big-playbook.yaml"
    path.write_text(yaml.safe_dump(book, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
