"""Two forms of an assignment that name who does an item (h18f, to find the tasks of documents
the importer was never tuned on; kept apart from ``clauses``, which is at its length limit):

- ``责任部门:市房管局牵头,市民政局配合。``: a 责任 label over a 牵头 / 配合 sentence reads as
  ``部门分工:`` does (the lead and the cooperating units, not all of them responsible);
- ``由A、B,各县(市)、区人民政府负责落实。``: a sentence of its own naming who carries it out.
"""

from __future__ import annotations

import re

SHARED = re.compile(r"^[^，,；;]{2,60}牵头[，,][^。；;]*(?:配合|协办|参与|协助)")
BY_WHOM = re.compile(
    r"(?:^|[。；;]\s*)(由(?P<names>[^。；;：:\n由]{2,160}?)(?:分别)?负责(?:落实|实施|推进|办理)?)"
    r"\s*[。；;]?\s*$"
)


def shared_label(
    part: str, folded: str, labelled: re.Match[str] | None
) -> tuple[str, str, re.Match[str] | None]:
    """The part of a clause without its 责任部门: label when the names after it are a
    ``X牵头,A、B配合`` sentence (then read as 部门分工:, so no label match is returned)."""
    if labelled is None or labelled["words"] != "责任" or not SHARED.search(labelled["names"]):
        return part, folded, labelled
    cut = len(part) - len(labelled["names"])
    return part[cut:], folded[cut:], None


def by_whom(text: str) -> tuple[str, int, int, str] | None:
    """``…。由A、B负责落实。``: the clause's text, start, end and what to read (names 负责)."""
    match = BY_WHOM.search(text)
    if match is None:
        return None
    return match.group(1), match.start(1), match.end(1), match["names"] + "负责"
