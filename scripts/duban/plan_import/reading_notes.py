"""What the other readings of a document did to it, for the review (strategy.py's notes; moved
out of it by h18cc when the module reached its size)."""

from __future__ import annotations

from duban.i18n.messages import say


def untabled_reading() -> str:
    return say(
        "the lines that looked like a task table were read as the text they are, not as rows"
        " (the table reading found fewer tasks)",
        "看似任务分工表的各行按原文读取，没有转为表格的行（按表格读出的任务较少）",
    )


def deeper_reading() -> str:
    return say(
        "items with no assignment of their own over items that each carry one read as headings:"
        " the items below them are the tasks",
        "本身没有分工、其下各项都有分工的条目读作小标题，其下各项是任务",
    )


def lenient_reading() -> str:
    return say(
        "a list that starts after 1 (an excerpt from the middle of a plan or of a table, a table"
        " row that lost its first cell) read from its first number",
        "不从 1 开始的编号（从方案或表格中间开始的摘录、丢了第一格的表格行）从第一个编号读起",
    )
