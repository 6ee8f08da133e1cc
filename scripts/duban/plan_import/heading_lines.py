"""Where a label line's names end when a numbered heading follows it on the next line.

A later page of a plan (SOURCES.md 第二十八批, 新余) writes each measure's units on a line of its
own (责任部门:A、B) and the next target's heading right under it (㈧全面推开……达到80%以上。),
the heading numbered in a way no list of the page goes on with. The label's names stop at the
end of their line: a clerk does not read the heading's words as a unit's name."""

from __future__ import annotations

import re

from duban.plan_import.numbering import CN, IDEOGRAPH_GLYPHS, INDENT, bracketed

HEADING_LINE = re.compile(rf"\n{INDENT}(?:[{IDEOGRAPH_GLYPHS}]|{bracketed(CN)}|{CN}、)")
"""A line that opens with a chapter's or a target's number: ㈧ / ㊇ / (八) / （八） / 八、."""


def label_end(text: str, start: int) -> int:
    """The end of a label clause starting at ``start``: the text's end, or the line break
    before the first numbered heading line after it."""
    heading = HEADING_LINE.search(text, start)
    return heading.start() if heading else len(text)
