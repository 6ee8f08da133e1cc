"""Segmenting a plan's numbered structure: 一、 / （一） / (一) / 1. / 1、 / （1） / ①.

A marker counts only at the start of a line or after white space, and only when it continues
a numbering (the next number of a list already open, or 1 opening a new list inside the current
item, or the next number of a list that runs through the plan across sections, as （三） opening
section 二 after （二） closed section 一). Levels are not fixed per style: the first style met
is the top level, a new style opens a level below the current one, so 1. under （一） and
（一） under 1. both work, and numbering that restarts in each section is recognised.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from duban.plan_import.chinese import numeral_text, numeral_value
from duban.plan_import.clauses import find_clause
from duban.plan_import.label_points import in_funding_line
from duban.plan_import.numbering import (
    CIRCLED,
    CN,
    DIGIT_STOPS,
    FULL_STOP,
    NUMBER_END,
    PARENTHESIZED,
    arabic,
    article,
    bracketed,
    separator,
)
from duban.plan_import.page_chapters import chapter_after_page, inferred_chapter
from duban.plan_import.segment_nodes import Node
from duban.plan_import.tree_shapes import lift_column_headings, restarting_groups

INLINE = "：:；;"
"""After these a marker numbers items inside one paragraph (：1.…；2.…；3.…)."""
NOTE = r"[(（][a-z\u00e0-\u00fc\u0101-\u01dc]{1,6}[)）]"
"""h18j: the pinyin a converting page wrote after a numeral: 一(yī)、 (青岛 2023)."""
GARBLED_INDENT_BEFORE = rf"(?:{CN}、|[（(](?:{CN}|[0-9]{{1,2}})[）)]|[0-9]{{1,2}}[.．、])"
"""h18l: ?? before a number it does not stand for is an indent a converter garbled."""
AMOUNT = "万亿千百倍元个人户吨亩米年月日天项家所座条公平"
"""h18m: 2.5万人 at a wrapped line's start is an amount, not item 5 of chapter 2."""
MARKER = re.compile(
    # h18l: after a line's indent a converter turned into ?? (普陀 2021: `??一、…`)
    rf"(?:(?<=^)|(?<=[\s\u3000])|(?<=^[?？]{{2}})|(?P<inline>(?<=[{INLINE}]))|(?P<after>(?<=[）)]))"
    r"|(?P<stop>(?<=。)(?=[（(][0-9０-９]{1,2}[）)]))"  # h18i: …改革。(1)全面落实… (池州 2017)
    rf"|(?P<said>(?<=[。，,])(?={CN}是[\u4e00-\u9fff“《])))"  # h18m: …建设。一是…；二是…
    # 一． (h18c); 一(yī)、 (h18j)
    # h18x: 一．2023年… (a full-width stop, then a year) is chapter 1 as 一、2023年… is
    rf"(?:(?P<sec>{CN})(?:{NOTE})?(?:、|．(?=\s*[\u4e00-\u9fff“《0-9])|[.．](?![0-9０-９])(?=\s*[\u4e00-\u9fff“《]))"
    rf"|{article(f'(?P<art>{CN})')}"
    rf"|(?P<shi>{CN})是(?=[\u4e00-\u9fff“《])"  # h18m: 一是…二是… (inside an item only)
    rf"|{bracketed(f'(?P<pcn>{CN})')}"
    # h18m: 1.1 / 1.2 / 2.1 (an outline's second level, at a line's start) and its chapter's
    # bare 1 标题 (only when 1.1 follows: checked in _segment)
    # h18ap: 2.15﹒ and 2.１５． (a row's own number in any arabic form after the reader's 2.)
    rf"|(?<![^\n])(?P<decp>[0-9]{{1,2}})[.．](?P<dec>{arabic(2)})(?:{separator(small=True)}\s*|\s+|(?![{AMOUNT}]))(?=[\u4e00-\u9fff“《])"
    r"|(?<![^\n])(?P<arh>[0-9]{1,2})[ \t\u3000]+(?=[\u4e00-\u9fff])"
    # h18j: 1.4月底前… is item 1 and April (临安 2022), not 1.4
    # h18l: a table row's number over 99 at a line's start (135.统筹…, 广州 2023)
    rf"|(?P<ar>{arabic(2)}|(?<![^\n])[1-9][0-9]{{2}}(?=[.．][\u4e00-\u9fff]))(?:{separator(small=True)}{NUMBER_END}|\s*[）)](?![（(])"
    # h18r: 1。在… (a converter's full stop for the dot, 天津 2020)
    rf"|{FULL_STOP}(?=[\u4e00-\u9fff“《]))"
    # h18aq: 11.121人才梯队项目 (item 11, named by a number: only as the next of an open list)
    rf"|(?P<ard>{arabic(2)})[.．](?=[0-9]{{3,}}[\u4e00-\u9fff“])"
    rf"|{bracketed(f'(?P<par>{arabic(2)})')}"
    rf"|(?P<pdg>[{PARENTHESIZED}])"
    rf"|(?P<dsg>[{DIGIT_STOPS}])"  # h18ak: ⒈ ⒉ (a font's 1. as one glyph) is 1.
    rf"|(?P<cir>[{CIRCLED}])"
    # h18a: a number a web page's conversion garbled (（二） read as ?。ǘ┩): line start only
    # h18i: after a line's indent too (韶关 2023: `  ?。ㄒ唬┚o扣…`)
    # h18r: ?2019年建成… (a bullet turned into ?, 银川 2019) is no number: text follows it
    r"|(?:(?<![^\n])|(?<=\n[ \u3000])|(?<=\n[ \u3000]{2}))"
    r"(?P<garbled>[?？\ufffd]{1,2}(?:。|(?![0-9\u4e00-\u9fff])))"
    rf"(?![?？]*{GARBLED_INDENT_BEFORE}))",
    re.M,
)
STYLE_NAMES = {
    "sec": "一、",
    "art": "第一条",
    "pcn": "（一）",
    "dec": "1.1",
    "shi": "一是",
    "arh": "1",
    "ard": "1.",
    "ar": "1.",
    "par": "（1）",
    "pdg": "⑴",
    "dsg": "⒈",
    "cir": "①",
}


