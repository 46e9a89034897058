"""Every `crisisdesk …` command shown in README.md and docs/*.md, checked against the program.

- A command with real values in a code block is **run**, each document's in order (in a
  temporary folder per document, the demo desk as the default database, an in-memory keyring,
  a cp949 console): it must succeed, or fail the way
  listed in EXPECTED_FAILURES (one line, exit 1); never a usage error, never a traceback.
- A synopsis (`[--json]`, `a|b`, `FILE`, `..`) or an inline command is **parsed** by the program's
  own argument parser, every alternative and choice of it: an option or subcommand the program
  does not have fails the test.
- The window (`crisisdesk`, `crisisdesk --demo`), a watch that never ends and the self-test
  (tests/cli/test_self_test.py runs it) are parsed only.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from crisisdesk.cli import build_parser, main
from crisisdesk.locations import DB_ENV
from tests.store.demo_desk import demo_copy

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PROGRAM = re.compile(r"^(?:\$ )?(?:[\w./\\:-]*[/\\])?crisisdesk(?:-cli)?(?:\.exe)?(?= |$)")
INLINE = re.compile(r"`((?:[\w./\\-]*[/\\])?crisisdesk(?:-cli)?(?:\.exe)? [^`]+)`")
PLACEHOLDER = re.compile(r"^[A-Z][A-Z_]*(\.\.\.)?$|^\.\.\.?$|…")
# Commands run for real (each document's in order) that cannot succeed here, and what their one
# line of error says.
EXPECTED_FAILURES = {
    "checkpoint": "no key",  # README's desk has no key (desk init gives it one: exchange.md)
    "event level 1a2b serious --reason spreading --db bank.sqlite": "1a2b",
    "exchange export --to group --out E:\\crisis": "no enrolled desk 'group'",
    "exchange export --to bank --out /mnt/crisis": "no enrolled desk 'bank'",
    "exchange import E:\\crisis\\hanbit-bank.1a2b3c4d-1758918000.cdpkt": "hanbit-bank",
    "exchange status --db group.sqlite": "desk init",
    "desk init --role affiliate --affiliate bank --group hanbit": "",
    "desk init --role affiliate --affiliate card --key-file ~/card-desk.key": "",
    "playbook upgrade my-drafts/old-playbook.yaml": "old-playbook.yaml",
    "group upgrade my-group.yaml": "my-group.yaml",
    "playbook upgrade my-playbooks/gov-outage.yaml": "gov-outage.yaml",
}
PARSE_ONLY = ("", "--demo", "self-test", "exchange watch /mnt/crisis --interval 10")


@dataclass(frozen=True)
class DocCommand:
    where: str  # file:line
    argv: tuple[str, ...]
    text: str
    runnable: bool  # in a code block, with real values


def _split(text: str) -> list[str]:
    """Shell words (backslashes kept, as in Windows paths); a `# comment` after a space dropped."""
    lexer = shlex.shlex(re.sub(r"(^|\s)#(\s.*)?$", "", text), posix=True)
    lexer.whitespace_split, lexer.escape, lexer.commenters = True, "", ""
    return list(lexer)


def _is_synopsis(argv: list[str]) -> bool:
    return any("|" in a or "[" in a or "]" in a or PLACEHOLDER.search(a) for a in argv)


def doc_commands() -> list[DocCommand]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        lines = text.splitlines()
        in_block, index = False, 0
        while index < len(lines):
            line, number = lines[index].strip(), index + 1
            index += 1
            if line.startswith("```"):
                in_block = not in_block
                continue
            if in_block and PROGRAM.match(line):
                while line.endswith("\\") or line.endswith("|"):  # continued on the next line
                    line = line.rstrip("\\").rstrip() + " " + lines[index].strip()
                    index += 1
                argv = _split(PROGRAM.sub("", line, count=1))
                found.append(DocCommand(f"{doc.name}:{number}", tuple(argv), " ".join(argv),
                                        not _is_synopsis(argv)))
            elif not in_block:
                for match in INLINE.finditer(lines[number - 1]):
                    argv = _split(PROGRAM.sub("", match.group(1), count=1))
                    found.append(DocCommand(f"{doc.name}:{number}", tuple(argv), " ".join(argv), False))
    return found


COMMANDS = doc_commands()


def _alternatives(argv: tuple[str, ...]) -> list[list[str]]:
    """The commands a synopsis stands for: `a | b` alternatives (a later one relative to the first
    one's command group, unless it names a command itself), optional parts kept, each choice of
    `x|y` taken, placeholders given sample values."""
    parts, current = [], []
    for token in argv:
        if token == "|":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    parts = [p for p in parts if p]
    if not parts:
        return [[]]
    top = set(_subcommands(build_parser()))
    group = parts[0][:1] if parts[0] and parts[0][0] in top else []
    out = []
    for index, part in enumerate(parts):
        if index and (not part or part[0] not in top):
            part = group + part
        tokens = []
        for token in (t.strip("[]") for t in part):
            if token in ("..", "...", "…"):  # a value after an option; else "and more"
                if tokens and tokens[-1].startswith("-"):
                    tokens.append("x")
            elif token:
                tokens.append(token)
        choices = [t.split("|") if "|" in t and not t.startswith("-") else [t] for t in tokens]
        for combo in itertools.product(*choices):
            out.append([_sample(t) for t in combo if t])
    return out


def _sample(token: str) -> str:
    if PLACEHOLDER.search(token) and not token.startswith("-"):
        name = token.rstrip(".…")
        return {"N": "1", "NUMBER": "1", "SECONDS": "10", "SEQ": "#1", "COMMAND": "verify"}.get(
            name, name.lower() or "x")
    return token.rstrip(".") if token.endswith("..") else token


def _subcommands(parser) -> dict:
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            return action.choices
    return {}


def _parse(argv: list[str]) -> str | None:
    """None when the program's parser takes `argv`; else its usage message."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            build_parser().parse_args(argv)
    except SystemExit as exc:
        if exc.code not in (0, None):
            return err.getvalue().strip() or f"exit {exc.code}"
    return None


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: f"{c.where} {c.text}"[:90])
def test_the_program_takes_the_documented_command(command):
    for argv in _alternatives(command.argv):
        problem = _parse(argv)
        assert problem is None, f"{command.where}: `crisisdesk {' '.join(argv)}` is refused: {problem}"


