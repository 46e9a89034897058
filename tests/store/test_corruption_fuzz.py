"""Random byte and page corruptions of a demo desk: `verify`, `event show` and `report` never
crash; each says "ok" or names the damage in one line.

Quick by default (150 cases); CRISISDESK_FUZZ_CASES=N for another count, CRISISDESK_LONG=1 for
10,000. Every case is seeded by its number, so a failure names the seed that reproduces it.
"""

from __future__ import annotations

import os
import random
from collections import Counter

import pytest

from crisisdesk.desk import context
from tests.conftest import LONG
from tests.store.demo_desk import demo_bytes, run_cli

CASES = int(os.environ.get("CRISISDESK_FUZZ_CASES") or (10_000 if LONG else 150))
PAGE = 4096


def _flip_bytes(data: bytearray, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data))
        data[at] ^= rng.randint(1, 255)
    return "bytes"


def _flip_in_page(data: bytearray, rng: random.Random) -> str:
    page = rng.randrange(len(data) // PAGE)
    for _ in range(rng.randint(1, 32)):
        data[page * PAGE + rng.randrange(PAGE)] = rng.randrange(256)
    return f"bytes in page {page + 1}"


def _zero_page(data: bytearray, rng: random.Random) -> str:
    page = rng.randrange(len(data) // PAGE)
    data[page * PAGE:(page + 1) * PAGE] = bytes(PAGE)
    return f"zeroed page {page + 1}"


def _random_page(data: bytearray, rng: random.Random) -> str:
    page = rng.randrange(len(data) // PAGE)
    data[page * PAGE:(page + 1) * PAGE] = rng.randbytes(PAGE)
    return f"random page {page + 1}"


def _copy_page(data: bytearray, rng: random.Random) -> str:
    pages = len(data) // PAGE
    a, b = rng.randrange(pages), rng.randrange(pages)
    data[b * PAGE:(b + 1) * PAGE] = data[a * PAGE:(a + 1) * PAGE]
    return f"page {a + 1} copied over page {b + 1}"


def _swap_pages(data: bytearray, rng: random.Random) -> str:
    pages = len(data) // PAGE
    a, b = rng.randrange(pages), rng.randrange(pages)
    first, second = bytes(data[a * PAGE:(a + 1) * PAGE]), bytes(data[b * PAGE:(b + 1) * PAGE])
    data[a * PAGE:(a + 1) * PAGE], data[b * PAGE:(b + 1) * PAGE] = second, first
    return f"pages {a + 1} and {b + 1} swapped"


def _header(data: bytearray, rng: random.Random) -> str:
    at = rng.randrange(100)
    data[at] = rng.randrange(256)
    return f"header byte {at}"


def _truncate(data: bytearray, rng: random.Random) -> str:
    cut = rng.randrange(1, len(data))
    if rng.random() < 0.5:
        cut -= cut % PAGE
    del data[max(cut, 1):]
    return f"truncated to {len(data)} bytes"


def _page_one(data: bytearray, rng: random.Random) -> str:
    """sqlite_master's root page: the schema, the triggers' SQL text."""
    for _ in range(rng.randint(1, 4)):
        data[100 + rng.randrange(PAGE - 100)] ^= rng.randint(1, 255)
    return "bytes in page 1 (schema)"


CORRUPTIONS = (_flip_bytes, _flip_bytes, _flip_in_page, _zero_page, _random_page, _copy_page,
               _swap_pages, _header, _truncate, _page_one)


def corrupt(seed: int) -> tuple[bytes, str]:
    rng = random.Random(seed)
    data = bytearray(demo_bytes())
    how = rng.choice(CORRUPTIONS)(data, rng)
    return bytes(data), how


def judge(name: str, outcome, verified_ok: bool | None) -> str | None:
    """None if the outcome is acceptable, else why not."""
    if outcome.crash:
        return f"{name}: exception escaped main():\n{outcome.crash}"
    text = outcome.out + outcome.err
    if "Traceback" in text:
        return f"{name}: printed a traceback:\n{text}"
    if outcome.code == 0:
        return None
    lines = outcome.lines
    if outcome.code not in (1, 2) or len(lines) != 1 or not lines[0].startswith("crisisdesk: "):
        return f"{name}: exit {outcome.code} with {len(lines)} lines on stderr: {outcome.err!r}"
    if "unexpected error" in lines[0]:
        return f"{name}: an unexpected error on a damaged desk: {lines[0]}"
    if name == "verify" and "restore a backup" not in lines[0] and "--clear-cache" not in lines[0]:
        return f"verify: the damage line says neither to restore a backup nor to clear the cache: {lines[0]}"
    if name != "verify" and verified_ok:
        return f"{name}: failed on a file verify passes: {lines[0]}"
    return None


def run_case(seed: int, folder) -> tuple[str, list[str]]:
    data, how = corrupt(seed)
    path = folder / "desk.sqlite"
    for old in folder.iterdir():
        old.unlink()
    path.write_bytes(data)
    context._parsed.clear()  # as in a fresh process: nothing parsed from an earlier case
    verified = run_cli("verify", "--db", path)
    problems = [judge("verify", verified, None)]
    ok = verified.code == 0
    problems.append(judge("event show", run_cli("event", "show", "--db", path), ok))
    problems.append(judge("report", run_cli("report", "--kind", "brief", "--out", folder / "r.pdf",
                                            "--db", path), ok))
    outcome = "ok" if ok else (verified.lines[0] if verified.lines else "?")
    return outcome, [f"seed {seed} ({how}): {p}" for p in problems if p]


def test_the_demo_desk_itself_verifies(tmp_path):
    path = tmp_path / "desk.sqlite"
    path.write_bytes(demo_bytes())
    assert run_cli("verify", "--db", path).code == 0


@pytest.mark.slow
@pytest.mark.timeout(max(300, CASES // 2))
def test_corruptions_never_crash_and_are_named(tmp_path):
    failures, outcomes = [], Counter()
    for seed in range(CASES):
        outcome, problems = run_case(seed, tmp_path)
        failures.extend(problems)
        outcomes["ok" if outcome == "ok" else "damaged"] += 1
    if LONG or os.environ.get("CRISISDESK_FUZZ_CASES"):
        print(f"\n{CASES} corruptions: {dict(outcomes)}, {len(failures)} failures")
    assert not failures, f"{len(failures)} of {CASES} cases failed; first:\n" + "\n\n".join(failures[:5])
    assert outcomes["damaged"] > CASES // 2  # the corruptions do reach the data
