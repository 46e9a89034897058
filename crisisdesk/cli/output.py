"""Terminal output that is safe whatever the stored text and the console's encoding.

Text from the journal (titles, notes, reasons) or from an argument may hold control
characters: printed raw, an escape sequence could rewrite the terminal, a carriage return
could hide a line. Every write of the command line goes through `SafeStream`, which shows
them escaped (`\\x1b`, `\\u202e`), keeps newlines and tabs, and writes characters the console
cannot encode (an emoji on a cp949 console, an undecodable argument) as backslash escapes
instead of failing.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# C0 and C1 controls and DEL (but newline and tab), line/paragraph separators and the
# bidirectional overrides and isolates that can make a line read differently from its text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with control and direction-changing characters written as escapes."""
    return _UNSAFE.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 controls and direction/line separators as \\u escapes (still valid JSON;
    json.dumps already escapes the C0 controls)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream:
    """Wraps a text stream: controls escaped, unencodable characters backslash-escaped."""

    def __init__(self, stream):
        self._stream = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self._encoding = codecs.lookup(encoding).name
        except LookupError:
            self._encoding = "utf-8"

    @property
    def wrapped(self):
        return self._stream

    @property
    def encoding(self) -> str:
        return self._encoding

    def write(self, text: str) -> int:
        text = escape_controls(text)
        try:
            text.encode(self._encoding)
        except UnicodeEncodeError:
            text = text.encode(self._encoding, "backslashreplace").decode(self._encoding)
        self._stream.write(text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def safe_streams() -> Iterator[None]:
    """sys.stdout and sys.stderr wrapped in SafeStream for the duration (restored afterwards).

    Output stays in the console's encoding (a Korean Windows console or a file redirected from
    it reads cp949; a UTF-8 terminal, UTF-8): Hangul is written as it is, and only what that
    encoding cannot hold is escaped, never an exception."""
    saved = sys.stdout, sys.stderr
    for stream in saved:  # what bypasses SafeStream (warnings, exit messages) cannot fail either
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass  # no stream (a windowed program), or not a reconfigurable one
    sys.stdout = SafeStream(sys.stdout) if sys.stdout is not None else None
    sys.stderr = SafeStream(sys.stderr) if sys.stderr is not None else None
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, SafeStream):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
        sys.stdout, sys.stderr = saved


def unencodable_json() -> bool:
    """Whether stdout cannot carry non-ASCII text (JSON is then written with \\u escapes)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name != "utf-8"
    except LookupError:
        return True
