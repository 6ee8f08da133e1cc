"""The words that close an open list of units: ``A、B等省有关部门`` (issue 18).

The named units are kept, the words after 等 are not a unit's name, and the review says the list
was open (clauses._add). One pattern for every reader that meets such a list: the clause parser
and the 由…牵头 sentence (leading_by), which must see ``人力资源社会保障厅等省级主管部门（单位）``
as a unit's name before the parser takes its 等 off (h18au, 四川 2014).
"""

from __future__ import annotations

OPEN_SUFFIX = (
    r"等(?:[0-9]+个|[一二三四五六七八九十]+个)?(?:[省市县区](?:级|直)?|国务院)?(?:其他|有关|相关|各)?"
    r"(?:主管|职能)?(?:部门(?:和|及|与|、)?单位|部门|单位|机构|成员单位)?(?:[（(](?:单位|部门)[）)])?$"
)
"""等 / 等3个 / 等省有关部门 / h18au: 等省级主管部门（单位）, 等市直职能部门 /
h18ax: 等有关部门和单位 (国务院 2018) / h18az: 等国务院相关部门 (a State Council plan's
ministries, then 及各地区) / h18bb: 等各部门 (unit_brackets kept its own copy)."""
