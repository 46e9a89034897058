"""The demo desk, built once per test process by `crisisdesk demo` and copied for each test,
and a way to run the command line in-process the way a shell would see it."""

from __future__ import annotations

import atexit
import contextlib
import io
import shutil
import tempfile
import traceback
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crisisdesk.cli import main


@dataclass(frozen=True)
class Outcome:
    code: int | None
    out: str
    err: str
    crash: str | None = None  # the traceback of an exception that escaped main()

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()


def run_cli(*argv: str) -> Outcome:
    """`crisisdesk ARGV` in this process; an exception escaping main() is kept as `crash`."""
    out, err = io.StringIO(), io.StringIO()
    crash = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception:  # that is the failure being looked for
            code, crash = None, traceback.format_exc()
    return Outcome(code, out.getvalue(), err.getvalue(), crash)


@cache
def demo_template() -> Path:
    """A demo desk made by `crisisdesk demo --db FILE`, closed (no -wal beside it)."""
    folder = Path(tempfile.mkdtemp(prefix="crisisdesk-demo-template-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "demo.sqlite"
    outcome = run_cli("demo", "--db", path)
    assert outcome.code == 0 and outcome.crash is None, outcome
    return path


@cache
def demo_bytes() -> bytes:
    return demo_template().read_bytes()


def demo_copy(path: Path) -> Path:
    """A fresh copy of the demo desk at `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(demo_bytes())
    return path
