"""`crisisdesk demo --affiliates N`: the example group repeated by region, an outage open on demo time."""

import json

from crisisdesk.cli import main
from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_wider_demo_has_every_affiliate_on_its_board(tmp_path, capsys):
    db = tmp_path / "wide.sqlite"
    code, out, _ = _run(capsys, "demo", "--db", str(db), "--affiliates", "30")
    assert code == 0 and "30 affiliates" in out
    with Desk.open(db, clock=lambda: DEMO_NOW) as desk:
        affiliates = desk.events.group().affiliates
        assert len(affiliates) == 30 and len({a.id for a in affiliates}) == 30
        names = [a.name.get("ko") for a in affiliates]
        assert names[:2] == ["한빛은행", "한빛남부은행"] and "한빛부산은행" in names and "한빛대구카드" in names
        board = desk.views.board()
        assert len(board.tiles) == 30 and board.hit_affiliates == 30
        assert sum(1 for t in board.tiles if t.last_update is None) == 10  # a third have not answered
    events = json.loads(_run(capsys, "event", "list", "--json", "--db", str(db))[1])
    assert len(events) == 1


def test_a_wider_demo_refuses_what_it_cannot_make(tmp_path, capsys):
    code, _, err = _run(capsys, "demo", "--db", str(tmp_path / "w.sqlite"), "--affiliates", "100")
    assert code == 1 and "between 1 and 99" in err
    (tmp_path / "kept.sqlite").write_bytes(b"something")
    code, _, err = _run(capsys, "demo", "--db", str(tmp_path / "kept.sqlite"), "--affiliates", "12")
    assert code == 1 and "already exists" in err and (tmp_path / "kept.sqlite").read_bytes() == b"something"
