"""Matching the names a plan uses to an organisation file's units, groups and bodies.

A phrase matches when it equals an id, name, short name or alias (compared after NFKC, with
traditional characters folded and brackets unified); failing that, when it is a unique suffix
(法规处 → 市局法规处) or, for a group, a unique prefix (各乡镇 → 各乡镇人民政府) of one. A phrase
matching nothing becomes a new unit, group (各…, 相关…, …等部门) or body (…会议, …领导小组),
marked for review. Each match that is not exact is an assumption for the review report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from duban.load.resolve.context import name_key
from duban.plan_import.chinese import simplified

IMPORTED_KIND = {
    "id": "imported",
    "name": "待分类（导入）",
    "name_en": "Not yet classified (imported)",
}
REVIEW_NOTE = "import-plan 导入时新建，待核对。Created by import-plan: to be reviewed."
UNNAMED_HOLDER = "承担单位待定"
"""The group an import names for a due nobody holds (task_reading): a marker that the text named
no holder, not a unit read (agreement.py compares none for it, nor for deadlines.UNWRITTEN_ID)."""
GROUP_WORDS = re.compile(
    r"^(?:各|相关|有关|所属)|各(?:单位|部门|处室|处|科室)$|成员单位$|各有关"
    r"|(?:有关|相关)(?:部门|单位|处室|科室|机构)$|^(?:省直|市直|县直|区直)"
)
BODY_WORDS = re.compile(r"(?:会议|领导小组|委员会全体会议|常委会|联席会议)$")


def key(name: str) -> str:
    """The org file's comparison (:func:`~duban.load.resolve.context.name_key`), loosened for
    what documents vary in: traditional characters, 〔〕【】 brackets and spaces inside names."""
    folded = name_key(simplified(name))
    folded = folded.translate(str.maketrans("（）〔〕【】［］", "()()()()"))
    return re.sub(r"\s+", "", folded)


@dataclass
class Entry:
    kind: str  # unit | group | body
    id: str
    name: str
    names: list[str]


@dataclass
class Match:
    phrase: str
    write_as: str  # the phrase to write in roles (a name of the org)
    entry: Entry
    how: str  # exact | folded | suffix | prefix | new


@dataclass
class ImportOrg:
    entries: list[Entry] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    new_units: list[dict] = field(default_factory=list)
    new_groups: list[dict] = field(default_factory=list)
    new_bodies: list[dict] = field(default_factory=list)
    new_kinds: list[dict] = field(default_factory=list)
    matches: dict[str, Match] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict | None) -> ImportOrg:
        org = cls()
        data = data if isinstance(data, dict) else {}
        for kind in data.get("kinds") or []:
            if isinstance(kind, dict) and kind.get("id"):
                org.kinds.add(str(kind["id"]))
        for section, kind in (("units", "unit"), ("groups", "group"), ("bodies", "body")):
            for item in data.get(section) or []:
                if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
                    continue
                names = [str(item["name"])]
                if item.get("short_name"):
                    names.append(str(item["short_name"]))
                names += [str(a) for a in item.get("aliases") or []]
                org.entries.append(Entry(kind, str(item["id"]), str(item["name"]), names))
                org.ids.add(str(item["id"]))
        return org

    def match(self, phrase: str, *, carrier: str | None = None) -> Match:
        """The unit, group or body a phrase names; a new entry when none does."""
        if phrase in self.matches:
            return self.matches[phrase]
        found = self.find(phrase)
        if found is None:
            found = self._create(phrase, carrier)
        self.matches[phrase] = found
        return found

    def find(self, phrase: str) -> Match | None:
        for entry in self.entries:
            if phrase == entry.id or phrase in entry.names:
                return Match(phrase, phrase, entry, "exact")
        wanted = key(phrase)
        for entry in self.entries:
            for name in entry.names:
                if key(name) == wanted:
                    return Match(phrase, name, entry, "folded")
        for stripped in (wanted.removeprefix("各"), "各" + wanted):
            for entry in self.entries:
                for name in entry.names:
                    if key(name) == stripped and len(stripped) >= 3:
                        return Match(phrase, name, entry, "folded")
        suffix = [
            (e, n)
            for e in self.entries
            for n in e.names
            if len(wanted) >= 3 and key(n).endswith(wanted)
        ]
        if len({e.id for e, _ in suffix}) == 1:
            return Match(phrase, suffix[0][1], suffix[0][0], "suffix")
        prefix = [
            (e, n) for e in self.entries if e.kind == "group" for n in e.names
            if len(wanted) >= 3 and key(n).startswith(wanted)
        ]  # fmt: skip
        if len({e.id for e, _ in prefix}) == 1:
            return Match(phrase, prefix[0][1], prefix[0][0], "prefix")
        return None

    def new_id(self, prefix: str) -> str:
        number = 1
        while f"{prefix}-{number}" in self.ids:
            number += 1
        self.ids.add(f"{prefix}-{number}")
        return f"{prefix}-{number}"

    def _create(self, phrase: str, carrier: str | None) -> Match:
        folded = simplified(phrase)
        if BODY_WORDS.search(folded) and carrier:
            entry = Entry("body", self.new_id("body"), phrase, [phrase])
            self.new_bodies.append(
                {"id": entry.id, "name": phrase, "carried_by": carrier, "note": REVIEW_NOTE}
            )
        elif GROUP_WORDS.search(folded):
            entry = Entry("group", self.new_id("group"), phrase, [phrase])
            self.new_groups.append({"id": entry.id, "name": phrase, "note": REVIEW_NOTE})
        else:
            entry = Entry("unit", self.new_id("unit"), phrase, [phrase])
            if IMPORTED_KIND["id"] not in self.kinds:
                self.kinds.add(IMPORTED_KIND["id"])
                self.new_kinds.append(dict(IMPORTED_KIND))
            self.new_units.append(
                {"id": entry.id, "name": phrase, "kind": IMPORTED_KIND["id"], "note": REVIEW_NOTE}
            )
        self.entries.append(entry)
        return Match(phrase, phrase, entry, "new")
