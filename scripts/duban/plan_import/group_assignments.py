"""Assignments written after a group of items (branch h18p, issue 18): a line of its own, not
numbered, that names the unit of the items just before it, as a target list often does:
``4項目標的責任單位均為市發展改革委。`` (the four items above it), ``該目標責任單位為市經委。``
(the one above it; 郑州 2007), ``以上3项工作由市财政局牵头负责。`` (the three above; with no count,
every item since the last heading). The reading
adds ``（责任单位：X）`` (or ``（牵头单位：X）`` when the sentence says 牵头) after each of those
items (the label is the importer's; the name is the document's); the sentence itself stays in
the text of the last item of its group."""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.chinese import numeral_value, simplified
from duban.plan_import.clauses import LABELLED, ROLE_WORDS, find_clause
from duban.plan_import.leader_names import PINYIN_NOTE
from duban.plan_import.numbering import (
    CHAPTER,
    CN,
    INDENT,
    MIXED,
    NUMBER_END,
    arabic,
    bracketed,
    separator,
)
from duban.plan_import.site_footer import footer_lines

COUNT = r"(?P<count>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
ROLE = r"(?P<role>责任单位|牵头单位|责任部门|牵头部门|主办单位|承办单位)"
NAMES = r"(?P<names>[^。；;：:，,\n]{2,80}?)"
GROUP = re.compile(
    r"^\s*(?:(?P<above>以上|上述|前述)?(?:这)?(?:" + COUNT + r"项)?|(?P<one>该|該|此|本)(?:项|項)?)"
    r"(?:目标|工作|任务|指标|事项)?(?:的)?"
    r"(?:"
    + ROLE
    + r"(?:均|都)?(?:为|是)"
    + NAMES
    + r"|由"
    + NAMES.replace("names", "by")
    + r"(?P<verb>牵头负责|负责|牵头))\s*[。；;]?\s*$"
)
TAIL = re.compile(
    r"^\s*(?:以上|上述|前述)(?:各项|所列|这些|几项)?(?:目标|工作|任务|事项|指标|措施)?(?:均|都)?由"
    r"(?P<clause>[^。\n]{2,120}?(?:牵头|负责|落实)[^。\n]{0,80}?)\s*[。；;]?\s*$"
)
"""h18ab: 以上任务由X牵头，各部门按职责分工负责，2023年底前完成。 (the sentence goes on after its
verb: the clause, as written, is given to each item above it in a bracket, as 动词括注 are read)."""
HEADING = re.compile(rf"^{INDENT}(?:{CHAPTER}|{bracketed(CN)})")
ITEM = re.compile(rf"^{INDENT}(?:{arabic()}{separator()}{NUMBER_END}|{bracketed(MIXED)})")


def group_reading(count: int) -> str:
    return say(
        f"{count} items assigned by the sentence after their group (4项目标的责任单位均为X;"
        " the label 责任单位 is the importer's)",
        f"{count} 项按其后一句（“4项目标的责任单位均为X”“该目标责任单位为X”）记分工"
        "（“责任单位：”为导入所加）",
    )


def group_items(text: str) -> tuple[str, int] | None:
    """The text with each item before an assigning sentence given that sentence's unit."""
    lines = text.split("\n")
    items: list[list[int]] = []  # each item since the last sentence: its lines
    count = 0
    footer = set(footer_lines(lines))  # h18bc: 主办：市政府办公室 承办：… is the site's, no label
    for index, line in enumerate(lines):
        if index in footer:
            continue
        bare = PINYIN_NOTE.sub("", line)  # 4項(xiàng)目標(biāo)的…: a converter's pinyin
        match = GROUP.match(simplified(bare))
        tail = None if match else TAIL.match(simplified(bare))
        if tail is not None and items:  # h18ab: every item since the heading, the clause whole
            clause = bare[tail.start("clause") : tail.end("clause")]
            count += _give(lines, items, f"（{clause}）")
            items = []
            continue
        if match is None and items and _label_after(simplified(bare)):
            run = _semicolon_run(lines, items)  # h18ak: 1.…； 2.…； 责任单位:X: for both
            count += _give(lines, run[:-1], f"（{line.strip()}）")
            items = []
            continue
        if match is None:
            if HEADING.match(line) and not re.search(r"[；;]\s*$", line):  # h18ak: (一)…； is
                items = []  # a heading ends the group 以上 refers to (an item of a run ends ；)
            elif ITEM.match(line):
                items.append([index])
            elif items and line.strip():
                items[-1].append(index)
            continue
        size = 1 if match.group("one") else numeral_value(match.group("count") or "") or 0
        if not size and match.group("above"):  # 以上工作由X牵头负责: every item since the heading
            size = len(items)
        taken = items[-size:] if 0 < size <= len(items) else []
        names = match.group("names") or match.group("by")
        start = match.start("names") if match.group("names") else match.start("by")
        written = bare[start : start + len(names)]
        label = (
            "牵头单位"
            if "牵头" in (match.group("role") or match.group("verb") or "")
            else "责任单位"
        )
        for item in taken:
            if find_clause(" ".join(lines[i].strip() for i in item)) is not None:
                continue  # the item carries its own assignment
            last = item[-1]
            lines[last] = f"{lines[last].rstrip()}（{label}：{written}）"
            count += 1
        items = []
    return ("\n".join(lines), count) if count else None


def _label_after(folded: str) -> bool:
    """责任单位:X on a line of its own after items (SOURCES.md 第七批, 第十七批): a lead's or a
    responsible unit's label in any of the words clauses read (h18ap: 责任:X, 承担单位:X,
    牵头处室:X, 责任部门:X, as offices vary it), names after it."""
    match = LABELLED.match(folded)
    if match is None or not re.match(r"[^\s，,。；;]{2,}", match["names"]):
        return False
    words = re.findall("|".join(ROLE_WORDS), match["words"])
    return any(ROLE_WORDS[word] in ("lead", "responsible") for word in words)


def _semicolon_run(lines: list[str], items: list[list[int]]) -> list[list[int]]:
    """The items just above a label line that end with ；, the run the label is written for
    (1.清理…; 2.整治…; 3.规范…; 责任单位:X): the label gives its units to each of them. The
    item just above the label is the run's last whatever it ends with (h18am, 许昌 2011:
    2.…; 3.…; 4.…。 责任单位:X, the list's last item closing with 。); above it, an item ending
    with 。 ends the run (the label is not its)."""
    run: list[list[int]] = items[-1:]
    for item in reversed(items[:-1]):
        if not re.search(r"[；;]\s*$", lines[item[-1]]):
            break
        run.insert(0, item)
    return run


def _give(lines: list[str], items: list[list[int]], bracket: str) -> int:
    """``bracket`` after each item (its lines) that carries no assignment of its own."""
    count = 0
    for item in items:
        if find_clause(" ".join(lines[i].strip() for i in item)) is None:
            lines[item[-1]] = f"{lines[item[-1]].rstrip()}{bracket}"
            count += 1
    return count
