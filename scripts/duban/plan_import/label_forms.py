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
