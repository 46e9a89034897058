"""Safe YAML loading that keeps the line:column of every value.

The file is read as parser events (never constructed by PyYAML), so no tag can
build an object. Plain scalars are resolved as in YAML 1.2: `true`/`false` are
booleans, `yes`/`no`/`on`/`off` and `08:00` stay strings, `2025-10-03` is a date.
Values come out as plain dicts, lists and scalars with a `marks` table from field
path to position (the key's position for a mapping entry).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from crisisdesk.formats.errors import FormatError, Mark, Path, Problem

MAX_BYTES = 1024 * 1024
MAX_ALIAS_EXPANSIONS = 10_000
MAX_DEPTH = 50

_INT = re.compile(r"[-+]?[0-9]{1,18}")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INDENT = "unexpected text at this indentation (check that it lines up with the lines above)"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_SKIP = object()  # a refused key: its value is dropped
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass(frozen=True)
class Document:
    """A parsed file: plain `data`, the `marks` of its paths, non-fatal `problems`, its text."""

    data: Any
    marks: dict[Path, Mark]
    problems: tuple[Problem, ...]
    text: str
    sha256: str


class _Fatal(Exception):
    def __init__(self, mark: Mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Node:
    __slots__ = ("value", "mark", "raw", "weight", "height")

    def __init__(self, value: Any, mark: Mark, raw: str | None = None):
        self.value = value  # scalar, list of nodes, or dict key -> (key mark, node)
        self.mark = mark
        self.raw = raw  # the text of a scalar, used when it is a key
        self.weight = 1  # values in the fully expanded subtree
        self.height = 1


def read_limited(path: FilePath, name: str) -> bytes:
    """The bytes of `path`, refusing a file over MAX_BYTES without reading all of it."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise FormatError([Problem(name, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")]) from None
    return data


