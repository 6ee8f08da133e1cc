"""Where the last item ends and the plan's closing words begin (branch h18p): a sentence's end
followed by spaces inside a line is no end of the item when the rest of that line ends with the
item's own clause. A table row read as an item (柯桥 2023: ``…进展情况:…完成80%。 下步打算:…
（责任单位：教体局）``) is one line; its last cell's sentences are no closing paragraph."""

from __future__ import annotations

import re

from duban.plan_import.bracket_spans import brackets
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import CLAUSE_START, find_clause, is_clause
from duban.plan_import.label_forms import unspaced
from duban.plan_import.unit_rows import whole_rows

LINE_END = re.compile(r"[ \t\u3000]*\n")
BLANK_LINE = re.compile(r"[ \t\u3000]*\n(?:[ \t\u3000]*\n)+")
ROW_END = re.compile(r"[ \t\u3000]*\n|\Z")
NEXT_END = re.compile(r"[。；]?[ \t\u3000]*\n|[。][ \t\u3000]+(?=\S)")


def labels_go_on(span: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """The cut after the last item moved past the item's own clause on the lines after it
    (``牵头单位：…`` / ``配合单位：…``). Read as a clause, a label line runs to the end of the text;
    h18bd: a blank line after it ends the item's lines, and what follows (``各责任单位要高度重视
    ……``, the office and its date) is the closing, not more of the label's units, unless the
    line after the blank is the item's next label (沈阳 2026: ``牵头单位:…``, a blank line,
    ``责任单位:…``; 厦门 2019: ``时限要求:…``)."""
    while match:
        clause = find_clause(span[match.end() :])
        if clause is None or span[match.end() : match.end() + clause.start].strip():
            break
        blanks = BLANK_LINE.finditer(span, match.end() + clause.start, match.end() + clause.end)
        blank = next(
            (b for b in blanks if not CLAUSE_START.match(simplified(span[b.end() :]))), None
        )
        if blank:
            return blank
        match = NEXT_END.search(span, match.end() + clause.end)
    return match


def row_goes_on(span: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """The cut after the last item (``match`` in ``span``, the item's text), moved to the end
    of its line when it falls inside a line that ends with the item's clause."""
    if match is None or "\n" in match.group(0):
        return match
    end = span.find("\n", match.end())
    end = len(span) if end < 0 else end
    tail = span[match.end() : end]
    clause = find_clause(tail)
    if clause is None or tail[clause.end :].strip():
        return match
    return LINE_END.search(span, end)


def clause_line_goes_on(span: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """h18s: the last item with no clause of its own, and the next line holding one anywhere
    (``5、…问题较为突出。`` / ``整改要求:按照…的要求,由A、B负责…。``): that line is the item's, and
    the closing words begin after it (平利 2021's 整改 list). Any other cut stays."""
    if match is None or find_clause(span[: match.end()]) is not None:
        return match
    end = span.find("\n", match.end())
    if end < 0:
        return match
    line = span[match.end() : end]
    if not line.strip() or find_clause(line) is None:
        return match
    return LINE_END.search(span, end)


def opens_with_clause(rest: str) -> bool:
    """h18af: the text after the cut opens with an assignment bracket (``…耕地保有量面积。`` /
    ``(市国土房管局牵头)主要污染物排放总量减少10%。(市环保局牵头)``, 天津 2006): a bracket
    wrapped onto the next line closes the item's last sentence, and closing words never open
    with one."""
    text = rest.lstrip()
    first = next(brackets(text), None)
    return first is not None and first[0] == 0 and is_clause(unspaced(text[1 : first[1] - 1]))


def unit_rows_go_on(span: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """h18cb: the last item a task cell over rows copied one cell a line, each row its work on a
    line (or more, wrapped) and its unit cell on the next (潍坊 2017 ``(一)加强预期引导`` /
    ``围绕……。`` / ``市发改委牵头落实`` / ``围绕……。`` / ``市人社局牵头落实`` …): when the cut
    falls after such a unit line, every following row (lines of work, then a line that is only
    units) is the item's too; the closing words begin after the last whole row (a row cut
    before its units is no row of it)."""
    if match is None:
        return match
    before = span[: match.end()].rstrip().rsplit("\n", 1)[-1].strip()
    if not before or not is_clause(before):
        return match
    rows = whole_rows(span[match.end() :])
    return ROW_END.search(span, match.end() + sum(map(len, rows)) - 1) if rows else match


def last_item_goes_on(span: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """The first cut after the last item (``match`` in ``span``) moved past what is still the
    item's: its own 牵头单位：… on the next line, a row's last cell's clause (h18p), a line
    holding its clause (h18s), its rows of work and units (h18cb)."""
    match = labels_go_on(span, match)
    match = row_goes_on(span, match)
    match = clause_line_goes_on(span, match)
    return unit_rows_go_on(span, match)
