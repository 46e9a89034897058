"""One name per concept: no two classes of the program share a name; entry kinds are one enum."""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "crisisdesk"


def test_every_class_name_is_used_once():
    homes = defaultdict(list)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                homes[node.name].append(str(path.relative_to(PACKAGE)))
    assert {name: where for name, where in homes.items() if len(where) > 1} == {}


def test_entry_kinds_are_written_as_kind_members():
    """A kind is `Kind.CHECKLIST_CHANGED`, never the bare word (a typo would pass unnoticed);
    the reports' catalogue keys its labels by words of its own ("event.closed" is a status)."""
    from crisisdesk.domain.entry_kinds import Kind

    words = {kind.value for kind in Kind}
    bare = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("entry_kinds.py", "catalogue.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in words:
                bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value}")
    assert bare == []
