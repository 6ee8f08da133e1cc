"""Rows of a table copied one cell a line under a task cell (h18cb, 潍坊 2017: ``围绕……。`` /
``市发改委牵头落实`` / ``围绕……。`` / ``市人社局牵头落实``): each row its work on a line (or more,
when the page wraps it), then a line that is only its units. One reading, used where the task's
own text is cut into sub-items and where the closing words are cut from the last item."""

from __future__ import annotations

from duban.plan_import.clauses import is_clause


def whole_rows(text: str) -> list[str]:
    """The rows read whole from the start of ``text`` (each with its lines' ends), up to a blank
    line, a unit line with no work before it, or the end; a row begun and not closed by its
    units is not one."""
    rows, row, work = [], "", False
    for line in text.splitlines(keepends=True):
        if not line.strip():
            break
        if is_clause(line.strip()):
            if not work:
                break  # a unit line with no work before it
            rows.append(row + line)
            row, work = "", False
        else:
            row, work = row + line, True
    return rows
