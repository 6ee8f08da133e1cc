"""One deadline the notice sets for every item of its attachment (branch h18ak, issue 18).

A 整改 notice lists the problems found in its attachment (``附件: 存在问题: 1.…(责任单位:X)``)
and sets the time for all of them once, in its body: ``请各事涉部门……于5月20日前将问题整改完成``,
``請各責任單位於6月中旬前完成整改``, ``请于8月下旬前整改到位``. Each item is due then (SOURCES.md
第十七批, as 第六批's rule for a notice's standing roles): an item with a time of its own keeps it.

Only a time that governs the fixing itself is taken: ``于5月20日前将整改情况报送督查室`` dates the
report, not the work, and is left to the review as before.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

WHEN = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:1[0-2]|0?[1-9])月"
    r"(?:[0-3]?[0-9]日|底|末|上旬|中旬|下旬)(?:以前|之前|前)"
)
"""5月20日前 / 6月中旬前 / 2019年8月底以前: a day or a part of a month, then 前."""
FIXED = re.compile(r"整改|销号|办结")
"""The work the time is for, in the time's part of the sentence: the problems fixed (整改完成,
完成整改, 整改到位, 销号, 整改期限为…)."""
REPORTED = re.compile(r"(?:报送|上报|报告|反馈|报)(?:至|给)?[^，,。；;]{0,20}$|情况|材料|报告")
"""…将整改情况报送X / …报X: the time of a report, not of the work."""
ASKED = re.compile(r"请|要|务必|必须|须|应|限")
"""The notice asks for the work (请各单位… / 各部门要…)."""


def notice_deadline(*texts: str | None) -> str | None:
    """The deadline (as written, ``5月20日前``) the notice's body sets for every item it
    attaches, or None. ``texts``: the notice's body and the preamble before the first item."""
    for text in texts:
        if not text:
            continue
        folded = simplified(text)
        for sentence in re.finditer(r"[^。；;！!]+", folded):
            words = sentence.group()
            if not ASKED.search(words) or not FIXED.search(words):
                continue
            for when in WHEN.finditer(words):
                piece_end = re.search(r"[，,]|$", words[when.end() :])
                after = words[when.end() : when.end() + (piece_end.start() if piece_end else 0)]
                before = re.split(r"[，,]", words[: when.start()])[-1]  # 整改期限为6月30日前
                if FIXED.search(before + after) and not REPORTED.search(after):
                    start = sentence.start() + when.start()
                    return text[start : start + len(when.group())]
    return None