@dataclass
class SourceText:
    text: str
    newlines: list[int]

    @classmethod
    def of(cls, text: str) -> SourceText:
        return cls(text, [i for i, c in enumerate(text) if c == "\n"])

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1


def _number(match: re.Match) -> tuple[str, int, str] | None:
    if match.group("garbled"):
        return "garbled", 0, match.group("garbled")
    for style in STYLE_NAMES:
        value = match.group(style)
        if value is None:
            continue
        if style == "cir":
            return style, CIRCLED.index(value) + 1, value
        if style == "pdg":  # ⑴ is （1）
            return "par", PARENTHESIZED.index(value) + 1, value
        if style == "dsg":  # ⒈ is 1. (numbered on with 3. 4. after ⒈ ⒉: one list)
            return "ar", DIGIT_STOPS.index(value) + 1, value
        if style == "dec":  # h18m: 2.1: item 1 of chapter 2's list
            return style, int(value), f"{match.group('decp')}.{value}"
        if style == "arh":  # h18m: the chapter 1 over 1.1, 1.2: a number like 1.
            return "ar", int(value), value
        if style == "ard":  # h18aq: 11.121人才…: an item numbered 11 (see _segment)
            return "ar", int(value), value
        number = numeral_value(value)
        return (style, number, value) if number else None
    return None


