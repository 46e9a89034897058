"""`crisisdesk self-test`: one line per check; exit 0 only if every check passes."""

from __future__ import annotations

from pathlib import Path

from crisisdesk.cli.common import add_command
from crisisdesk.desk.self_test import CheckResult, run_checks, throwaway_folder


def register(sub) -> None:
    add_command(sub, "self-test", run_self_test,
                "check this installation: playbooks, a throw-away desk, reports, journal, font, keys, window",
                db=False)


def run_self_test(args) -> int:
    failed = 0
    with throwaway_folder() as tmp:
        folder = Path(tmp)
        for check in (*run_checks(folder), _window_check(folder)):
            failed += not check.ok
            print(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}", flush=True)
    print("self-test passed" if not failed else f"self-test FAILED: {failed} check(s)")
    return 0 if not failed else 1


def _window_check(folder) -> CheckResult:
    try:
        from crisisdesk.ui.self_check import check_window

        return CheckResult("window", True, check_window(folder / "self-test.sqlite"))
    except Exception as exc:  # reported as a failed line, never a traceback
        return CheckResult("window", False, f"{type(exc).__name__}: {exc}")
