"""The role words of one label, as offices vary them (h18x, the variants harness).

Of two role words written together (牵头责任单位, 协同责任单位) the first decides (a 牵头责任单位
leads, a 协同责任单位 cooperates), except 牵头, which leads wherever it stands: 责任牵头单位 is the
lead unit as 牵头责任单位 is (an office's other order of the same words). Words separated by 、 or
和 (牵头、配合单位) are each their own role.
"""

from __future__ import annotations

import re

LEADS_ANYWHERE = ("牵头",)


def label_words(words: str, alternatives: str) -> list[str]:
    """The role words of ``words`` (a label's run of role words), ``alternatives`` the regex of
    every role word; one per run of adjacent words."""
    found: list[str] = []
    previous_end = -1
    for match in re.finditer(alternatives, words):
        if match.start() != previous_end:
            found.append(match.group(0))
        elif match.group(0) in LEADS_ANYWHERE:
            found[-1] = match.group(0)
        previous_end = match.end()
    return found