def segment(text: str, start: int, end: int, lenient: bool = False) -> list[Node]:
    """The tree of numbered items between two offsets (each node's span ends where the next
    item at its level or above begins, or at ``end``). With no item numbered 1, an excerpt
    that starts later (a table's rows 24, 25, 26 …) is read from its first number, when at
    least two items follow on from it (and then a larger number at the start of a line goes on
    with the list: an excerpt of a table keeps rows 6, 52, 53 of the whole)."""
    roots = _segment(text, start, end, False, lenient)
    if not roots:
        later = _segment(text, start, end, True, lenient)
        # h18l: read leniently, one item is enough (a page of one table row: 135.…, 广州 2023)
        roots = later if len(later) >= 2 or (lenient and later) else []
    elif (later := _segment(text, start, end, True, lenient)) and _page_above(later, roots):
        roots = later  # h18ak: (六)…⒈…⑴… (七)…: a later page, its items' own lists below them
    return lift_column_headings(restarting_groups(roots), text)


RANKS = ("sec", "art", "pcn", "ar", "par", "cir")
"""The styles from the highest level a plan numbers down: 一、 第一条 （一） 1. （1） ①."""


def _page_above(later: list[Node], roots: list[Node]) -> bool:
    """Whether the items a later page of a plan starts with ((六) (七), numbered on from the
    previous page, each at a line's start; or one chapter 七、, h18am) stand above the list that
    starts at 1 under them (⒈ ⑴ …, or 5. 6. over (1) (2): the items' own parts): SOURCES.md
    第十七批, ids as the visible numbers."""
    numbers = [node.number for node in later]
    return (
        # h18am: one chapter line (七、…) over 1. 2. is the page's chapter too (抚顺, page 5)
        (len(later) >= 2 or later[0].style == "sec")
        and later[0].number > 1
        and later[0].style in RANKS
        and roots[0].style in RANKS
        and RANKS.index(later[0].style) < RANKS.index(roots[0].style)
        and all(node.style == later[0].style for node in later)
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        and later[0].start < roots[0].start
    )


