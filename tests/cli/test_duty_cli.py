"""`crisisdesk duty list|file|move` on the demo desk."""

import json

from crisisdesk.cli import main


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_duties_listed_filed_and_moved(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert _run(capsys, "demo", "--db", db)[0] == 0
    event = json.loads(_run(capsys, "event", "list", "--json", "--db", db)[1])[0]["id"]
    code, out, _ = _run(capsys, "duty", "list", "--json", "--db", db)
    duties = {(d["duty"], d["filer"], d["occurrence"]): d for d in json.loads(out)}
    assert duties[("fss-initial", "bank", 1)]["reference"] == "FSS-2025-0926-0141"
    assert duties[("fss-initial", "securities", 1)]["state"] == "due"  # not filed yet in the demo
    intermediate = duties[("fss-intermediate", "bank", 1)]
    assert intermediate["moved"] and "협의회 결정" in intermediate["reason"]  # the council's decision
    assert intermediate["deadline"].startswith("2025-09-28T09:00")  # Sunday 18:00 KST
    assert not any(filer == "group" for _, filer, _ in duties)  # each licensed affiliate files its own
    code, out, _ = _run(capsys, "duty", "file", event, "fss-initial", "submitted", "--filer", "securities",
                        "--reference", "FSS-2025-0927-0031", "--db", db)
    assert code == 0 and "securities fss-initial#1: submitted" in out
    code, out, _ = _run(capsys, "duty", "move", event, "fss-initial", "--to", "2025-09-28 09:00",
                        "--reason", "x", "--filer", "securities", "--db", db)
    assert code == 1
    code, _, err = _run(capsys, "duty", "file", event, "fss-initial", "submitted", "--filer", "group", "--db", db)
    assert code == 1 and "'group' does not file 'fss-initial'" in err and err.count("\n") == 1
    code, out, _ = _run(capsys, "duty", "list", "--db", db)
    assert "FSS-2025-0927-0031" in out and "(moved: 협의회 결정" in out
