"""Role labels with a word before them (branch h18s): ``问题整改责任单位:市科技馆`` (an 整改 list),
``整改责任单位:`` / ``工作牵头单位:`` / ``项目责任部门:`` / ``具体责任单位:``. The words before the
role say what the units are charged with (the fix, the work, the project), not who: the label is
read as the bare role label. Only these words, at the start of a line or a clause part, so that a
sentence that merely mentions 责任单位 stays a sentence."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from duban.plan_import.chinese import simplified
from duban.plan_import.label_forms import boxed_labels

PREFIXED = re.compile(
    r"(?:(?<=^)|(?<=[\n；;。，,\s（(【\[]))"
    r"(?P<prefix>(?:问题|整改|落实|工作|任务|项目|具体|督办|销号)+)"
    r"(?P<label>(?:(?:牵头|责任|配合|协办|主办|承办|监督|督办)(?:单位|部门|科室|处室)"
    r"|时限)[ \u3000]*[:：])"  # h18y: 整改时限: (an 整改 list's deadline)
)


def prefixed_labels(text: str) -> str:
    """The text with each such word before a role label moved after it as spaces (``责任单位:
    市科技馆``: the same length, so offsets into the text stay right, and the clause starts where
    the line does); text in traditional characters is matched folded."""
    folded = simplified(text)
    if len(folded) != len(text):
        return text
    out, at = [], 0
    for match in PREFIXED.finditer(folded):
        out.append(text[at : match.start()])
        label = text[match.start("label") : match.end()]
        out.append(label + " " * (match.end("prefix") - match.start()))
        at = match.end()
    out.append(text[at:])
    return "".join(out)


SPACED = re.compile(
    r"(?m)(?:^|(?<=。))"
    r"([ \t\u3000]*(?:主要)?(?:牵头|责任|配合|协办|主办|承办|参与|协同|监督)(?:单位|部门))"
    r"(?:[ \u3000]|为(?!了|确保|保证))(?=[ \u3000]*[\u4e00-\u9fff])"
)
"""责任单位 县住建局 on a line of its own, 。责任单位为县住建局。: a label with a space or 为 where
its colon should be."""


SEMICOLON = re.compile(
    r"(?m)(?:^|(?<=[（(。；;，,\s]))"
    r"([ \t\u3000]*(?:主要)?(?:牵头|责任|配合|协办|主办|承办|参与|协同|协助|监督)(?:单位|部门))"
    r"[ \u3000]*[;；](?=[ \u3000]*[\u4e00-\u9fff])"
)
"""h18ak: （责任单位;县农业农村局、各乡镇） / …，責任單位；區財政局: a semicolon typed for the colon
after a label that starts a bracket, a line or a clause part (a clerk reads it as the colon:
SOURCES.md 第十七批)."""


def spaced_labels(text: str) -> str:
    """The text with the space after such a label read as its colon (one character for one),
    and a semicolon typed for its colon too."""
    folded = simplified(text)
    if len(folded) != len(text):
        return text
    out, at = [], 0
    matches = sorted(
        [*SPACED.finditer(folded), *SEMICOLON.finditer(folded)], key=lambda m: m.start()
    )
    for match in matches:
        if match.start() < at:
            continue
        out.append(text[at : match.end(1)] + " " * (match.end() - match.end(1) - 1) + "：")
        at = match.end()
    out.append(text[at:])
    return "".join(out)


class _Found(Protocol):
    start: int
    end: int
    as_written: str


Found = TypeVar("Found", bound=_Found)


def kept_as_written(find: Callable[[str], Found | None]) -> Callable[[str], Found | None]:
    """``find_clause`` with the clause's ``as_written`` taken from the text as written when the
    labels above were rewritten for the search (offsets are the same: each rewrite keeps the
    length), so that the review and ``roles_as_written`` quote the document."""

    @functools.wraps(find)
    def wrapped(text: str) -> Found | None:
        found = find(text)
        boxed = boxed_labels(text)
        if found is not None and spaced_labels(prefixed_labels(boxed)) != boxed:
            found.as_written = boxed[found.start : found.end]
        return found

    return wrapped
