"""Whatever bytes or text arrive, the loaders either load or raise FormatError."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisdesk.formats.errors import FormatError
from crisisdesk.formats.group_file import load_group_text
from crisisdesk.formats.playbook_file import load_playbook_text
from tests.formats.factories import group_text, playbook_text

GROUP = load_group_text(group_text()).value

LONG = os.environ.get("CRISISDESK_LONG") == "1"
FUZZ = settings(max_examples=5000 if LONG else 200, deadline=2000,
                suppress_health_check=[HealthCheck.too_slow])

TOKENS = st.sampled_from([
    "format", "crisisdesk.playbook/1", "crisisdesk.group/1", "id", "title", "levels", "roles",
    "checklists", "items", "owner", "due", "due_at", "next-business-day 08:00", "1h", "PT4H", "ko",
    "en", ":", ": ", "- ", "-", "\n", "\n  ", "\n    ", "\t", "[", "]", "{", "}", ",", "&a ", "*a",
    "&b ", "*b", "!!python/object", "!", "'", '"', "#", "---", "...", "?", "|", ">", "<<", "~",
    "2025-10-03", "2025-13-45", "true", "yes", "0", "-1", "3.5", "한빛", "\x00", "\ufeff", "%YAML 1.1",
])


def must_load_or_refuse(loader, source) -> None:
    try:
        loader(source, "fuzz.yaml")
    except FormatError as exc:
        assert exc.problems and all(p.line >= 1 and p.col >= 1 for p in exc.problems)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    must_load_or_refuse(load_playbook_text, data)
    must_load_or_refuse(load_group_text, data)


@FUZZ
@given(st.lists(TOKENS, max_size=80).map("".join))
def test_yaml_ish_text(text):
    must_load_or_refuse(load_playbook_text, text)
    must_load_or_refuse(load_group_text, text)


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    for position, length, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + length:]
    return text


EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8), st.text(max_size=6) | TOKENS),
                 min_size=1, max_size=6)


@FUZZ
@given(EDITS)
def test_mutated_good_playbook(edits):
    text = mutate(playbook_text(), edits)
    must_load_or_refuse(load_playbook_text, text)
    must_load_or_refuse(lambda source, name: load_playbook_text(source, name, GROUP), text)


@FUZZ
@given(EDITS)
def test_mutated_good_group(edits):
    must_load_or_refuse(load_group_text, mutate(group_text(), edits))
