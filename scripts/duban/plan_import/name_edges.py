"""The words a sentence puts around a unit's name when the names are read from prose (branch
h18s): ``此项工作由县住建局负责`` (a lead-in ending in 由) and ``县住建局要牵头抓好落实`` (a modal
verb after the name) name ``县住建局``. Trimmed only when what is left is a unit's name."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.unit_names import NAME_END

LEAD_IN = re.compile(r"^[^、，,由]{0,10}由(?=[\u4e00-\u9fff]{2,})")
MODAL = re.compile(r"(?:应当|必须|要|应|须|需|(?:整改|工作|具体|主要)(?:措施|举措))$")
"""h18y: 整改措施 too, the heading of the measures on the line after a clause (安顺 2017)."""
NUMBER_RUN = re.compile(r"(?:[ \t\u3000]+[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?){3,}")
"""Three numbers or more, each after a space: the cells of a table flattened into the line."""
SPACED_WORD = re.compile(r"[ \t\u3000]+(?P<word>[^ \t\u3000、，,；;]+)")


def trim_name(piece: str) -> str:
    """The unit's name without a lead-in ending in 由 or a modal verb after it (see above)."""
    folded = simplified(piece)
    start = LEAD_IN.match(folded)
    end = MODAL.search(folded)
    bare = folded[start.end() if start else 0 : end.start() if end else len(folded)]
    if bare != folded and len(bare) >= 2 and NAME_END.search(bare):
        return piece[start.end() if start else 0 : end.start() if end else len(piece)]
    return piece


def before_flat_table(text: str) -> str:
    """The names of a list that a table flattened into the same line follows (h18ah; 宁波 2014:
    ``配合单位:市公安局、市城管局,各区政府 鄞州 海曙、江东 合计 目标 2 5 1``, a progress table's
    districts and figures): when the text holds a run of space-separated numbers, the names end
    at the first space before a word that is not a unit's name."""
    if not NUMBER_RUN.search(text):
        return text
    for spaced in SPACED_WORD.finditer(text):
        if not NAME_END.search(simplified(spaced.group("word"))):
            return text[: spaced.start()]
    return text
