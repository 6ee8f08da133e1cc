"""The answers of a submitted 报送进展 issue form (``.github/ISSUE_TEMPLATE``), as the cells of a
workbook row
(:mod:`duban.intake.rows`: the form's labels are the workbook's headings)."""

from __future__ import annotations

import re

from duban.intake.rows import HEADINGS

# The form's "no answer" (GitHub writes it for an empty optional field).
_NO_RESPONSE = "_No response_"
# Both patterns run in linear time on any line (the body is text anyone can submit): no lazy
# group before an optional tail, no scan from each opening bracket to the end.
_HEADING = re.compile(r"###\s+(\S.*)")
_TRAILING_NOTE = re.compile(r"[（(][^（(]*[)）]$")


def parse_issue_form(text: str) -> dict[str, str]:
    """The answers of a submitted issue form: ``### 标题`` followed by the answer."""
    answers: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.fullmatch(line)
        if heading:
            title = heading.group(1).strip()
            label = _TRAILING_NOTE.sub("", title).strip()
            current = HEADINGS.get(title) or HEADINGS.get(label)
            if current is not None:
                answers[current] = []
            continue
        if current is not None:
            answers[current].append(line)
    result = {}
    for key, lines in answers.items():
        value = "\n".join(lines).strip()
        if value and value != _NO_RESPONSE:
            result[key] = value
    return result
