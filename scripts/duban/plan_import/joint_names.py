"""Unit names that share words (branch h18a).

``各县(市、区)党委和人民政府`` is one body (a place's party committee and government, named
together as 党委和政府 always are), not 党委 and 人民政府; ``城乡一体化示范区、高新区党工委和
管委会`` names two bodies, 城乡一体化示范区党工委和管委会 and 高新区党工委和管委会: the bare
place before the 、 takes the words that follow the last place.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

JOINT = re.compile(r"(?:党委|党工委|党组)(?:和|及|与)(?:人民政府|政府|管委会|管理委员会|行政)")
"""党委和人民政府: one body, never split at its 和."""
PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:区|县|市|镇|乡|州|新区|园区|开发区)$")
SHARED = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{1,12}?(?:区|县|市|镇|乡|州))"
    r"(?P<tail>(?:党委|党工委|党组)(?:和|及|与)?(?:人民政府|政府|管委会|管理委员会)?"
    r"|人民政府|政府|管委会|管理委员会)$"
)


GROUP_AND_OTHERS = re.compile(r"(?:有关|相关|^各)[^和及与]*(?:部门|机构)(?:和|及|与)(?:单位|企业)$")
"""h18j: 省有關部門和單位 (江西 2016): a group of departments and units is one group, as
市直有关部门、单位 is."""


def is_joint(piece: str) -> bool:
    """A name whose 和 joins the party committee and the government of one place, or a group
    of departments and units."""
    folded = simplified(piece.strip())
    return JOINT.search(folded) is not None or GROUP_AND_OTHERS.search(folded) is not None


def share_tails(pieces: list[str]) -> list[str]:
    """A bare place (城乡一体化示范区) before a place with its bodies (高新区党工委和管委会)
    takes the same bodies."""
    out = list(pieces)
    for index in range(len(out) - 2, -1, -1):
        here = out[index].strip()
        after = SHARED.match(simplified(out[index + 1].strip()))
        # h18y: a lone 人民政府 / 管委会 is not shared (团风县、英山县人民政府: SOURCES.md)
        joint = after is not None and re.match(r"党委|党工委|党组", after.group("tail"))
        if after and joint and PLACE.match(simplified(here)) and len(here) >= 3:
            tail = out[index + 1].strip()[len(after.group("place")) :]
            out[index] = here + tail
    return out
