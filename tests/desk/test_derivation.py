from datetime import timedelta

from crisisdesk.formats.group_file import load_group
from tests.desk.factories import GROUP_FILE, activate_nirs, make_desk


def test_gov_id_check_down_hits_exactly_its_dependants(tmp_path):
    group = load_group(GROUP_FILE).value
    expected = {(a.id, s.id) for a in group.affiliates for s in a.services if "gov-id-check" in s.providers}
    assert expected, "the example group must depend on the government ID check"
    with make_desk(tmp_path / "d.sqlite") as desk:
        board = desk.views.board(activate_nirs(desk))
        hit = {(s.affiliate, s.service) for t in board.tiles for s in t.services}
        assert hit == expected
        for tile in board.tiles:
            for service in tile.services:
                own = group.affiliate(tile.affiliate).service(service.service).dependency("gov-id-check")
                # down, or degraded where the group file says the service still partly works
                assert service.status == own.effect and service.rto_deadline is None  # government: no RTO
                assert [alt.ko for alt in service.alternatives] == ([] if own.alternative.empty
                                                                    else [own.alternative.ko])
                assert [p.ko for p in service.providers] == [group.provider("gov-id-check").name.ko]


def test_alternative_that_is_down_is_not_offered(tmp_path):
    with make_desk(tmp_path / "d.sqlite") as desk:
        ev = activate_nirs(desk, down=("gov-id-check", "mobile-dl-check"))
        alternatives = {alt.en for t in desk.views.board(ev).tiles for s in t.services for alt in s.alternatives}
        assert "Mobile driver's licence check" not in alternatives


def test_rto_clock_runs_from_the_failure_of_the_groups_own_system(tmp_path):
    with make_desk(tmp_path / "d.sqlite") as desk:
        ev = activate_nirs(desk, down=())
        desk.clock.advance(hours=2)
        desk.events.set_provider(ev, "group-dc", "down")
        tile = desk.views.board(ev).tile("bank")
        critical = next(s for s in tile.services if s.critical)
        assert critical.rto_deadline == desk.clock() + critical.rto
        desk.clock.now = critical.rto_deadline + timedelta(minutes=1)
        assert desk.views.board(ev).tile("bank").past_rto >= 1
        assert desk.views.board(ev).tile("bank").colour == "red"
        desk.events.set_provider(ev, "group-dc", "restored")
        assert desk.views.board(ev).tile("bank").services == ()


def test_affiliate_correction_wins_and_is_kept(tmp_path):
    with make_desk(tmp_path / "d.sqlite") as desk:
        ev = activate_nirs(desk)
        desk.assessments.assess_service(ev, "card", "check-card-issue", "degraded", "지점 발급 가능")
        service = next(s for s in desk.views.board(ev).tile("card").services if s.service == "check-card-issue")
        assert (service.status, service.derived, service.confirmed_by, service.note) == (
            "degraded", "down", "tester", "지점 발급 가능")
        assert desk.verify().ok


def test_provider_states_read_model(tmp_path):
    with make_desk(tmp_path / "d.sqlite") as desk:
        ev = activate_nirs(desk)
        desk.events.set_provider(ev, "giro", "degraded", "지연")
        states = {p.provider: p for p in desk.views.providers(ev)}
        assert states["gov-id-check"].status == "down"
        assert states["giro"].status == "degraded" and states["giro"].note == "지연"
        assert states["cloud"].status == "normal" and states["cloud"].since is None
        assert "모바일 운전면허증 확인" in [a.ko for a in states["gov-id-check"].alternatives]
        assert desk.events.event(ev).title == "국가정보자원관리원 화재"
