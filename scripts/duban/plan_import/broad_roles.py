"""Roles read harder where none were found (branch h18cc, issue 18).

A 分工 document always names someone. When the reading chosen for a document gives no task or
sub-item a unit (strategy.best_reading's gate, :func:`names_nobody`), the narrow rules the
importer keeps for roles said in sentences (a first sentence's subject, a closing 由X负责, X要会同…
in one form) have surely missed how this document says who is in charge, and each item's text is
read again with the broad readings those rules hold back:

- every sentence or comma clause that opens with unit names and a duty: ``X牵头`` / ``X主办``
  (lead), ``X负责`` / ``X承担`` / ``X要`` / ``X应`` / ``X须`` (responsible), ``X配合`` / ``X协助`` /
  ``X参与`` / ``X协同`` (cooperate), ``X要会同A、B…`` / ``X会同A、B…`` (X leads, A and B
  cooperate), ``由X负责`` / ``由X承担`` / ``由X牵头``, ``X为牵头单位`` / ``X是责任单位`` (the role
  word after the names);
- a line of the item that holds only unit names, after its text (responsible).

Refused, as the narrow rules refuse them: a unit named as an object (``向市财政局报送``,
``经市政府同意``: the clause does not open with it), a call to everyone (各地, 有关单位,
各乡镇要高度重视), names that are no government body (用人单位, 施工企业: an office's unit names
a level or place, or ends with an office's word). An item whose text names no unit still gets none.
"""

from __future__ import annotations

import re
from typing import Any

from duban.i18n.messages import say
from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause
from duban.plan_import.leading_by import GENERAL, unit_name
from duban.plan_import.leading_by import LEVEL as PLACE_LEVEL
from duban.plan_import.step_actors import EXHORTED, URGING
from duban.plan_import.unit_names import NAME_WORD, OFFICE_NAME_END, PLACES, name_pieces
from duban.plan_import.units import UNNAMED_HOLDER

NAMES = r"(?P<names>(?:[^。；;：:\n，,（(“《]|[（(][^（()）\n]{1,8}[）)]){2,80}?)"
ROLE_WORD = {"牵头": "lead", "主办": "lead", "责任": "responsible", "主责": "lead"}
ROLE_WORD |= {"配合": "cooperate", "协办": "cooperate", "参与": "cooperate", "协同": "cooperate"}
OPENING = re.compile(r"[\s\u3000]*(?:并|同时|另外|其中|请)?")
"""Words before a clause's subject (请各乡镇务必…: the notice asks them)."""
TOPIC = r"(?:[^由，,。；;：:\n]{0,30}?)"
"""全县…工作由X具体负责: the work named before 由, then who does it."""
FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^{TOPIC}由{NAMES}(?:牵头|主办)"), "lead"),
    (re.compile(rf"^{TOPIC}由{NAMES}(?:具体)?(?:负责|承担|组织实施|落实)"), "responsible"),
    (re.compile(rf"^{NAMES}(?:为|是|作为)(?P<word>{'|'.join(ROLE_WORD)})(?:单位|部门)"), ""),
    (re.compile(rf"^{NAMES}(?:{URGING})?\s*会同(?P<others>[^。；;，,\n]{{2,200}})"), "lead"),
    (re.compile(rf"^{NAMES}(?:牵头|主办)"), "lead"),
    (re.compile(rf"^{NAMES}(?:具体|分别|共同)?(?:负责|承担)"), "responsible"),
    (re.compile(rf"^{NAMES}(?:积极|密切)?(?:配合|协助|参与|协同)"), "cooperate"),
    (re.compile(rf"^{NAMES}(?:{URGING}|务必)"), "responsible"),
)
"""A clause's opening: its names and the duty the words after them give (in this order: 由 first,
会同 before the bare verbs, 要 last)."""
OBJECT = re.compile(
    r"^(?:向|报|经|送|对|按|根据|依据|在|将|把|请|与|和|同|及|从|于|给|为|以|并|同时)"
)
"""A piece that opens so names an object or a circumstance, not who acts."""
LEVEL = re.compile(
    rf"^(?:{PLACE_LEVEL.pattern}|国家|国务院|中央|自治区|[\u4e00-\u9fff]{{1,6}}[{PLACES}镇乡])"
)
"""An office's unit names its level or place first (用人单位, 施工企业 do not)."""
OTHERS_NAME = re.compile(
    rf"^(?P<name>.+?{NAME_WORD})"
    r"(?=等|共同|联合|做好|抓好|开展|推进|落实|制定|组织|研究|建立|完善|实施|加强|负责|$)"
)
"""The last name after 会同, before what they do (step_actors.LAST_NAME's form, more verbs)."""


