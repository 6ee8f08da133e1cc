"""Assignments written as sentences rather than as labelled lists (branch h18g).

- A label whose names are a sentence with verbs: ``责任部门:市教育局牵头,市财政局、市审计局配合。``
  (a city's 分工 page, on its own line under each task) is read as ``X牵头，A、B配合`` (X leads,
  A and B cooperate), not as one list of responsible units named ``市教育局牵头``.
- A closing sentence that begins with 由: ``由市财政局、农业局,各县(市)、区人民政府负责落实。``
- Unit lists parted by ``/`` or by spaces (``市发改委 市财政局``) as well as by 、，；: a piece is
  parted only when every part is a whole unit name (a space inside one name stays).
- A standing rule: ``以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出`` (said once, in
  one task's bracket): those units are responsible for that task and every one after it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from duban.plan_import.assessed_by import assessed_by
from duban.plan_import.chinese import simplified
from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.unit_names import NAME_END

LEAD_VERB = r"(?:牵头|主办|主责)"
COOPERATE_VERB = r"(?:配合|协办|参与|协助|协同)(?:落实|实施)?"
"""h18af: 配合落实 as well as 配合 (杭州: 市发改委、…、团市委配合落实)."""
OTHER_VERB = rf"(?:{COOPERATE_VERB}|按职责分工负责|按职责负责|分别负责|负责落实|负责)"
LABEL_PROSE = re.compile(
    rf"^[^，,：:；;]{{2,80}}?{LEAD_VERB}(?:负责)?\s*[，,；;]\s*[^：:]{{2,200}}?{OTHER_VERB}\s*[。；;]?\s*$"
    # h18af: or one list whose verb is to cooperate (责任单位：A、B配合落实): the verb the cell
    # writes wins over its column's label, as it does after a lead
    rf"|^[^，,：:；;]{{2,200}}?{COOPERATE_VERB}\s*[。；;]?\s*$"
)
"""The names after a label: X牵头，A、B配合 (a lead, then others with their verb), or A、B配合."""
PROPOSE = r"研究提出(?:具体)?(?:落实|实施|贯彻)?(?:意[见見]|办法|措施)"
"""h18ac: 由X会同A、B等部门研究提出落实意见 (国办 分工: who works out how to carry it out)."""
BY_SENTENCE = re.compile(
    r"(?:^|[。；;]\s*)(由[^。；;：:\n]{2,160}?(?:负责落实|负责实施|具体负责|负责|落实|牵头|"
    + PROPOSE
    + r"))\s*[。；;]?\s*$"
)
"""…。由A、B,各县(市)、区人民政府负责落实。: the units named by a closing sentence."""


TOGETHER = re.compile(r"^(?P<lead>[^、，,；;]{2,40}?)会同(?P<others>[^；;]{2,})$")
"""X会同A、B(等部门): X with A and B, where X leads (SOURCES.md, the thirteenth batch's rule)."""


def together_with(names: str) -> str | None:
    """``X会同A、B等部门`` (without the verb after it) as the clause ``X牵头；A、B等部门配合``
    (X leads, the others cooperate), the names as written (會同 too); None when it holds no 会同."""
    names = names.strip()
    match = TOGETHER.match(simplified(names))
    if match is None:
        return None
    lead, others = names[match.start("lead") : match.end("lead")], names[match.start("others") :]
    return f"{lead.strip()}牵头；{others.strip()}配合"


BY_TOGETHER = re.compile(
    r"^\s*由(?P<names>[^，,；;。]{2,40}?会同[^，,；;。]{2,300}?)(?:负责落实|负责)"
)


def together_clause(inner: str) -> str | None:
    """h18bd: a bracket or sentence ``由X会同A、B负责[，…]`` read as ``X牵头；A、B配合[，…]``, as a
    由 sentence is (together_with): X leads, not every unit named is responsible."""
    match = BY_TOGETHER.match(simplified(inner))
    together = match and together_with(inner[match.start("names") : match.end("names")])
    return together + inner[match.end() :] if match and together else None


def label_prose(folded_names: str) -> bool:
    """Whether a label's names are a sentence of verbs (X牵头，A、B配合), in simplified text."""
    return LABEL_PROSE.match(folded_names) is not None


def by_sentence(text: str) -> tuple[int, int, str] | None:
    """The closing 由……负责落实 sentence of a text: (start, end, the names and verb without 由)."""
    match = BY_SENTENCE.search(simplified(text))
    if match is None:
        return assessed_by(text)  # h18u: 由镇工办负责考核。 (who assesses)
    inner = text[match.start(1) + 1 : match.end(1)]
    names = re.sub(
        rf"(?:{OTHER_VERB}|{LEAD_VERB}|负责实施|具体负责|落实|{PROPOSE})$", "", simplified(inner)
    )
    pieces = [p.strip() for p in re.split(r"[、，,]", names) if p.strip()]
    if not pieces or not NAME_END.search(pieces[-1]):
        return None  # 由此带来的…负责: not a list of units
    if not all(NAME_END.search(p) or p.startswith("各") or len(p) <= 2 for p in pieces):
        return None
    return match.start(1), len(text.rstrip()), together_with(names) or inner


def split_separated(piece: str) -> list[str]:
    """市发改委/市财政局 or 市发改委 市财政局: several names when every part is one."""
    parts = [p for p in re.split(r"[/／\s\u3000]+", piece.strip()) if p]
    if len(parts) < 2:
        return [piece]
    whole = all(len(p) >= 2 and NAME_END.search(simplified(ALIAS.sub("", p))) for p in parts)
    return parts if whole else [piece]


ALIAS = re.compile(r"[（(][^（）()\s]{2,12}[）)]$")
"""h18as: 市交通委（市道运局）: a unit written with its other name after it (上海 2023) ends as the
name before the bracket does."""


STANDING = re.compile(
    r"[。；;，,]?\s*(?:以下|下列|此后|后面)[^。；;，,]{0,12}?(?:均需|均须|均要|均由|都需|都由|需)"
    r"(?P<names>[^。；;:：]{2,80}?)(?:负责)?(?:落实|负责|实施|配合)\s*[，,]\s*"
    r"不再(?:单独|一一|逐项|另行|逐一)?(?:列出|注明|标注)"
)
"""（责任单位:A、B。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出）: units that
carry out every task from here on, said once (淮安 2022)."""


def standing_rule(folded: str) -> re.Match[str] | None:
    """The standing rule inside a clause (simplified text), to be taken out of its names."""
    return STANDING.search(folded)


@functools.lru_cache(maxsize=8)
def _standing_rules(text: str) -> tuple[tuple[int, str], ...]:
    folded = simplified(text)
    return tuple(
        (m.start(), text[m.start("names") : m.end("names")]) for m in STANDING.finditer(folded)
    )


Standing = tuple[str, str, str, str, "list[str] | None"]


def standing_units(text: str, end: int) -> list[Standing]:
    """The standing rules said before ``end`` in the plan's text (each rule applies to the task
    that states it and to every task after it): (role, its word, the rule as the review says
    it, its names as written, the names when they are taken as written; None: split them as a
    clause's are)."""
    out: list[Standing] = [
        ("responsible", "责任单位", f"以下均需{names}落实", names, None)
        for start, names in _standing_rules(text)
        if start < end
    ]
    for names in _cooperating(text):
        rule = f"除特别注明的外,{names}都是配合单位"
        out.append(("cooperate", "配合单位", rule, names, _names_as_written(names)))
    return out


COOPERATING = re.compile(
    r"除(?:特别|另行|另外)?(?:注明|标注|说明|列明)(?:的|者)?外\s*[，,]\s*"
    r"(?P<names>[^。；;:：]{2,120}?)(?:都|均|全部)(?:是|为)配合(?:单位|部门)"
)
"""h18l: 除特别注明的外,A和B、C都是配合单位 in the notice: every task's 配合单位 (金华 2018)."""


@functools.lru_cache(maxsize=8)
def _cooperating(text: str) -> tuple[str, ...]:
    folded = simplified(text)
    return tuple(text[m.start("names") : m.end("names")] for m in COOPERATING.finditer(folded))


def _names_as_written(names: str) -> list[str]:
    """A、B和C split outside brackets, each name as written (no shared suffix added: SOURCES.md
    h18k)."""
    out, depth, current = [], 0, ""
    for char in names:
        depth += (char in "(（") - (char in ")）")
        if depth == 0 and char in "、，,和及":
            out.append(current)
            current = ""
        else:
            current += char
    return [n.strip() for n in [*out, current] if n.strip()]


LEAD_MARK = re.compile(r"\s*[（(](?:总牵头|牵头单位|牵头|主责|汇总)[)）]\s*$")
"""市发改委（牵头）、市财政局: the unit marked as leading in a list of units."""


def lead_marks(roles: dict[str, list[str]]) -> None:
    """The units marked （牵头） in any list lead; the mark is no part of their names."""
    for role in list(roles):
        names = roles[role]
        for name in list(names):
            mark = LEAD_MARK.search(simplified(name))
            if mark is None:
                continue
            names.remove(name)
            bare = name[: mark.start()]
            if bare not in roles.setdefault("lead", []):
                roles["lead"].append(bare)
        if not names:
            del roles[role]


def lead_once(roles: dict[str, list[str]]) -> None:
    """A unit that leads is not listed again as responsible or cooperating: a table's 责任单位
    column that lists every unit, the lead among them (莲都 2023, SOURCES.md's fourth batch), and
    a heading's leads over an item's own units (h18i). Not applied to a clause of the text: the
    shipped plan's (牵头单位:市局法规处、区县司法局…。责任单位:区县司法局,市局各处室…) gives the
    units named under both labels both duties. Supervising and assessing are other duties
    (牵头、监督单位：A leads and supervises)."""
    leads = set(roles.get("lead") or [])
    for role in [r for r in ("responsible", "cooperate") if r in roles] if leads else []:
        roles[role] = [n for n in roles[role] if n not in leads]
        if not roles[role]:
            del roles[role]


VERB_WORDS = (
    r"(?:按照?|根据|依据?)(?:属地(?:管理)?(?:原则)?|职责|职能)(?:分工)?|分别|共同|具体|牵头|主办|主责|负责|配合|参与|协助"
    r"|协同|协办|落实|实施|推进|组织|抓好|做好|承担|推动|指导"
    r"|总(?=牵头|负责)"  # h18bt: (省发改委总牵头), a chapter's unit over its items' leads
)
VERB_TAIL = re.compile(rf"(?:{VERB_WORDS})+$")
"""The verbs after a list of units: 牵头实施 / 共同负责 / 按职能分工负责 / 具体落实 / 参与配合."""


def prose_verb(folded: str) -> tuple[int, str, str, bool] | None:
    """A piece ``names + verbs`` (simplified): (where the names end, the role, the role word,
    whether each unit leads: 分别牵头), or None when what comes before the verbs is not a list of
    unit names (a sentence with a verb at its end is no assignment)."""
    tail = VERB_TAIL.search(folded.rstrip())
    if tail is None or tail.start() == 0:
        return None
    names = folded[: tail.start()].strip()
    pieces = [p.strip() for p in re.split(r"[、，,]", names) if p.strip()]
    # an open list's tail (等有关部门, h18au: 其他相关部门（单位）) is no part of the last name
    last = re.sub(OPEN_SUFFIX, "", pieces[-1]) if pieces else ""
    last = re.sub(r"[（(](?:单位|部门)[）)]$", "", last)
    if not last or not (NAME_END.search(last) or last.startswith("各")):
        return None
    verbs = tail.group(0)
    word = next((w for w in ("牵头", "主办", "主责") if w in verbs), None)
    if word:
        return tail.start(), "lead", word, "分别" in verbs
    word = next((w for w in ("配合", "协助", "协同", "协办", "参与") if w in verbs), None)
    if word:
        return tail.start(), "cooperate", word, False
    if "指导" in verbs:  # h18ax: (A、B指导): they guide the work (the DECISIONS of gov-c)
        return tail.start(), "supervise", "指导", False
    return tail.start(), "responsible", "负责", False


WHEN = re.compile(r"\d{4}年|\d{1,2}月|年底|年内|季度|半年|长期|持续|常态")


def joined_brackets(
    text: str, spans: list[tuple[int, int]], found: tuple[int, int], clause: Callable[[str], bool]
) -> tuple[int, int]:
    """（责任单位：A、B）（完成时限：6月底前） / （A牵头）（2024年6月底前）: the clause's bracket
    with a clause bracket just before it and a bracket of time just after it (nothing but
    spaces between), read as one clause (h18g)."""
    start, end = found
    at = spans.index(found)
    if at > 0:
        before = spans[at - 1]
        if not text[before[1] : start].strip() and clause(text[before[0] + 1 : before[1] - 1]):
            start = before[0]
    if at + 1 < len(spans):
        after = spans[at + 1]
        inner = simplified(text[after[0] + 1 : after[1] - 1])
        alone = not text[end : after[0]].strip() and not text[after[1] :].strip(" \t\n。；;")
        if alone and WHEN.search(inner) and len(inner) <= 30:
            end = after[1]
    return start, end


def bracket_inners(text: str, start: int, end: int) -> str:
    """The inner text of one or more adjacent brackets, parted by ；."""
    return re.sub(r"[）)\]］】〕]\s*[（(\[［【〔]", "；", text[start + 1 : end - 1])


REMARK = re.compile(r"^(?:以下|下)(?:各项|同类|条目)?(?:均|都)?(?:相)?同$")
"""下同 / 以下各项均同 among the names: a remark about the items below, no unit."""


def remarks(pieces: list[str]) -> list[str]:
    """The pieces of a list of names that are remarks (下同), not units."""
    return [p for p in pieces if REMARK.match(simplified(p).strip())]
