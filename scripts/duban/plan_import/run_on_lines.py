"""A plan whose line breaks were lost (branch h18ae, issue 18): law sites and document sites that
reprint a plan page by page often run the whole text into one line, the items parted by a space
only (广西 2008, 广东 2013, the tenth batch):

    [接上页] (一)资金协调组。负责……管理。 牵头单位:自治区财政厅 配合单位:A、B (二)生产协调组。……

Each number that starts an item (一、 （一） 1. 1、 …) after a space, in a run of numbers that
follow on from each other on the same line (（一）（二）（三）, 2. 3. 4.), a first number (一、
（一） 1.) or a chapter's (二、) after a space, starts a line again: the break the reprint lost.
Only a long line with at least three such numbers is broken, and only as another reading, compared
with the others by its evidence (strategy.py); nothing of the text is changed but the breaks.
"""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.chinese import ASCII_DIGITS, simplified
from duban.plan_import.clauses import find_clause
from duban.plan_import.numbering import CN, CN_DIGITS, NUMBER_END, arabic

MARK = re.compile(
    # h18ak: a forum archiver's reposts run the items on after the previous one's closing
    # bracket or full stop, no space between: (责任单位:A)2.推进… / …。3.加强…
    rf"(?<=[\s)）。；;])(?:(?P<chapter>{CN})、|[（(](?P<bracket>{CN})[)）]"
    # h18az: 3．2020年底前… (a year or a month after the number, as segment.py reads it)
    rf"|(?P<arabic>{arabic(2)})[.．、﹒]{NUMBER_END})"
    # h18ak: (1)(2)(3), anywhere in the line (the run of numbers must follow on)
    rf"|[（(](?P<paren>{arabic(2)})[)）](?=[\u4e00-\u9fff])"
    # h18az: a crawler's one-paragraph page runs a chapter's title straight into its first
    # item (…的精准性（一）研究…) and a 具体措施： lead-in into its 1．: a (一) after any
    # character, a 1． after a colon, taken only in a run that follows on (breaks_in)
    rf"|(?<=[^\s)）。；;])[（(](?P<loose>{CN})[)）](?=[\u4e00-\u9fff])"
    rf"|(?<=[：:])(?P<colon>{arabic(2)})[.．﹒]{NUMBER_END}"
)
LOOSE = {"loose": "bracket", "colon": "arabic"}
"""The marks taken after any character (or a colon) and the style whose run they join."""
LONG = 120
"""A line this long (characters) or longer may be a run-together text."""
TITLE = re.compile(
    r"^(?P<title>[^\s。；;，,:：]{6,80}?(?:方案|计划|意见|要点|清单|办法|措施|安排|通知|分解|任务))"
    r"\s+(?=\S)"
)
"""h18ak: the title before the first space of a run-together document (…工作要点 为做好…)."""
CLOSING = re.compile(r"[)）](?P<space>\s+)(?=[^\s()（）]{4,}$)")
"""h18ak: …(责任单位:A) 各村要高度重视。: the closing words after the last item's bracket."""
LEAST = 3
"""The numbers a line must hold to be broken."""


def _value(style: str, number: str) -> int:
    if style in ("arabic", "paren"):
        return int(number.translate(ASCII_DIGITS))
    return chinese_number(number)


def chinese_number(numeral: str) -> int:
    """一 … 九十九 as a number."""
    if "十" not in numeral:
        return CN_DIGITS.index(numeral) + 1
    tens, _, ones = numeral.partition("十")
    return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
        CN_DIGITS.index(ones) + 1 if ones else 0
    )


