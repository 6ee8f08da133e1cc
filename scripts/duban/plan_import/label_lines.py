"""A vertical table whose labels stand on lines of their own (branch h18s, issue 18).

A one-row table copied from a page puts each header cell on a line and its cell under it:
``整改任务`` / ``河长巡查流于形式。…`` / ``责任单位`` / ``成安县水利局、…`` / ``整改措施`` /
``(一)强化履职监督。…`` (a 销号 notice's 整改情况表). The labels are words a task table's
header uses (:data:`text_tables.HEADER_WORD`), each alone on its line with its cell's lines
after it; one of them names units and one the task. The form is rewritten as the ``label: |
value |`` lines :func:`unnumbered_tables.label_values` reads (one row, numbered by its order).
"""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import ROLE_KINDS, column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.chrome import CHROME_LINE
from duban.plan_import.header_cells import HEADER_WORD
from duban.plan_import.numbering import INDENT, MIXED, arabic, bracketed, separator
from duban.plan_import.unnumbered_tables import label_values

LABEL_MAX = 8
"""A label alone on its line is a few words."""


def _label(line: str) -> str | None:
    word = simplified(re.sub(r"[ \t\u3000\xa0]", "", line))
    if not word or len(word) > LABEL_MAX or re.search(r"[。，,；;:：|｜]", word):
        return None
    return word if HEADER_WORD.match(word) else None


STEP = re.compile(rf"^{INDENT}(?:{bracketed(MIXED)}|{arabic(2, wide=False)}{separator()})")


def _steps(lines: list[str], labels: list[int], at: int) -> bool:
    """Whether the cell under the label ``labels[at]`` starts with a numbered step."""
    stop = labels[at + 1] if at + 1 < len(labels) else len(lines)
    filled = [lines[j] for j in range(labels[at] + 1, stop) if lines[j].strip(" \t\u3000\xa0")]
    return bool(filled) and STEP.match(filled[0]) is not None


def label_lines(text: str) -> tuple[str, int] | None:
    """The labels-on-their-own-lines table rewritten for :func:`label_values` (see the
    module), or None when the text holds no such table."""
    lines = text.split("\n")
    labels = [i for i, line in enumerate(lines) if _label(line)]
    # h18ap: the page's chrome after the table (【打印本页】 【关闭窗口】) is no line of its cell
    last = labels[-1] if labels else len(lines)
    end = next((i for i in range(last, len(lines)) if CHROME_LINE.search(lines[i])), len(lines))
    # a label's cell: the lines up to the next label, at least one of them filled
    kept = [
        at
        for at, index in enumerate(labels)
        if any(
            lines[j].strip(" \t\u3000\xa0")
            for j in range(index + 1, labels[at + 1] if at + 1 < len(labels) else end)
        )
    ]
    # a cell of numbered steps ((一)… (二)…) stays as written after the row: its numbers would
    # outrank the row's own number in one line; its items are then the row's sub-items
    kept = [at for at in kept if not _steps(lines, labels, at)] if len(kept) > 2 else kept
    if len(kept) < 2:
        return None
    kinds = {column_kind(_label(lines[labels[at]]) or "") for at in kept}
    if not ROLE_KINDS & kinds or "text" not in kinds:
        return None
    out = list(lines)
    for at in kept:
        out[labels[at]] = f"{lines[labels[at]].strip()}: |"
    stop = labels[kept[-1] + 1] if kept[-1] + 1 < len(labels) else end
    for j in range(labels[kept[-1]] + 1, stop):  # the last cell's lines go on to its end
        if lines[j].strip(" \t\u3000\xa0"):
            out[j] = f"{lines[j].rstrip()} |"  # (blank lines between them go on too)
    read = label_values("\n".join(out))
    if read is None:
        return None
    # the header label_values writes is the labels' words again: not a line of the document
    rewritten = re.sub(r"(?m)^序号 \| [^\n]*$", "", read[0], count=1)
    return rewritten, read[1]