def parse(source: bytes | str, name: str) -> Document:
    """Parse one YAML document; FormatError for a file that cannot be read as data at all."""
    text = _decode(source, name)
    problems: list[Problem] = []
    try:
        root = _build(text, name, problems)
    except _Fatal as exc:
        raise FormatError([Problem(name, *exc.mark, "", exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        raise FormatError([_syntax_problem(exc, text, name)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)  # int for str input
        message = f"character U+{code:04X} is not allowed in YAML (remove it)"
        raise FormatError([Problem(name, line, col, "", message)]) from None
    except yaml.YAMLError as exc:
        raise FormatError([Problem(name, 1, 1, "", f"YAML error: {exc}")]) from None
    if root is None:
        raise FormatError([Problem(name, 1, 1, "", "the file is empty (expected 'format: ...' and fields)")])
    marks: dict[Path, Mark] = {}
    data = _plain(root, (), root.mark, marks)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(data, marks, tuple(problems), text, digest)


def _decode(source: bytes | str, name: str) -> str:
    def refuse(message: str, line: int = 1, col: int = 1) -> FormatError:
        return FormatError([Problem(name, line, col, "", message)])

    if isinstance(source, str):
        if len(source) > MAX_BYTES:
            raise refuse("the file is larger than 1 MiB; playbooks and group files are far smaller")
        try:
            data = source.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise refuse("the text contains an invalid character (a lone surrogate)",
                         *_line_col(source, exc.start)) from None
        source = data
    if len(source) > MAX_BYTES:
        raise refuse("the file is larger than 1 MiB; playbooks and group files are far smaller")
    if source.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse("the file is UTF-16; save it as UTF-8")
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = source.count(b"\n", 0, exc.start) + 1
        line_start = source.rfind(b"\n", 0, exc.start) + 1
        col = len(source[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        message = (f"not UTF-8: invalid byte 0x{source[exc.start]:02x} at byte offset {exc.start}; "
                   "save the file as UTF-8")
        raise refuse(message, line, col) from None
    return text.removeprefix("\ufeff")


def _line_col(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _mark(event: yaml.events.Event) -> Mark:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _scalar(event: ScalarEvent) -> Any:
    value = event.value
    if event.style is not None or event.tag is not None:
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _build(text: str, name: str, problems: list[Problem]) -> _Node | None:
    """Turn parser events into a tree of nodes, enforcing the limits as it goes."""
    anchors: dict[str, _Node] = {}
    stack: list[tuple[_Node, str | None]] = []  # open collections and their anchors
    pending_keys: list[Any] = []  # per open mapping: None, _SKIP, or (key, mark) awaiting a value
    expansions = 0
    documents = 0
    root: _Node | None = None

    def problem(mark: Mark, message: str) -> None:
        problems.append(Problem(name, *mark, "", message))

    def add(node: _Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1][0]
        parent.weight += node.weight
        parent.height = max(parent.height, node.height + 1)
        if parent.height > MAX_DEPTH:
            raise _Fatal(node.mark, f"values are nested more than {MAX_DEPTH} levels deep")
        if isinstance(parent.value, list):
            parent.value.append(node)
            return
        key = pending_keys[-1]
        if key is None:
            if node.raw is None:
                problem(node.mark, "a key must be a plain name, not a list or a mapping")
                pending_keys[-1] = _SKIP
            elif node.raw == "<<":
                problem(node.mark, "merge keys ('<<') are not supported; repeat the fields instead")
                pending_keys[-1] = _SKIP
            else:
                pending_keys[-1] = (node.raw, node.mark)
            return
        pending_keys[-1] = None
        if key is _SKIP:
            return
        key_text, key_mark = key
        if key_text in parent.value:
            first = parent.value[key_text][0][0]
            problem(key_mark, f"duplicate key '{key_text}' (first given at line {first})")
        else:
            parent.value[key_text] = (key_mark, node)

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Fatal(_mark(event), "only one YAML document per file (remove the second '---')")
        elif isinstance(event, AliasEvent):
            target = anchors.get(event.anchor)
            if target is None:
                inside = any(anchor == event.anchor for _, anchor in stack)
                raise _Fatal(_mark(event), f"alias '*{event.anchor}' refers to the value that contains it"
                             if inside else f"unknown alias '*{event.anchor}' (define it first with "
                             f"'&{event.anchor}')")
            expansions += target.weight
            if expansions > MAX_ALIAS_EXPANSIONS:
                raise _Fatal(_mark(event), f"more than {MAX_ALIAS_EXPANSIONS:,} values copied by "
                             "aliases; the file is refused")
            add(target)
        elif isinstance(event, ScalarEvent | SequenceStartEvent | MappingStartEvent):
            if event.tag not in (None, "!"):
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                problem(_mark(event), f"tags such as '{tag}' are not allowed; write plain values")
            if isinstance(event, ScalarEvent):
                node = _Node(_scalar(event), _mark(event), raw=event.value)
                if event.anchor:
                    anchors[event.anchor] = node
                add(node)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _Fatal(_mark(event), f"values are nested more than {MAX_DEPTH} levels deep")
                is_map = isinstance(event, MappingStartEvent)
                stack.append((_Node({} if is_map else [], _mark(event)), event.anchor))
                pending_keys.append(None)
        elif isinstance(event, CollectionEndEvent):
            node, anchor = stack.pop()
            pending_keys.pop()
            if anchor:
                anchors[anchor] = node
            add(node)
    return root


def _plain(node: _Node, path: Path, mark: Mark, marks: dict[Path, Mark]) -> Any:
    marks[path] = mark
    if isinstance(node.value, list):
        return [_plain(item, (*path, i), item.mark, marks) for i, item in enumerate(node.value)]
    if isinstance(node.value, dict):
        return {key: _plain(child, (*path, key), key_mark, marks)
                for key, (key_mark, child) in node.value.items()}
    return node.value


# (fragment of PyYAML's problem, kind message, placed at the opening mark rather than the problem)
_SYNTAX_HINTS = (
    ("could not find expected ':'", "expected 'key: value' here (a missing ':' or a wrong indentation?)",
     True),
    ("mapping values are not allowed here",
     "unexpected ':' (put a value containing ': ' in quotes, or check the indentation)", False),
    ("did not find expected key", _INDENT, False),
    ("expected <block end>", _INDENT, False),
    ("did not find expected '-' indicator", "expected a list item ('- ') at this indentation", False),
    ("found unexpected end of stream", "this quote is never closed", True),
    ("found unknown escape character",
     "unknown escape in a double-quoted value (use single quotes, or '\\\\' for a backslash)", False),
    ("expected ',' or ']'", "this '[' list is not closed (or a ',' is missing inside it)", True),
    ("expected ',' or '}'", "this '{' mapping is not closed (or a ',' is missing inside it)", True),
    ("expected alphabetic or numeric character", "'&' and '*' must be followed by an anchor name "
     "(put a value starting with '&' or '*' in quotes)", False),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """A PyYAML syntax error as one kind, located sentence."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    message, at_context = next(((hint, ctx) for key, hint, ctx in _SYNTAX_HINTS if key in problem),
                               (None, False))
    if at_context and exc.context_mark:
        mark = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "'\\t'" in problem or "tab character" in problem:
        lines = text.splitlines()
        prefix = lines[line - 1][: col - 1] if line <= len(lines) else ""
        message = ("tab used for indentation; indent with spaces" if not prefix.strip()
                   else "tab character here; YAML needs spaces")
    elif "that cannot start any token" in problem:
        message = "this character cannot start a value; put the value in quotes"
    elif message is None:
        message = f"YAML syntax error: {problem or exc.context}"
    return Problem(name, line, col, "", message)
