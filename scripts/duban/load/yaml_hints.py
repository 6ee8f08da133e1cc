"""What a person editing YAML by hand most likely did wrong, in words they can act on: a Tab in
the indentation, a quote or bracket never closed, a colon inside text, a line out of step with
the lines above it. The parser's position stays; only its words are replaced."""

from __future__ import annotations

import re

import yaml

TAB_HINT = "a Tab is used for indentation: indent with spaces"
COLON_HINT = (
    'a colon followed by a space inside text: put the text in quotes ("…") or write the colon as ：'
)
_CLOSERS = {"flow sequence": ("[", "]"), "flow mapping": ("{", "}")}


def syntax_hint(text: str, error: yaml.MarkedYAMLError) -> str | None:
    """What a person editing by hand most likely did wrong, in words they can act on; None
    when the parser's own words are the best we have. The position stays the parser's."""
    mark = error.problem_mark
    if mark is None:
        return None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    problem = error.problem or ""
    context = error.context or ""
    if "\t" in indent or line[mark.column : mark.column + 1] == "\t" or "tab" in problem:
        return TAB_HINT
    opened = error.context_mark
    if "quoted scalar" in context and opened is not None:
        return f"the quote opened on line {opened.line + 1} is never closed: add the closing quote"
    for name, (left, right) in _CLOSERS.items():
        if name in context and opened is not None:
            return (
                f"the {left!r} opened on line {opened.line + 1} is not closed with {right!r} "
                "(or a comma is missing between items)"
            )
    if problem.startswith("mapping values are not allowed"):
        before = line[: mark.column]
        if ": " in before.lstrip(" -") or before.rstrip().endswith(":"):
            return COLON_HINT
        return _indent_hint(lines, mark.line)
    if (
        problem.startswith("did not find expected") and "flow" not in context
    ) or problem.startswith("expected <block end>"):
        return _indent_hint(lines, mark.line)
    return None


_KEY_AT = re.compile(r"( *)(- +)?([^\s#:-][^:#]*?):(\s|$)")
_DASH_AT = re.compile(r"( *)- ")


def _indent_hint(lines: list[str], index: int) -> str | None:
    """Which earlier line this one should line up with: the nearest indentation used above
    (a ``-`` for a line that starts a list item, else a key)."""
    line = lines[index] if index < len(lines) else ""
    column = len(line) - len(line.lstrip(" "))
    is_item = line.lstrip(" ").startswith("- ")
    levels: dict[int, tuple[int, str]] = {}  # column -> (line number, what stands there)
    for number, above in enumerate(lines[:index]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        dash = _DASH_AT.match(above)
        if is_item and dash:
            levels[len(dash.group(1))] = (number + 1, "-")
        key = _KEY_AT.match(above)
        if key and not is_item:
            at = len(key.group(1)) + len(key.group(2) or "")
            levels[at] = (number + 1, key.group(3).strip())
    if not levels:
        return None
    best = min(levels, key=lambda c: (abs(c - column), -levels[c][0]))
    if best == column:
        return None
    number, what = levels[best]
    return f"wrong indentation: line this up with {what!r} on line {number} (column {best + 1})"
