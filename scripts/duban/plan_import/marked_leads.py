"""A label's list with 牵头 written after its first names (branch h18p).

``责任单位:市人力社保局、市农业农村局分别牵头`` (丽水 2023): both lead (分别牵头 is no part of a
unit's name); ``責任單位:省政府辦公廳、省財政廳牽頭,省商務廳、省文化廣電和旅遊廳`` (浙江 2024): the
names before 牵头 lead, the names after the comma have the label's role (here responsible). A list
whose later names carry their own verb (``X牵头,A、B配合``) is a sentence of verbs, read elsewhere
(role_sentences.label_prose).
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.role_sentences import LEAD_VERB, OTHER_VERB

MARKED = re.compile(
    r"^(?P<leads>[^，,；;：:（()）]{2,160}?)(?:分别|共同)?牵头(?:负责)?"
    r"\s*(?:[，,]\s*(?P<rest>[^：:]+?))?\s*[。；;]?\s*$"
)

# h18x: A，B分别牵头 (the units written with commas): 分别 says every name before it leads
EACH = re.compile(
    r"^(?P<leads>[^；;：:（()）]{2,160}?)(?:分别|共同)牵头(?:负责)?(?P<rest>)\s*[。；;]?\s*$"
)


def marked_leads(names_text: str) -> tuple[str, str] | None:
    """(the names that lead, the names after them, as written) when ``names_text`` (a label's
    names) is ``A、B(分别)牵头[,C、D]``; None otherwise."""
    match = MARKED.match(simplified(names_text)) or EACH.match(simplified(names_text))
    if match is None:
        return None
    rest = match.group("rest") or ""
    if re.search(f"{LEAD_VERB}|{OTHER_VERB}", re.sub(r"[（(][^）)]*[）)]?", "", rest)):
        return None  # X牵头,A、B配合: a sentence of verbs
    later = names_text[match.start("rest") : match.end("rest")] if rest else ""
    return names_text[: match.end("leads")], later
