"""A notice whose title line a page left out (branch h18ai; 交通运输部 2021, 知识产权 2021): the
excerpt starts with the addressees (部屬各單位、部內各司局:), then ``现将《…》印发给你们`` and the
落款, whose issuer may stand above another office's seal (（国家知识产权局代章）). The patterns
and the addressees; :mod:`duban.plan_import.head` reads the rest of the head."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.leader_names import PINYIN_NOTE

_NOTED = f"(?:{PINYIN_NOTE.pattern})?"  # 現(xiàn)將: a converter's pinyin after a character
SENT = re.compile(
    "".join(c + _NOTED for c in "现将")
    + r"\s*《[^《》\n]{4,120}》[^。\n]{0,40}?"
    + "(?:{})".format("|".join("".join(c + _NOTED for c in w) for w in ("印发", "转发")))
    + "".join(c + _NOTED for c in "给")
)
"""现将《…》印发给你们: the text of a notice whose title line a page left out."""
SEAL = re.compile(r"[(（][^()（）]{2,30}代章[)）]")
"""（国家知识产权局代章）: under an issuer with no seal of its own, the office sealing for it."""


def addressees_above(region: str, line_start: int) -> str | None:
    """The addressees on the lines just above ``line_start`` (the 现将 line), ending with a
    colon, back to a line with a full stop, 通知, a 文号 or a date; None when there are none."""
    lines: list[str] = []
    for line in reversed(region[:line_start].rstrip("\n").split("\n")):
        if not line.strip() or re.search(r"。|通知|〔|\d{4}年", simplified(line)):
            break
        lines.insert(0, line.strip())
    above = "".join(lines)
    if above and above[-1] in ":：" and len(above) <= 400:
        return above[:-1].strip()
    return None
