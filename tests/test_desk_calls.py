"""Every call the window, the command line and the scripts make into the desk names a method the
desk has, with arguments it accepts: `desk.<service>.<method>(...)` and
`desk_module("<name>").<function>(...)`, found in the source (so calls on paths no other test
takes are checked too)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.writer import DeskService

ROOT = Path(__file__).parents[1]
CALLERS = [*sorted((ROOT / "crisisdesk" / "ui").rglob("*.py")), *sorted((ROOT / "crisisdesk" / "cli").rglob("*.py")),
           *sorted((ROOT / "scripts").rglob("*.py")), *sorted((ROOT / "benchmarks").rglob("*.py"))]


def _receiver(node: ast.expr) -> str:
    """The name a call is made on: `desk` for desk.x, `self.desk` for self.desk.x."""
    return ast.unparse(node)


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def _placeholders(call: ast.Call) -> tuple[list[object], dict[str, object]] | None:
    """Stand-ins for the call's arguments, or None when they are unpacked (*args, **kwargs)."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    return [object()] * len(call.args), {k.arg: object() for k in call.keywords if k.arg}


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    with Desk.open(tmp_path_factory.mktemp("desk") / "calls.sqlite") as desk:
        return {name: type(value) for name, value in vars(desk).items() if isinstance(value, DeskService)}


def test_the_desk_has_its_services(services):
    assert {"events", "checklists", "views", "reports", "communications", "council"} <= set(services)


def test_every_service_call_names_a_method_with_arguments_it_takes(services):
    checked, wrong = 0, []
    for path in CALLERS:
        for call in _calls(path):
            inner = call.func.value
            if not (isinstance(inner, ast.Attribute) and inner.attr in services
                    and _receiver(inner.value).split(".")[-1].endswith("desk")):
                continue
            where = f"{path.relative_to(ROOT)}:{call.lineno} {ast.unparse(call.func)}"
            method = inspect.getattr_static(services[inner.attr], call.func.attr, None)
            if method is None or not callable(getattr(services[inner.attr], call.func.attr)):
                wrong.append(f"{where}: no such method")
                continue
            arguments = _placeholders(call)
            if arguments is not None:
                bound = [] if isinstance(method, staticmethod) else [None]  # self
                try:
                    inspect.signature(getattr(services[inner.attr], call.func.attr)).bind(
                        *bound, *arguments[0], **arguments[1])
                except TypeError as exc:
                    wrong.append(f"{where}: {exc}")
            checked += 1
    assert wrong == []
    assert checked > 100  # the window and the command line make many


def test_every_desk_module_loaded_by_name_has_what_is_asked_of_it():
    checked, wrong = 0, []
    for path in CALLERS:
        for call in _calls(path):
            loader = call.func.value
            if not (isinstance(loader, ast.Call) and isinstance(loader.func, ast.Name)
                    and loader.func.id == "desk_module" and loader.args
                    and isinstance(loader.args[0], ast.Constant)):
                continue
            module = importlib.import_module(f"crisisdesk.desk.{loader.args[0].value}")
            if not hasattr(module, call.func.attr):
                wrong.append(f"{path.relative_to(ROOT)}:{call.lineno} {ast.unparse(call.func)}")
            checked += 1
    assert wrong == []
    assert checked >= 5
