"""Held-out check of the reporting model on a group of 30 affiliates: only the licensed
affiliates that cross a threshold owe reports, each with its clock from its own awareness."""

from datetime import timedelta

import yaml

from crisisdesk.desk.app import Desk
from tests.desk.factories import NIRS_T0, ManualClock
from tests.desk.truthful_factories import PLAYBOOK_2

LICENSED_HIT = ("a01", "a02", "a03")  # licensed; their services go down long enough
LICENSED_SHORT = ("a04", "a05")  # licensed; down only briefly, few customers
UNLICENSED_HIT = ("a06",)  # down long, but files no report of its own


def _group() -> str:
    affiliates = []
    for n in range(1, 31):
        ident = f"a{n:02d}"
        depends = {**{a: "ext-1" for a in LICENSED_HIT + UNLICENSED_HIT}, **{a: "ext-2" for a in LICENSED_SHORT}}
        affiliates.append({
            "id": ident, "name": {"ko": f"계열사{n}", "en": f"Affiliate {n}"}, "sector": "bank",
            "licensed": ident not in UNLICENSED_HIT,
            "services": [{"id": "svc", "name": "서비스", "critical": True, "rto": "3h",
                          "depends_on": [depends.get(ident, "ext-3")]}]})
    return yaml.safe_dump({
        "format": "crisisdesk.group/2", "group": {"id": "big", "name": "대형금융그룹"},
        "affiliates": affiliates,
        "providers": [{"id": f"ext-{i}", "name": f"외부 기관 {i}", "kind": "government"} for i in (1, 2, 3)],
    }, allow_unicode=True, sort_keys=False)


def test_exactly_the_licensed_affiliates_over_a_threshold_owe_reports(tmp_path):
    (tmp_path / "g.yaml").write_text(_group(), encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PLAYBOOK_2, encoding="utf-8")
    clock = ManualClock()
    with Desk.open(tmp_path / "d.sqlite", clock=clock) as desk:
        desk.events.load_group(tmp_path / "g.yaml")
        ev = desk.events.activate(tmp_path / "p.yaml", "외부 장애", t0=NIRS_T0, down=("ext-1", "ext-2")).created
        clock.advance(minutes=5)
        desk.events.set_provider(ev, "ext-2", "restored")  # the short outage: 5 minutes
        for n, affiliate in enumerate(LICENSED_HIT):
            desk.assessments.answer(ev, affiliate, "aware-at", (NIRS_T0 + timedelta(minutes=10 * n)).isoformat())
        desk.assessments.answer(ev, "a04", "customers-affected", 20_000)  # many customers, but only 5 minutes
        clock.advance(hours=2)
        duties = desk.views.duties(ev)
        initial = {d.filer: d for d in duties if d.duty == "fss-initial"}
        assert set(initial) == set(LICENSED_HIT)
        for n, affiliate in enumerate(LICENSED_HIT):
            assert initial[affiliate].deadline == NIRS_T0 + timedelta(minutes=10 * n, hours=24)
        assert {d.filer for d in duties if d.duty == "fss-final"} == set(LICENSED_HIT)
        assert {d.filer for d in duties if d.duty == "hq-status"} == {"group"}
        assert desk.views.board(ev).past_rto == 0  # a government outage is no RTO breach