def breaks_in(line: str) -> list[int]:
    """Where a run-together line's items start (positions in the line)."""
    found: dict[str, list[tuple[int, int]]] = {}
    loose: set[int] = set()
    for match in MARK.finditer(line):
        style = next(name for name, value in match.groupdict().items() if value)
        if style in LOOSE:
            loose.add(match.start())
        value = _value(LOOSE.get(style, style), match.group(style))
        found.setdefault(LOOSE.get(style, style), []).append((match.start(), value))
    # h18bc: a line that opens with its number, no indent before it (a page's paragraph), is
    # numbered as one after a space is: 1.深化…。(1)…(2)… read as the same line indented
    opens = MARK.match(" " + line, 1)
    if len(found) > 1 or (opens and not opens.group("paren")):
        found.pop("paren", None)  # 1.深化…。(1)…(2)…: the (1) (2) under a 1. are its sub-items
    out: list[int] = []
    for style, marks in found.items():
        for index, (start, number) in enumerate(marks):
            before = marks[index - 1][1] if index else None
            after = marks[index + 1][1] if index + 1 < len(marks) else None
            alone = style == "chapter"  # 二、 after a space: a chapter, the one a page shows
            follows = before == number - 1 or after == number + 1
            if start in loose and not follows:
                continue
            if alone or number == 1 or follows:
                out.append(start)
    return sorted(out)


def _each_assigned(line: str, breaks: list[int]) -> bool:
    """h18aq: two items run on after the lead-in's full stop, each closing with its own
    assignment (…意见。1.……。责任单位：A、B。2.……。责任单位：C。, 莆田): fewer numbers than
    LEAST suffice when every item carries its clause."""
    if len(breaks) < 2:
        return False
    pieces = [line[a:b] for a, b in zip(breaks, [*breaks[1:], len(line)], strict=True)]
    return all(find_clause(piece) for piece in pieces)


OPENS = re.compile(rf"^[ \t\u3000]*(?P<number>{arabic(2)})(?P<mark>[.．、﹒])")
"""A line that opens with an item's arabic number (2、 / 2.)."""


def _second_item(line: str) -> int | None:
    """h18br (鄂州 2009, a law site's page: ``2、…。责任单位:A、B,完成时间:…前。3、…。责任单位:…``):
    where the next item starts in a short line that opens with an item's number and holds the
    next number once, after a sentence's end (2.…。3、… too: a clerk reads the number, not its
    stop), each of the two with its own assignment clause: two items the reprint ran onto one
    line."""
    opens = OPENS.match(line)
    if opens is None:
        return None
    after = int(opens.group("number").translate(ASCII_DIGITS)) + 1
    found = [m.start() for m in re.finditer(rf"(?<=[。；;])\s*{after}[.．、﹒]", line)]
    if len(found) != 1:
        return None
    at = found[0] + len(line[found[0] :]) - len(line[found[0] :].lstrip())
    pieces = (line[:at], line[at:])
    return at if all(find_clause(piece) for piece in pieces) else None


def run_on_lines(text: str) -> tuple[str, int] | None:
    """The text with the items of its run-together lines each on a line of its own (and how
    many lines were made), or None."""
    lines = text.split("\n")
    made = 0
    for at, line in enumerate(lines):
        if len(line) < LONG:
            second = _second_item(line)
            if second is not None:
                lines[at] = line[:second] + "\n" + line[second:]
                made += 1
            continue
        breaks = breaks_in(line)
        if len(breaks) < LEAST and not _each_assigned(line, breaks):
            continue
        title = TITLE.match(simplified(line[: breaks[0]]))
        closing = CLOSING.search(line, breaks[-1])
        ends = [title.end()] if title else []
        ends += [closing.end("space")] if closing else []
        cuts = sorted({*breaks, *ends})
        pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
        lines[at] = "\n".join(piece for piece in pieces if piece)
        made += len(breaks)
    return ("\n".join(lines), made) if made else None


def run_on_reading(count: int) -> str:
    return say(
        f"{count} items of lines run together (the line breaks lost in reprinting, the items"
        " parted by a space only) each read on a line of its own",
        f"各项连成一行（转载丢了换行，条目之间只隔一个空格）：{count} 处编号之前断行，各项分开读取",
    )
