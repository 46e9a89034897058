"""Every file under broken/ has one fault; the loader must place it and explain it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group
from crisisdesk.formats.playbook_file import load_playbook

BROKEN = Path(__file__).parent / "broken"
CASES = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))
LOADERS = {
    "playbook": lambda path: load_playbook(path, today=date(2026, 6, 1)),
    "group": load_group,
}


def test_corpus_is_complete():
    listed = {case["file"] for case in CASES}
    on_disk = {p.name for p in BROKEN.glob("*.yaml")} - {"expected.yaml"}
    assert listed == on_disk
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_broken_file_is_refused_at_the_fault(case):
    path = BROKEN / case["file"]
    with pytest.raises(FormatError) as info:
        LOADERS[case["kind"]](path)
    errors = info.value.errors
    assert len(errors) == 1, str(info.value)
    error = errors[0]
    assert f"{error.line}:{error.col}" == case["at"], str(error)
    assert case["message"] in error.message, str(error)
    assert str(error).startswith(f"{path}:{case['at']}: ")
