"""The answers of a submitted 报送进展 issue form (``.github/ISSUE_TEMPLATE/report.yml``), as the
cells of a workbook row (:mod:`duban.intake.rows`: the form's labels are the workbook's headings).

GitHub writes a submitted form as ``### <label>`` and the answer, field after field in the
template's order. A textarea's answer is free text and may itself hold a line ``### 单位标识``:
the body alone cannot tell it from a field. So the fields are read from the form's own
structure: a ``###`` line is a field only if it names a field that comes *later* in the
template than the field being read, and only its first such occurrence counts. Everything else
(an earlier field's label, a label seen already, any other heading) is text of the answer being
read. The fields that say which unit and which obligation (unit, plan, task, item, due,
period, state) come before every textarea, so no free text can change them.
"""

from __future__ import annotations

import re

from duban.intake.rows import HEADINGS

# The form's fields, in the template's order (ids = the row's keys; labels = rows.COLUMNS'
# headings). tests/intake/test_trust_issue_form.py checks this against report.yml.
FORM_FIELDS = (
    "unit",
    "plan",
    "task",
    "item",
    "due",
    "period",
    "state",
    "done",
    "progress",
    "summary",
    "evidence",
    "problems",
    "next_steps",
    "reason",
)
# The form's "no answer" (GitHub writes it for an empty optional field).
_NO_RESPONSE = "_No response_"
# Both patterns run in linear time on any line (the body is text anyone can submit): no lazy
# group before an optional tail, no scan from each opening bracket to the end.
_HEADING = re.compile(r"###\s+(\S.*)")
_TRAILING_NOTE = re.compile(r"[（(][^（(]*[)）]$")


def _field(line: str) -> str | None:
    """The form field a ``### <label>`` line names (None: not a heading, or no field)."""
    heading = _HEADING.fullmatch(line)
    if heading is None:
        return None
    title = heading.group(1).strip()
    label = _TRAILING_NOTE.sub("", title).strip()
    key = HEADINGS.get(title) or HEADINGS.get(label)
    return key if key in FORM_FIELDS else None


def parse_issue_form(text: str) -> dict[str, str]:
    """The answers of a submitted issue form: ``### 标题`` followed by the answer, each field
    taken at its first heading in the template's order (see the module's docstring)."""
    answers: dict[str, list[str]] = {}
    current: str | None = None
    position = 0  # the index in FORM_FIELDS after the field being read
    for line in text.replace("\r\n", "\n").split("\n"):
        key = _field(line)
        if key is not None and FORM_FIELDS.index(key) >= position:
            current = key
            position = FORM_FIELDS.index(key) + 1
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