def _segment(text: str, start: int, end: int, any_start: bool, lenient: bool) -> list[Node]:
    stack: list[Node] = []
    last_seen: dict[str, int] = {}
    roots: list[Node] = []
    for match in MARKER.finditer(text, start, end):
        parsed = _number(match)
        if parsed is None:
            continue
        style, number, numeral = parsed
        inline = any(match.group(g) is not None for g in ("inline", "stop", "said"))
        if style == "shi" and not stack:
            continue  # h18m: 一是… numbers the parts of an item, never the plan's top
        guessed = style == "garbled"
        if guessed:  # the next sibling of the item open deepest (never a section heading)
            if not stack or inline:
                continue
            if stack[-1].style == "sec":  # h18i: the heading's first item, （一） (韶关 2023)
                style, number = "pcn", 1
            else:
                style, number = stack[-1].style, stack[-1].number + 1
            numeral = numeral_text(number) if style in ("sec", "pcn", "art") else str(number)
        if inline and style in ("sec", "art"):
            continue  # 一、 and 第一条 head a paragraph of their own
        if inline and not stack:
            continue  # h18a: ：1.…；2.… numbers the parts of an item, never the plan's top
        if inline and in_funding_line(text, match.start()):
            continue  # h18br: 资金来源:1.…;2.…: sums of money, not the project's items
        if match.group("arh") and not outline_chapter(text, match, number, end):
            continue  # h18m: a line starting 1 and a space is a chapter only over 1.1 …
        if style == "dec" and "dec" in (open_styles := [n.style for n in stack]) and number == 1:
            at = open_styles.index("dec")  # h18m: 2.1 after 1.2: chapter 2's list begins
            if at:
                del stack[at:]
            else:  # no chapter lines above the outline: its items are counted through
                number = stack[0].number + 1
        styles = [node.style for node in stack]
        if match.group("after") is not None and (style in ("sec", "art") or style not in styles):
            continue  # h18f: …（省发改委负责）(二)… only goes on with a list already open
        at_line = match.start() == 0 or text[match.start() - 1] == "\n"
        if style == "sec" and at_line and chapter_after_page(roots, number, text, match.start()):
            # h18bt: a page from 2. on whose 4. is followed by 三、: 2.…4. are chapter 二's
            roots[:] = [inferred_chapter(roots, number - 1)]
            stack[:] = roots[:1]
            styles = ["sec"]
        fits = [i for i, n in enumerate(stack) if n.style == style and number == n.number + 1]
        if match.group("ard"):  # h18aq: 11.121人才… looks like a decimal: only the next item
            before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            if not fits or before.strip():  # of an open list, at its line's start
                continue
        if fits:  # h18j: an item's own 1. 2. … inside it (below), or the item's next sibling
            del stack[fits[0] if at_line else fits[-1] :]
        elif style in styles and number == 1 and _steps(text, match.start()):
            pass  # h18j: ；1.4月底前… 2.8月底前…: the steps of a table cell's item (临安 2022)
        elif style in styles:
            index = styles.index(style)
            siblings = stack[index - 1].children if index else roots
            if not (
                # h18a: an excerpt of a table (rows 6, 52, 53 …): at the top, from a line's start
                (any_start or (lenient and stack[0].number > 1))
                and index == 0
                and number > stack[0].number
                and at_line
            ) and not (
                # h18bf: an extract's sparse numbers under its chapters (一、… 5. 7. 二、… 17. 18.)
                lenient
                and index
                and siblings[0].number > 1
                and number > stack[index].number
                and at_line
            ):
                continue
            del stack[index:]
        elif not (
            number == 1
            or number == last_seen.get(style, -1) + 1
            or (any_start and not roots and not stack)
            or (
                lenient
                and number > last_seen.get(style, 0)
                and _goes_on(text, match, style, number, end)
            )
            or (not roots and not stack and _over_points(text, match, style, end))
        ):
            if not (lenient and stack and at_line and _chunk_line(text, match, end)):
                continue
            if not _part_of(text, stack[-1], style, match.start()):
                del stack[:]  # h18as: a line of another list, whole with its own clause: an item

        if style == "sec" and stack and "sec" not in styles and stack[0].style != "sec":
            continue  # 一、 inside an item that is not itself a section heading
        node = Node(style, number, match.group(0), numeral, match.start(), match.end())
        node.inline = inline
        node.guessed = guessed
        node.depth = len(stack)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        last_seen[style] = number
    _close(roots, end)
    _keep_said_with_roles(roots, text)
    return roots


OWN_CLAUSE = re.compile(
    r"[（(〔\[][^（）()〔〕\[\]]{0,80}(?:负责|牵头|单位|部门|科室)[^（）()〔〕\[\]]{0,80}[）)〕\]]"
)


def _keep_said_with_roles(nodes: list[Node], text: str) -> None:
    """h18m: 一是…；二是…；三是… are the item's sub-items only when a part before the last has
    its own assignment (…（县发改局负责）；二是…); with one clause at the end (…三是…（牵头…）。)
    the clause is the item's and the parts stay its text."""
    for node in nodes:
        said = [c for c in node.children if c.style == "shi"]
        if said and not any(OWN_CLAUSE.search(text[c.content : c.end]) for c in said[:-1]):
            node.children = [c for c in node.children if c.style != "shi"]
        _keep_said_with_roles(node.children, text)


def _chunk_line(text: str, match: re.Match, end: int) -> bool:
    """h18as: the excerpts of several documents pasted one a line (上海 2023's retrieval chunks:
    （八）…（责任单位：…） then 2.…（责任部门：…）): a line that opens with a number no list
    open goes on with, in a style not open, and closes with its own assignment (bracketed or a
    label's sentence, on its line or the next), is an item of its own (the lenient reading
    only), not the closing words of the item above."""
    following = next(
        (m for m in MARKER.finditer(text, match.end(), end) if text[m.start() - 1] == "\n"), None
    )
    span = text[match.end() : following.start() if following else end]
    clause = find_clause(span)
    return clause is not None and not span[clause.end :].strip(" \t\u3000\n。；;")


