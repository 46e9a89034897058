"""A drill and a real event on one desk (and on the affiliate desk its packets reach): nothing of the
drill appears in the real event's figures, timeline, reports, reviews or register, nor is counted
as real."""

from __future__ import annotations

from pypdf import PdfReader

from crisisdesk.desk.exchange_models import IMPORTED
from crisisdesk.locations import shipped_playbooks_dir
from tests.exchange.factories import T0

DRILL_BOOK = shipped_playbooks_dir() / "drill-gov-id-outage.yaml"
REAL_BOOK = shipped_playbooks_dir() / "gov-system-outage.yaml"


def test_drill_entries_never_count_in_the_real_event(trio, tmp_path):
    group, bank, _ = trio
    desk = group.desk
    real = desk.events.activate(REAL_BOOK, "국정자원 화재(실제)", t0=T0).created
    drill = desk.events.activate(DRILL_BOOK, "합동 모의훈련", t0=T0, drill=True).created
    real_before = {"board": desk.views.board(real), "timeline": len(desk.views.timeline(real)),
                   "providers": desk.views.providers(real)}
    for inject in ("gov-id-down", "vendor-down", "bank-complaints", "press-enquiry"):
        desk.drills.release_inject(drill, inject)
    desk.drills.respond_to_inject(drill, "group", "press-enquiry", "입장문 배포")
    desk.reviews.record_finding(drill, "훈련 발견 사항")

    # on the group desk: the real event is exactly as it was
    assert [e.kind for e in desk.views.timeline(real)] and len(desk.views.timeline(real)) == real_before["timeline"]
    assert desk.views.providers(real) == real_before["providers"]  # the injects' providers stayed in the drill
    board = desk.views.board(real)
    assert board.measures == real_before["board"].measures and board.past_rto == real_before["board"].past_rto
    assert {m.measure: m.total for m in desk.views.board(drill).measures}["complaints"] == 420
    review = desk.reviews.after_action(real)
    assert not review.drill and review.injects_released == 0 and review.responses == ()
    assert review.findings == () and review.outages == ()
    assert desk.reviews.drill_register(T0.year) and all(r.event_id == drill for r in desk.reviews.drill_register(T0.year))

    pdf = tmp_path / "real.pdf"
    pdf.write_bytes(desk.reports.render_report(real, "situation").pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "모의훈련" not in text and "기자 문의" not in text and "420" not in text

    # on the bank's desk, after the packet: the drill's entries sit in the drill event only
    result = group.exchange.export_to(bank.id, tmp_path)
    assert bank.exchange.import_file(result.path).status == IMPORTED
    assert bank.desk.events.event(real).record.drill is False and bank.desk.events.event(drill).record.drill is True
    real_kinds = {e.kind for e in bank.desk.views.timeline(real)}
    assert not any(kind.startswith(("drill.", "review.")) for kind in real_kinds)
    assert {p.provider: p.status for p in bank.desk.views.providers(real)} == \
        {p.provider: p.status for p in real_before["providers"]}  # the injects' provider changes stayed out
    assert {a.field: a.value for a in bank.desk.views.answers(real, "bank")}.get("complaints") is None
    assert {a.field: a.value for a in bank.desk.views.answers(drill, "bank")}["complaints"] == 420
