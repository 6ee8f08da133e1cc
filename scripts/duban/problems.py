"""Problems found in data: one value per problem, printed as ``path:line:col: field: message``.

Every stage reports problems as values (never as exceptions), so one bad file never hides the
problems of another and the command line can print all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, pointing at the exact place to fix it."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shows on the pull request)."""
        text = f"{self.field}: {self.message}" if self.field else self.message
        return (
            f"::error file={_escape_property(self.path)},line={self.line},col={self.col}"
            f"::{_escape_data(text)}"
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


# GitHub's workflow-command escaping (actions/toolkit command.ts): data and property values.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
