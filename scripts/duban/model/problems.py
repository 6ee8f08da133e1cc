"""Problems found in data: one value per problem, printed as ``path:line:col: field: message``.

Every stage reports problems as values (never as exceptions), so one bad file never hides the
problems of another and the command line can print all of them at once.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from duban.i18n.messages import say, translate

# At most this many problems are printed per file and in all; the rest are counted in one line.
MAX_SHOWN_PER_FILE = 50
MAX_SHOWN = 500

# Never printed as they are: control characters (a line break in a file name would start a new
# output line, even a fake ``::error`` annotation; escape sequences act on terminals), line and
# paragraph separators, bidirectional controls (they reorder what follows) and zero-width
# characters. The loader refuses them in data; file names and schema paths can still hold them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    """``text`` with every character that could break or disguise an output line escaped."""
    return _UNPRINTABLE.sub(_escape_character, text)


def error_reason(error: Exception) -> str:
    """What a library's exception says about a file from outside, for one line: its message made
    printable, or its class's name when it has none (a damaged .docx or .xlsx)."""
    return printable(str(error).strip() or type(error).__name__)


def _escape_character(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, pointing at the exact place to fix it."""

    path: str
    line: int
    col: int
    field: str
    message: str
    # dataclasses.field by its full name: inside the class, ``field`` is the attribute above
    severity: str = dataclasses.field(default="error", compare=False)
    """``error`` (the data cannot be used) or ``warning`` (it can, but someone should look)."""

    def __str__(self) -> str:
        where = f"{printable(self.path)}:{self.line}:{self.col}"
        return f"{where}: {self._text()}"

    def _text(self) -> str:
        message = translate(self.message)
        text = f"{self.field}: {message}" if self.field else message
        return printable(text)

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shows on the pull request)."""
        return workflow_command(
            self.severity, self._text(), file=self.path, line=self.line, col=self.col
        )


def field_path(keys: tuple[str | int, ...]) -> str:
    """Render a key path the way an editor of YAML reads it: ``obligations[2].done``."""
    out = ""
    for key in keys:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            # a quoted key may hold line breaks; a problem must stay on one line
            name = str(key).replace("\r", "\\r").replace("\n", "\\n")
            out += f".{name}" if out else name
    return out


def workflow_command(level: str, message: str, **properties: str | int) -> str:
    """A GitHub Actions workflow command (``::error file=…,line=…::message``), one line: every
    value made printable, then escaped as actions/toolkit escapes data and property values."""
    values = ",".join(f"{k}={_escape_property(printable(str(v)))}" for k, v in properties.items())
    head = f"{level} {values}" if values else level  # as actions/toolkit: no space without any
    return f"::{head}::{_escape_data(printable(message))}"


# GitHub's workflow-command escaping (actions/toolkit command.ts): data and property values.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def shown(problems: Sequence[Problem]) -> tuple[list[Problem], str | None]:
    """The problems to print (at most ``MAX_SHOWN_PER_FILE`` of a file, ``MAX_SHOWN`` in all)
    and, when some are left out, the one line that counts them."""
    per_file: Counter[str] = Counter()
    out: list[Problem] = []
    for problem in problems:
        per_file[problem.path] += 1
        if per_file[problem.path] <= MAX_SHOWN_PER_FILE and len(out) < MAX_SHOWN:
            out.append(problem)
    hidden = len(problems) - len(out)
    more = say(f"… and {hidden:,} more problems", f"…… 另有 {hidden:,} 个问题未列出")
    return out, (more if hidden else None)
