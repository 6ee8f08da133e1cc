"""A role bracket longer than a sentence because it names many units (h18az, issue 18).

clauses.is_clause takes a bracket without a role label as an assignment when it reads like one
(X牵头，A、B配合 / A、B负责) and is shorter than 80 characters: a longer bracket is usually a
sentence of the text in brackets. A State Council plan's brackets name ten ministries or more:

    （A部、B委、C局、D署、……、J会等国务院相关部门及各地区按职责分工负责）

Such a bracket is still an assignment when it is nothing but names: every piece between 、 ，
and 及 is short, no sentence stop or colon stands in it, and nearly every piece, its verb and
its open list's 等… taken off, ends as a unit's name does (部 委 局 署 行 区 …).
"""

from __future__ import annotations

import re

from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.role_sentences import VERB_TAIL
from duban.plan_import.unit_names import PLACE_END

PIECE = 24
"""The longest piece of a list of names (a unit's name with its verb after it)."""
SENTENCE = re.compile(r"[。；;：:“”\"《》]")
SHARE = 0.75
"""The share of pieces that must end as a unit's name does."""


def names_with_verbs(inner: str) -> bool:
    """Whether a bracket's text is a list of unit names with their verbs, however long."""
    if SENTENCE.search(inner):
        return False
    pieces = re.split(r"[、，,]|(?<=[^\s])及", inner)
    if len(pieces) < 3 or not all(0 < len(piece) <= PIECE for piece in pieces):
        return False
    names = [re.sub(OPEN_SUFFIX, "", VERB_TAIL.sub("", piece)) for piece in pieces]
    return sum(bool(PLACE_END.search(name)) for name in names) >= SHARE * len(names)