def _cp949_run(argv: list[str]) -> tuple[int | None, str, str, str | None]:
    """`crisisdesk ARGV` in this process with a cp949 console: exit code, out, err, traceback."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="cp949", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="cp949", newline="")
    crash = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception:
            code, crash = None, traceback.format_exc()
    values = []
    for stream in (out, err):
        stream.flush()
        values.append(stream.buffer.getvalue().decode("cp949"))
    return code, values[0], values[1], crash


def _rooted(token: str, workspace: Path) -> str:
    """An absolute path of the documents (`/mnt/crisis`, `E:\\crisis`, `~/…`) inside `workspace`."""
    if re.match(r"^[A-Za-z]:\\", token):
        return str(workspace / token[0] / token[3:].replace("\\", "/"))
    if token.startswith("~/"):
        return str(workspace / "home" / token[2:])
    if token.startswith("/"):
        return str(workspace / "root" / token[1:])
    return token


RUNNABLE = [c for c in COMMANDS if c.runnable and c.text not in PARSE_ONLY]


def test_the_documents_show_commands_to_run():
    assert len(RUNNABLE) >= 20 and len(COMMANDS) >= 100, (len(RUNNABLE), len(COMMANDS))
    assert set(EXPECTED_FAILURES) <= {c.text for c in RUNNABLE}


DOCUMENTS = sorted({c.where.split(":")[0] for c in RUNNABLE})


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_documented_commands_run_in_order(document, tmp_path, monkeypatch, memory_keyring):
    """A reader following one document's commands in order, in a folder with the demo desk."""
    shutil.copytree(ROOT / "playbooks", tmp_path / "playbooks")
    for name in ("desk", "bank", "group", "bank-desk", "group-desk"):
        demo_copy(tmp_path / f"{name}.sqlite")
    for folder in ("E/crisis", "root/mnt/crisis", "home"):
        (tmp_path / folder).mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DB_ENV, str(tmp_path / "desk.sqlite"))
    monkeypatch.setenv("CRISISDESK_PASSPHRASE", "correct horse battery staple")
    wrong = []
    for command in (c for c in RUNNABLE if c.where.split(":")[0] == document):
        code, out, err, crash = _cp949_run([_rooted(a, tmp_path) for a in command.argv])
        said = f"{command.where}: crisisdesk {command.text}: exit {code}: {err.strip()}"
        if crash is not None or "Traceback" in err:
            wrong.append(f"{said}\n{crash}")
        elif command.text in EXPECTED_FAILURES:
            if code != 1 or len(err.strip().splitlines()) != 1 or EXPECTED_FAILURES[command.text] not in err:
                wrong.append(f"{said} (expected to fail saying {EXPECTED_FAILURES[command.text]!r})")
        elif code != 0:
            wrong.append(said)
    assert not wrong, "\n".join(wrong)


def test_every_command_has_help_on_a_cp949_console():
    """`--help` of every command and subcommand: Korean text and all, no traceback."""
    def walk(parser, path):
        yield path
        for name, sub in _subcommands(parser).items():
            yield from walk(sub, [*path, name])

    paths = list(walk(build_parser(), []))
    assert len(paths) > 40
    for path in paths:
        code, out, err, crash = _cp949_run([*path, "--help"])
        assert crash is None and code == 0 and "usage: crisisdesk" in out, (path, err, crash)


def test_every_command_under_pythonioencoding_cp949():
    """The same, in a real process whose streams Python opens as cp949 (PYTHONIOENCODING)."""
    driver = (
        "import sys\n"
        "from crisisdesk.cli import build_parser, main\n"
        "def walk(parser, path):\n"
        "    yield path\n"
        "    for action in parser._actions:\n"
        "        if action.__class__.__name__ == '_SubParsersAction':\n"
        "            for name, sub in action.choices.items():\n"
        "                yield from walk(sub, [*path, name])\n"
        "for path in walk(build_parser(), []):\n"
        "    try:\n"
        "        main([*path, '--help'])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, (path, exc.code)\n"
        "main(['site', 'show'])\n"
        "main(['playbook', 'list'])\n"
    )
    result = subprocess.run([sys.executable, "-c", driver], cwd=ROOT, capture_output=True, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": "cp949"})
    err = result.stderr.decode("cp949")
    assert result.returncode == 0 and "Traceback" not in err, err
    out = result.stdout.decode("cp949")
    assert out.count("usage: crisisdesk") > 40 and "그룹 위기대응 데스크" in out
