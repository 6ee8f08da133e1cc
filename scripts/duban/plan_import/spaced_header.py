"""A table header whose words are letter-spaced (issue 18, h18u): offices space out a short
column name to fill its cell (``序 号``, ``工 作 任 务``, ``完 成 时 限``); flattened to a line
of space-separated cells the header then has more words than the rows have cells
(``序号 工 作 任 务 牵头负责部门`` over ``1 居民消费价格涨幅3%左右 发展改革委``, 国办 2016).
Runs of single characters are joined back into one word, so the header has the rows' width."""

from __future__ import annotations

from duban.plan_import.chinese import HAN


def joined_spacing(words: list[str]) -> list[str]:
    """``序号 工 作 任 务 牵头负责部门`` -> ``序号 工作任务 牵头负责部门``: every run of two or
    more single Chinese characters becomes one word; other words stay as they are."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and HAN.match(word):
            run.append(word)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if word:
            out.append(word)
    return out
