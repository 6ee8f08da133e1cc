"""Who assesses an item, said in a closing sentence (issue 18, h18u): target responsibility
letters and assessment schemes end an item with ``由镇工办负责考核。`` or ``具体考核细则由镇组织办、
纪检办、宣传办负责。`` (a town's 目标责任书); the units named assess the item (the oracle rule of
the tenth batch, SOURCES.md, like a 考核单位 column). Read as the clause ``考核单位：names``."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.unit_names import NAME_END

_VERB = r"(?:考核|评分|考评|打分|评估)"
_END = r"\s*[。；;]?\s*$"
ASSESSED = (
    # 由X负责考核。 / 由X考核。
    re.compile(rf"(?:^|[。；;，,]\s*)(由(?P<names>[^。；;：:\n]{{2,80}}?)(?:负责)?{_VERB}){_END}"),
    # 具体考核细则由A、B负责。 / 考核工作由X负责。
    re.compile(
        rf"(?:^|[。；;，,]\s*)((?:具体)?{_VERB}(?:细则|办法|工作|事项|标准)?由"
        rf"(?P<names>[^。；;：:\n]{{2,80}}?)(?:具体)?负责){_END}"
    ),
)


def assessed_by(text: str) -> tuple[int, int, str] | None:
    """The closing sentence naming who assesses: (start, end, ``考核单位：names``), or None when
    the names are no list of units."""
    folded = simplified(text)
    for pattern in ASSESSED:
        match = pattern.search(folded)
        if match is None:
            continue
        names = text[match.start("names") : match.end("names")]
        pieces = [p.strip() for p in re.split(r"[、，,和及]", simplified(names)) if p.strip()]
        if pieces and all(NAME_END.search(p) for p in pieces):
            return match.start(1), len(text.rstrip()), "考核单位：" + names
    return None
