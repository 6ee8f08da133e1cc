"""A plain text hard-wrapped at a fixed width, its paragraphs joined again (h18x, the variants
harness).

A text copied from a PDF viewer or a page that breaks its lines (and some e-mailed plans)
comes with every paragraph cut into lines of 30–40 characters: a unit's name or a role label
may be cut in two (``（牵头单位：市发`` / ``改委）``), and an item's text runs over lines no
reading expects. The evidence that a text is so wrapped is its lines: the longest is short
(``MAX_WIDTH``) and most of the lines that reach near that width do not end a sentence (or leave
a bracket open). Such a line is joined with the next unless
the next opens an item (the test pdf_doc uses for a PDF's lines); a text not so wrapped is
returned unchanged (a table a cell a line has short lines, but few of them full and unended).
"""

from __future__ import annotations

import re

from duban.plan_import.leader_names import PINYIN_NOTE
from duban.plan_import.pdf_doc import ENDS_SENTENCE, STARTS_ITEM

MAX_WIDTH = 48
"""The longest line of a wrapped text: a page or a PDF column holds 30–45 characters a line."""
MIN_WIDTH = 20
"""A full line is at least this long: short label lines (牵头单位:区发改局) are never a wrap."""
FULL_WITHIN = 10
"""A line at most this many characters shorter than the longest is a full (wrapped) line."""
MIN_SHARE = 0.5
"""The share of the long lines (full, ended or not) that must not end a sentence: the lines of a
text not wrapped that reach its longest line are paragraphs, and a paragraph ends a sentence."""
MIN_FULL = 4
TABLE_ROW = re.compile(r"[|｜\u2500-\u257f]|\S[ \u3000]+\S|\t")
"""A table's row (cells between bars, tabs or spaces: Chinese prose has no spaces): never joined."""


def _table_row(line: str) -> bool:
    """A table's row; not a paragraph whose item mark a space follows (h18ap: ``(一) 地区…``,
    ``1. 完善…``: the space after a mark parts no cells)."""
    bare = line.strip()
    mark = STARTS_ITEM.match(bare)
    return bool(TABLE_ROW.search(bare[mark.end() :].lstrip() if mark else bare))


ENDS = re.compile(r"[。；;！？：:）)】〕]\s*$")
UNIT_CELL = re.compile(
    r"^[^，,。；;：:！？!?]{2,60}?(?:分别)?(?:牵头|负责|配合|协办|主办|参与)(?:落实|负责|实施)?$"
)
"""h18cb: a unit cell on a line of its own (市金融办、人民银行某市中心支行分别牵头落实): a row's
last cell, not a line cut by the page's width, though as long and without a stop."""


def _full(line: str, width: int) -> bool:
    if len(line) < max(width - FULL_WITHIN, MIN_WIDTH) or UNIT_CELL.match(line.strip()):
        return False
    line = PINYIN_NOTE.sub("", line)  # h18ap: 市發(fā) ends no sentence (a converter's reading)
    unclosed = sum(line.count(c) for c in "（([【〔") > sum(line.count(c) for c in "）)]】〕")
    return unclosed or not (
        ENDS.search(line) or ENDS_SENTENCE.search(line)
    )  # (牵头部门:A,配合部门:


def rejoin_wrapped(text: str) -> str:
    """``text`` with its hard-wrapped paragraphs joined (unchanged when it is not wrapped)."""
    lines = text.split("\n")
    prose = [line.rstrip() for line in lines if line.strip() and not _table_row(line)]
    if not prose:
        return text
    width = max(len(line) for line in prose)
    full = sum(1 for line in prose if _full(line, width))
    # a short item that a converter's readings (區(qū)) make look long is no evidence (h18ap)
    long = sum(1 for line in prose if len(PINYIN_NOTE.sub("", line)) >= width - FULL_WITHIN)
    if width > MAX_WIDTH:
        return text
    # h18ap: a page of short items has few wrapped lines, but a line cut inside its bracket
    # (…(市人社局负 / 责)) or after a list's 、 is cut wherever the page's width fell: joined
    wrapped = full >= MIN_FULL and full >= MIN_SHARE * long
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line.strip() and not STARTS_ITEM.match(line) and not _table_row(line):
            out[-1] += line.strip()
        else:
            out.append(line)
        cut = _full(line.rstrip(), width) if wrapped else _cut_in_bracket(line.rstrip(), width)
        joining = bool(line.strip()) and cut and not _table_row(line)
    return "\n".join(out)


def _cut_in_bracket(line: str, width: int) -> bool:
    """A full line (near the page's width) that leaves a bracket open or ends on a list's
    separator (…区教育局、 / 区卫健委,…: no paragraph ends so)."""
    opened = sum(line.count(c) for c in "（([【〔") - sum(line.count(c) for c in "）)]】〕")
    cut = opened > 0 or line.endswith(("、", "，", ","))
    return len(line) >= max(width - FULL_WITHIN, MIN_WIDTH) and cut


DOUBLED_SHARE = 0.9
"""The share of a text's non-blank lines followed by a blank line that makes it double-spaced."""


def _double_spaced(text: str) -> bool:
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    if len(filled) < 6:
        return False
    followed = sum(1 for i in filled if not lines[i + 1].strip())
    return followed >= DOUBLED_SHARE * len(filled)


def _halved(blanks: re.Match[str]) -> str:
    return "\n" * ((blanks.group(0).count("\n") + 1) // 2)


def single_spaced(text: str) -> str:
    """A text whose every line is followed by a blank line (a page copied with its paragraph
    spacing, a converter's output) with its lines single-spaced: each run of line breaks halved
    (one blank line meant no break, three meant one), again while the text stays so spaced (a
    double-spaced copy of a double-spaced text reads as the text does: h18ap). A text that is
    not so spaced is returned unchanged (the readings of tables a row a line and of label lines
    take a blank line for a row's end)."""
    while _double_spaced(text):
        text = re.sub(r"\n(?:[ \t\u3000]*\n)+", _halved, text)
    return text