def _part_of(text: str, item: Node, style: str, at: int) -> bool:
    """h18bf (江苏 2007: 17.…补助资金61.7亿元。 then only (2)…(就管中心)): a part of a lower
    style, whole with its own clause, under an item with no clause of its own is that item's
    part, the only one an extract kept (SOURCES.md, 第二十二批), not a line of another list."""
    return (
        item.style in RANKS
        and style in RANKS
        and RANKS.index(style) > RANKS.index(item.style)
        and find_clause(text[item.content : at]) is None
    )


def _steps(text: str, at: int) -> bool:
    """h18j: a list that starts after ；inside an item numbered in its style: the item's steps
    (a plan cell's ；1.4月底前…), unless inside a bracket opened on its line (a clause's
    完成时限：1.… 2.…) or after a label's ： (进展情况：1.…)."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    opened = sum(before.count(c) for c in "（(") > sum(before.count(c) for c in "）)")
    return before.endswith(("；", ";")) and not opened


def outline_chapter(text: str, match: re.Match, number: int, end: int) -> bool:
    """h18m: whether the line ``1 夯实基础`` heads an outline: the next number is 1.1 (its own)."""
    following = next(MARKER.finditer(text, match.end(), end), None)
    return bool(
        following
        and following.group("dec")
        and int(following.group("decp")) == number
        and int(following.group("dec")) == 1
    )


LOOKAHEAD = 3000
"""How far a list starting after 1 must go on (in characters) for the lenient reading."""


def _goes_on(text: str, match: re.Match, style: str, number: int, end: int) -> bool:
    """h18f, the lenient reading (an excerpt that starts in the middle of a list, a table
    whose first row lost its cell, an excerpt of a table's rows 3, 68, 69 under its headings):
    a list may start at a number after 1 (and after the last number of its style), at a line's
    start, when the next item of its style, also at a line's start, has a larger number."""
    if text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip():
        return False
    for following in MARKER.finditer(text, match.end(), min(end, match.end() + LOOKAHEAD)):
        parsed = _number(following)
        if parsed is None or parsed[0] != style:
            continue
        line_start = text.rfind("\n", 0, following.start()) + 1
        return parsed[1] > number and not text[line_start : following.start()].strip()
    return False


def _over_points(text: str, match: re.Match, style: str, end: int) -> bool:
    """h18bx (a law site's page from ``2、深化地名管理`` on, SOURCES.md 第三十批): the page's
    first item, at a line's start, may be numbered after 1 with no sibling
    after it when its own points follow it, a list of a lower rank starting at 1 on a line of
    its own (``(1)…``)."""
    if (
        style not in ITEM_RANKS
        or text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
    ):
        return False  # a chapter (七、 over 1、) after 1 is chapter_after_page's (h18bt)
    for following in MARKER.finditer(text, match.end(), min(end, match.end() + LOOKAHEAD)):
        parsed = _number(following)
        if parsed is None or text[following.start() - 1] != "\n":
            continue
        lower = parsed[0] in ITEM_RANKS and RANKS.index(parsed[0]) > RANKS.index(style)
        return lower and parsed[1] == 1
    return False


ITEM_RANKS = RANKS[RANKS.index("ar") :]
"""The ranks of a chapter's items and their points (1. （1） ①), below the chapters'."""


def _close(nodes: list[Node], end: int) -> None:
    for index, node in enumerate(nodes):
        following = nodes[index + 1] if index + 1 < len(nodes) else None
        node.end = following.start if following else end
        _close(node.children, node.end)


def field_text(text: str) -> str:
    """A span of the document as data text: each line stripped, empty lines dropped."""
    lines = (line.strip(" \t\u3000\xa0") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from walk(node.children)
