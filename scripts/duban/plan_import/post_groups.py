"""An office's duty list by post (h18bx, SOURCES.md 第三十批; 叶集 2024, an office's 档案工作
责任制清单): chapter headings that name only a post of the issuing office and its duties
(``一、主要负责人责任``, ``二、分管领导责任``) over numbered points none of which names a unit.

The post is who answers for each point, as a heading naming only one bearer does (第二十九批
``(一)辽阳市政府``): a clerk writes the post as each point's responsible, as written. It is no
leader (no named person, no ``分管领导:X`` label) and no unit the org knows. A heading naming
anything else (``一、总体要求``, ``一、工作职责``) is no such group.
"""

from __future__ import annotations

import re

from duban.plan_import.assigning import names_units
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, parse_clause
from duban.plan_import.place_groups import place_clause
from duban.plan_import.segment_nodes import Node

POST = re.compile(
    r"^(?P<post>[\u4e00-\u9fff]{0,6}?(?:主要负责人|分管负责人|分管领导|主要领导|"
    r"主任|副主任|股长|科长|处长|站长|所长|馆长|局长|经办人))(?:的)?(?:责任|职责)[：:]?$"
)
"""A post and its duties, nothing else: 主要负责人责任 / 办公室主任职责."""


def post_clause(text: str, node: Node) -> Clause | None:
    """The clause a post's chapter heading makes for the points below it (the post is
    responsible), or None when ``node`` is no such heading."""
    if not node.children or node.style != "sec":
        return None
    own = text[node.content : node.children[0].start].strip()
    match = POST.match(simplified(own))
    if match is None or any(names_units(text[c.content : c.end]) for c in node.children):
        return None
    post = own[: match.end("post")]
    return parse_clause(post + "负责", 0, len(post) + 2, post + "负责")


def bearer_clause(text: str, node: Node) -> Clause | None:
    """The clause a heading naming only who answers for its points makes: a place's
    (:func:`duban.plan_import.place_groups.place_clause`) or, a chapter, a post's."""
    return place_clause(text, node) or post_clause(text, node)
