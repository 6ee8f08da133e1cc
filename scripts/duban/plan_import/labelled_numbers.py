"""Items numbered with a word before the number (branch h18s): ``问题1：老旧小区改造进度滞后。``
/ ``任务二：…`` / ``事项3.…`` (an 整改 list or a 督办 sheet numbers its problems so). Read as a
reading of its own: each such marker is rewritten as ``1.`` (the number kept, the word and the
colon left as spaces), so that the numbering's reading takes the lines under it (整改措施：… /
责任单位：…) as the item's."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.chinese import numeral_value
from duban.plan_import.numbering import CN, STOPS, arabic

MARKER = re.compile(
    r"(?m)^(?P<lead>[ \t\u3000]*)(?P<word>问题|任务|事项|项目|整改事项|整改问题)"
    rf"(?P<number>{arabic(wide=False)}|{CN})[ \t\u3000]*(?P<stop>[：:{STOPS}])"
)


def labelled_numbers(text: str) -> tuple[str, int] | None:
    """The text with its 问题1： markers written as 1. (two at least, numbered 1, 2 … in order),
    or None."""
    found = list(MARKER.finditer(text))
    numbers = [_number(m.group("number")) for m in found]
    if len(found) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    out, at = [], 0
    for match, number in zip(found, numbers, strict=True):
        out.append(text[at : match.start("word")])
        marker = f"{number}."
        out.append(marker + " " * max(0, match.end() - match.start("word") - len(marker)))
        at = match.end()
    out.append(text[at:])
    return "".join(out), len(found)


def _number(written: str) -> int:
    return int(written) if written.isdigit() else (numeral_value(written) or 0)


def labelled_numbers_reading(count: int) -> str:
    return say(
        f"{count} items numbered with a word before the number (问题1：) read as numbered items",
        f"{count} 个“问题1：”这类带词语的编号按编号条目读取",
    )
