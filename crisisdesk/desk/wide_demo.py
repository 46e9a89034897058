"""A demo desk with a wider group: the example group's affiliates repeated by region up to N.

For trying the board on a projector with as many affiliates as a large group has (the nine of the
example group, then "한빛부산은행", "한빛대구카드"…): the same services and providers, the
government ID check down from T0, and a few affiliates that have answered already.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW, T0, DemoClock
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.locations import shipped_playbooks_dir

REGIONS = (("부산", "Busan"), ("대구", "Daegu"), ("광주", "Gwangju"), ("대전", "Daejeon"), ("울산", "Ulsan"),
           ("강원", "Gangwon"), ("제주", "Jeju"), ("전북", "Jeonbuk"), ("경남", "Gyeongnam"), ("충청", "Chungcheong"))
MOST = len(REGIONS) * 9 + 9


def wide_group_text(count: int) -> str:
    """The example group file with `count` affiliates (9 to `MOST`), as YAML text."""
    if not 1 <= count <= MOST:
        raise InvalidInput(f"affiliates: between 1 and {MOST}, not {count}")
    data = yaml.safe_load((shipped_playbooks_dir() / "example-group.yaml").read_text(encoding="utf-8"))
    base = data["affiliates"]
    affiliates = list(base[:count])
    for n in range(count - len(affiliates)):
        (ko, en), source = REGIONS[n // len(base)], base[n % len(base)]
        copy = dict(source, id=f"{source['id']}-{en.lower()}")
        name = source["name"]
        copy["name"] = {"ko": name["ko"].replace("한빛", f"한빛{ko}", 1),
                        "en": name["en"].replace("Hanbit", f"Hanbit {en}", 1)}
        affiliates.append(copy)
    data["affiliates"] = affiliates
    data["group"] = dict(data["group"], id=f"hanbit-{count}")
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def build_wide_demo(path: Path, count: int) -> str:
    """Write a new desk of `count` affiliates with the government ID check outage open, on demo time
    like the demo desk; returns the event id. The group file is written beside it."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise InvalidInput(f"{path}: already exists; the demo is written only to a new file")
    group = path.with_name(f"{path.stem}-group.yaml")
    group.write_text(wide_group_text(count), encoding="utf-8")
    clock = DemoClock()
    with Desk.open(path, clock=clock, author="그룹 위기대응데스크") as desk:
        clock.at(20)
        desk.events.load_group(group)
        event = desk.events.activate(shipped_playbooks_dir() / "gov-system-outage.yaml", "국가정보자원관리원 화재",
                              t0=T0, down=("gov-id-check",)).created
        for i, affiliate in enumerate(desk.events.group().affiliates):
            if i % 3 == 2:
                continue  # a third have not answered yet
            clock.at(30 + 37 * i % 1000)
            items = [x for x in desk.views.checklist(event, affiliate.id) if x.state == "todo"][: 2 + i % 5]
            for item in items:
                desk.checklists.set_item(event, affiliate.id, f"{item.checklist}/{item.item}", state="done")
        desk.store.set_meta("demo_anchor", to_iso(DEMO_NOW))
    return event