def _units(names: str) -> list[str] | None:
    """The names as written when every piece is a government body's name, else None (parted
    at 、 first: 县发展和改革局 is one name; at 和 and 及 too when that gives only names)."""
    return _pieces(names, "、，,") or _pieces(names, "、，,和及")


def _pieces(names: str, separators: str) -> list[str] | None:
    pieces = [p.strip() for p in name_pieces(names, separators) if p.strip()]
    if not pieces:
        return None
    out = []
    for piece in pieces:
        folded = simplified(piece)
        unit = unit_name(folded)
        if unit is None or unit != folded or GENERAL.match(folded) or OBJECT.match(folded):
            return None
        if re.search(r"由|的|工作|任务|情况", folded):  # 全县…工作由县农业局: a sentence, no name
            return None
        if not (LEVEL.match(folded) or OFFICE_NAME_END.search(folded)) or len(folded) > 30:
            return None
        out.append(piece)
    return out


def _others(text: str) -> list[str]:
    """The units after 会同 (the last one cut before what they do together)."""
    pieces = [p.strip() for p in name_pieces(text, "、，,") if p.strip()]
    if not pieces:
        return []
    last = OTHERS_NAME.match(simplified(pieces[-1]))
    if last is None:
        return []
    pieces[-1] = pieces[-1][: last.end("name")]
    return _units("、".join(pieces)) or []


def _clause_roles(piece: str) -> dict[str, list[str]]:
    folded = simplified(piece)
    for form, role in FORMS:
        match = form.match(folded)
        if match is None:
            continue
        if role == "responsible" and EXHORTED.match(folded, match.end()):
            return {}  # 各乡镇要高度重视: the plan's call, not a duty
        units = _units(piece[match.start("names") : match.end("names")])
        if not units:
            continue
        word = match.groupdict().get("word")
        found = {ROLE_WORD[word] if word else role: units}
        if "others" in match.groupdict() and (others := _others(piece[match.start("others") :])):
            found["cooperate"] = others
        return found
    return {}


def _name_line(line: str) -> list[str]:
    """A line of only unit names (parted by 、，, or spaces), each naming its level or place
    (a line of the task's words may end as a name does: 推进一网通办)."""
    parts = [p for p in re.split(r"[、，,\s\u3000]+", line.strip(" 。；;")) if p]
    if not parts or not all(LEVEL.match(simplified(part)) for part in parts):
        return []
    return _units("、".join(parts)) or []


def broad_clause(text: str) -> Clause | None:
    """The roles the item's text gives in sentences, read broadly (see the module's doc), as a
    clause with an empty span (the names stay the task's words); None when it names none."""
    roles: dict[str, list[str]] = {}
    read: list[str] = []
    lines = [line for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines):
        if index and (names := _name_line(line)):
            _add(roles, "responsible", names)
            read.append(line.strip())
            continue
        for sentence in re.split(r"(?<=[。；;！？!?])", line):
            for piece in re.split(r"[，,]", sentence):
                piece = piece[OPENING.match(simplified(piece)).end() :]  # type: ignore[union-attr]
                found = _clause_roles(piece)
                for role, names in found.items():
                    _add(roles, role, names)
                if found:
                    read.append(piece.strip())
    if not roles:
        return None
    for role in ("responsible", "cooperate"):  # a unit that leads is not listed again
        roles[role] = [n for n in roles.get(role, []) if n not in roles.get("lead", [])]
    roles = {role: names for role, names in roles.items() if names}
    return Clause(0, 0, "……".join(read), roles=roles)


def _add(roles: dict[str, list[str]], role: str, names: list[str]) -> None:
    for name in names:
        if name not in roles.setdefault(role, []):
            roles[role].append(name)


def names_nobody(tasks: list[dict[str, Any]]) -> bool:
    """The gate: no task and no sub-item names a unit (the group that stands for units not yet
    named does not count: it says the text named none)."""

    def names(item: dict[str, Any]) -> bool:
        own = [n for names in (item.get("roles") or {}).values() for n in names]
        return any(n != UNNAMED_HOLDER for n in own) or any(names(c) for c in item.get("items", []))

    return not any(names(task) for task in tasks)


def broad_reading() -> str:
    """The review's sentence, said once when the roles were read this broader way."""
    return say(
        "no task named a unit in the labels and forms the importer reads, so the roles were read"
        " from the tasks' sentences (the units a sentence opens with, before 负责, 牵头, 要, 应,"
        " 会同, 配合 …, and lines of unit names): please check every task's roles",
        "按常规写法没有读到任何任务的承担单位，已从各项任务的句子中读取分工（句首的单位及其后的"
        "负责、牵头、要、应、会同、配合等，以及只有单位名称的行）：请逐项核对分工",
    )
