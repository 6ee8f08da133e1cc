"""Role labels as offices vary them (h18c): 责任单位（人）： / 牵头单位及责任人： (the tail after
the label's word), and labels spaced out like a table's header (牵 头 单 位：)."""

from __future__ import annotations

import re

LABEL_TAIL = r"(?:[（(]人[）)]|及责任人)?"
"""What may follow a label's words before its colon: 责任单位（人）, 牵头单位及责任人."""
SPACED_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[；;，,]))\s*((?:[\u4e00-\u9fff][ \u3000]+){1,5}[\u4e00-\u9fff])(?=\s*[:：])"
)


def unspaced(inner: str) -> str:
    """牵 头 单 位：… as a table's header is spaced out: the label without its spaces (the
    names after the colon keep theirs)."""
    return SPACED_LABEL.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(1)), inner)


BOXED = re.compile(
    r"【\s*((?:主要)?(?:牵头|主办|责任|承办|配合|协办|参与|协同|监督|考核|分管|联系)[\u4e00-\u9fff]{0,4}"
    r"|完成时限|完成时间|时间节点|时限要求)\s*】"
)
"""【牵头单位】市发改委【配合单位】市财政局: a label in a box instead of before a colon."""


def boxed_labels(text: str) -> str:
    """The text with each boxed label written as a label (a space, the words, a colon: the
    length is kept, so offsets into the text stay right)."""
    return BOXED.sub(
        lambda m: " " + m.group(1) + "：" + " " * (len(m.group(0)) - len(m.group(1)) - 2), text
    )
