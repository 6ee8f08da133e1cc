"""A rectification list run together into one paragraph (branch h18y; 楚雄 环保督察整改措施清单 on
a 范文 site): ``……整改措施清单一、认识不深(一)部分领导干部……。整改目标:……。责任单位:A、B,
C责任人:……整改时限:立行立改,长期坚持整改措施:……。1.深入学习……2.把绿色发展……``.

The page lost every line break; the labels and numbering marks that begin lines in the document
still stand in the text, glued to what ran before them. When a long line holds several labels
of a list's fields (责任单位: 整改时限: 整改措施: …) glued to the text before them, the line is
broken again before each such label, before each bracketed ``(一)`` mark, before a chapter mark
``一、`` that follows a title or a full stop, and before ``1.`` ``2.`` after a full stop or a
colon. Nothing is added: only line breaks."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.chinese import simplified

FIELD = (
    r"(?:整改|问题|工作)?(?:目标|时限|措施|要求|责任人|责任单位|牵头单位|配合单位|督导单位|完成时限"
    r"|责任领导|牵头领导|督办单位)"
)
LABEL = re.compile(rf"{FIELD}(?=[:：])")
BRACKET_MARK = re.compile(
    r"(?<=[^\n\s(（])(?=[(（][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff])"
)
CHAPTER_MARK = re.compile(
    r"(?:(?<=[。；;])|(?<=清单|方案|通知|计划|要点|报告|意见))"
    r"(?=[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff])"
)
ITEM_MARK = re.compile(r"(?<=[。；;:：])(?=[0-9]{1,2}[.．、][\u4e00-\u9fff])")
LONG = 200
SHORT = 80
"""Once a line of the document is run together, lines this long are broken again too."""


def run_on_labels(text: str) -> tuple[str, int] | None:
    """The text with such run-together lines broken again (and how many breaks), or None."""
    lines = text.split("\n")
    if not any(_run_on(simplified(line)) for line in lines if len(line) >= LONG):
        return None
    count = 0
    for index, line in enumerate(lines):
        folded = simplified(line)
        if len(line) < SHORT or len(folded) != len(line):
            continue
        labels = [m.start() for m in LABEL.finditer(folded)]
        cuts = sorted(
            {
                *labels,
                *(
                    m.start()
                    for pattern in (BRACKET_MARK, CHAPTER_MARK, ITEM_MARK)
                    for m in pattern.finditer(folded)
                ),
            }
            - {0}
        )
        cuts = [c for c in cuts if folded[c - 1] not in "\n \t"]
        pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
        lines[index] = "\n".join(pieces)
        count += len(cuts)
    return ("\n".join(lines), count) if count else None


def _run_on(folded: str) -> bool:
    """A long line holding three labels or more, glued to the text before them."""
    glued = [m for m in LABEL.finditer(folded) if m.start() and folded[m.start() - 1] != "\n"]
    return len({m.group() for m in glued}) >= 3


def run_on_reading(count: int) -> str:
    return say(
        f"a list run together into one paragraph broken again at {count} labels and numbers"
        " (only line breaks added)",
        f"压成一段的清单在 {count} 处标签和编号前重新分行（只加了换行）",
    )
