"""Assignment clauses: （牵头单位：…；责任单位：…；完成时限：…） in any bracket, or in prose.

A clause is found in an item's own text (its children's text excluded) and read into role lists
(the phrases exactly as written) and the deadline phrase. Keywords are recognised in simplified
and traditional characters; names keep the plan's characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from duban.plan_import.bracket_spans import OPEN, brackets, unclosed
from duban.plan_import.chinese import simplified
from duban.plan_import.heading_lines import label_end
from duban.plan_import.joint_names import is_joint, share_tails
from duban.plan_import.label_forms import LABEL_TAIL, boxed_labels, unspaced, without_rules
from duban.plan_import.label_prefixes import kept_as_written, prefixed_labels, spaced_labels
from duban.plan_import.label_words import label_words
from duban.plan_import.leader_names import (
    LEADER_LABEL,
    LEADER_WORDS,
    PINYIN_NOTE,
    label_leaders,
    unnoted_start,
)
from duban.plan_import.leading_by import dash_units, front_units, heading_unit, leading_by
from duban.plan_import.long_lists import names_with_verbs
from duban.plan_import.marked_leads import marked_leads
from duban.plan_import.name_edges import before_flat_table, trim_name
from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.prose_deadlines import PROGRESS_CELL
from duban.plan_import.role_sentences import (
    bracket_inners,
    by_sentence,
    joined_brackets,
    label_prose,
    lead_marks,
    prose_verb,
    remarks,
    split_separated,
    standing_rule,
    together_clause,
)
from duban.plan_import.trailing_roles import trailing_roles
from duban.plan_import.unit_brackets import unit_bracket
from duban.plan_import.unit_names import NAME_END, name_pieces

ROLE_WORDS = {
    "牵头": "lead",
    "主办": "lead",
    "主责": "lead",
    "责任": "responsible",
    "承办": "responsible",
    "落实": "responsible",
    "实施": "responsible",
    "配合": "cooperate",
    "协办": "cooperate",
    "参与": "cooperate",
    "协助": "cooperate",
    "协同": "cooperate",
    "监督": "supervise",
    "督办": "supervise",
    "督导": "supervise",
    "考核": "assess",
    "评分": "assess",  # 评分部门 (w-import-round2: SOURCES.md's convention)
    "负责": "responsible",  # 负责科室 / 负责单位
    "承担": "responsible",  # h18m: 承担单位 / 参加单位 / 协作单位 / 监管单位
    "参加": "cooperate",
    "协作": "cooperate",
    "监管": "supervise",
    "数据提供": "assess",  # h18r: 数据提供单位 gives the figures a task is assessed by
    "指导": "supervise",  # h18ax: 指导单位 / (A、B指导): the ministry guides, a city carries it out
}
ROLE_ORDER = ("lead", "cooperate", "responsible", "supervise", "assess")
DEADLINE_WORDS = (
    "计划完成时间",
    "完成时限",
    "完成时间",
    "时间要求",
    "时限要求",
    "时间节点",
    "时限",
    "完成期限",
    "时间安排",  # h18g
    "进度安排",
    "进度要求",
    "完成节点",
    "截止时间",
    "时间",
)
_ROLE_ALT = "|".join(ROLE_WORDS)
# 牵头单位： / 牵头、监督单位: / 责任部门： / 配合单位:
LABELLED = re.compile(  # h18c: 主要责任单位 / 责任主体 / 责任单位（人） / 牵头单位及责任人
    rf"^\s*(?:主要|主体)?(?P<words>(?:{_ROLE_ALT})(?:[、,，和及与/]?(?:{_ROLE_ALT}))*)"
    rf"(?:主体)?(?:单位|部门|科室|处室|机关|机构|责任人|主体|处|科|室)?{LABEL_TAIL}\s*[:：]\s*(?P<names>.*)$",
    re.S,
)
DEADLINE_LABEL = re.compile(rf"^\s*(?:{'|'.join(DEADLINE_WORDS)})\s*[:：]\s*(?P<text>.*)$", re.S)
# A牵头，B、C配合 / A负责 / A牵头负责
PROSE = re.compile(
    rf"^\s*(?:由)?(?P<names>.+?)(?P<word>{_ROLE_ALT}|负责|按职责分工负责|按职责分工落实|分别负责)(?:负责)?\s*$",
    re.S,
)
DEADLINE_PROSE = re.compile(
    r"\d{4}年|\d{1,2}月|年底|年内|全年|上半年|下半年|季度|每年|每半年|每月|长期|持续|常态化|完成$"
)
TRAILING = re.compile(r"(?:按职责分工负责|按职责分工落实|按职责负责|分别负责|负责落实|负责|分别)$")
# 部门分工：省财政厅牵头，A、B配合
DIVISION_LABEL = re.compile(r"^\s*(?:部门分工|责任分工|任务分工|分工|工作职责)\s*[:：]\s*")


CLAUSE_START = re.compile(
    rf"^\s*(?:主要|主体)?(?:(?:{_ROLE_ALT})[、,，和及与/]?)+(?:主体)?(?:单位|部门|处室|科室|机关|机构|主体|处|科|室)?{LABEL_TAIL}\s*[:：]|^\s*(?:{'|'.join(DEADLINE_WORDS)})\s*[:：]"
    rf"|^\s*{LEADER_WORDS}\s*[:：]|^\s*(?:部门分工|责任分工|工作职责)\s*[:：]"
)
PROSE_CLAUSE = re.compile(r"(?:牵头|负责)[，,；;、]|(?:牵头|配合|协办|参与|负责)\s*$")


@dataclass
class Clause:
    start: int  # offsets in the text searched (the whole clause, brackets included)
    end: int
    as_written: str
    roles: dict[str, list[str]] = field(default_factory=dict)
    deadline: str | None = None
    cooperate_word: str | None = None
    open_list: list[str] = field(default_factory=list)  # names followed by 等 (等部门)
    leaders: list[dict] = field(default_factory=list)  # 牵头领导：王 健（副市长）: name, post, text
    each_leads: bool = False  # 分别牵头: every unit named leads
    first_leads: bool = False  # the clause states the rule 列第一位为牵头单位
    unread: list[str] = field(default_factory=list)  # parts of the clause not understood


def is_clause(inner: str) -> bool:
    folded = simplified(PINYIN_NOTE.sub("", inner))  # h18af: 責(zé)任單位：, a converter's pinyin
    if CLAUSE_START.search(folded):
        return True
    if any(CLAUSE_START.search(part) for part in re.split(r"[；;。]", folded)[1:]):
        return True  # （责任领导：张三；牵头单位：…）: an unknown label first
    first = re.split(r"[；;。]", folded)[0]
    lead_piece = re.split(r"[，,]", first)[0]  # A局牵头组织，B局配合落实 (h18g)
    prose = bool(PROSE_CLAUSE.search(first)) or bool(prose_verb(lead_piece))
    return prose and (len(first) < 80 or names_with_verbs(first))  # h18az: ten ministries


BARE = r"(?<=牵头|配合|责任|协办|主办|承办|参与|协同)"  # h18x: 牵头:A / 配合:B, the noun left out


TRAILING_LABEL = re.compile(
    rf"(?:^|[。；;，,\s—－])((?:主要)?(?:{_ROLE_ALT})(?:[、和及]?(?:{_ROLE_ALT}))*(?:单位|部门|科室|处室|主体|{BARE})\s*[:：]"
    rf"|(?:{LEADER_WORDS}|责任人)\s*[:：]|(?:部门分工|责任分工|工作职责)\s*[:：])"  # h18ak
)
"""A label that opens a trailing clause: 牵头单位： / 责任部门： / 牵头领导： / 部门分工：."""


@kept_as_written  # h18s: 问题整改责任单位:X / 责任单位 X quoted as written
def find_clause(text: str) -> Clause | None:
    """The last assignment clause in the text: bracketed, or a trailing 牵头单位：… sentence."""
    text, found = spaced_labels(prefixed_labels(boxed_labels(text))), None  # h18s
    spans = list(brackets(text))
    for start, end in spans:
        if is_clause(unspaced(text[start + 1 : end - 1])):
            found = (start, end)
    if found:  # with a clause bracket just before it, a bracket of time just after (h18g)
        start, end = joined_brackets(text, spans, found, lambda s: is_clause(unspaced(s)))
        return parse_clause(text[start:end], start, end, unspaced(bracket_inners(text, start, end)))
    folded = simplified(text)
    for opened in re.finditer(rf"[{re.escape(OPEN)}]\s*(?:{_ROLE_ALT})[^:：]{{0,6}}[:：]", folded):
        if unclosed(folded, opened.start()):  # h18p: 。(责任单位:A、B never closed (黄石港 2023)
            body = text[opened.start() :].rstrip()
            end = opened.start() + len(body)
            return parse_clause(body, opened.start(), end, body[1:].rstrip("。"))
    at = unnoted_start(TRAILING_LABEL, folded)  # h18br: 牽頭領(lǐng)導(dǎo): (pinyin)
    if at is not None:  # h18bt: its names end before a numbered heading's line (㈧…)
        body = text[at : label_end(text, at)].rstrip()
        return parse_clause(body, at, at + len(body), body.rstrip("。"))
    match = TRAILING_PROSE.search(folded)  # …。市自然资源局牵头，各区县人民政府配合。
    if match:
        start = match.start(1)
        body = text[start:].rstrip()
        return parse_clause(body, start, len(text.rstrip()), body.rstrip("。；;"))
    by = by_sentence(text)  # …。由A、B,各县(市)、区人民政府负责落实。 (h18g)
    if by:
        return parse_clause(text[by[0] : by[1]], by[0], by[1], by[2])
    if bare := trailing_roles(text):  # …。X牵头，A配合，年底前完成。 / …。X牵头负责。 (h18m)
        return parse_clause(text[bare[0] : bare[1]], *bare)
    units = unit_bracket(text, spans)  # （市发展改革委） / （A、B牵头承担）: no known word (h18c)
    units = units or leading_by(text) or dash_units(text) or front_units(text)  # h18s
    units = units or heading_unit(text)  # h18bv: (一)辽阳市政府 over its duties
    return parse_clause(text[units[0] : units[1]], *units) if units else None


TRAILING_PROSE = re.compile(
    r"(?:^|[。；;]\s*)([^。；;：:\n]{2,120}?(?:牵头|主办)[，,][^。；;：:\n]{1,160}?"
    r"(?:配合|协办|参与|协助|按职责分工负责|按职责负责|分别负责))\s*[。；;]?\s*$"
)


def clause_parts(inner: str) -> list[str]:
    """Parts of a clause: split on ；; 。 and on ，, before a role or deadline word."""
    folded = simplified(inner)
    cuts = [0]
    for match in re.finditer(r"[；;。]", folded):
        cuts.append(match.end())
    keyword = "|".join([*ROLE_WORDS, *DEADLINE_WORDS, "部门分工", "责任分工"])
    for match in re.finditer(rf"(?:[，,]|\s)\s*(?=(?:{keyword})[^，,；;。]{{0,6}}[:：])", folded):
        cuts.append(match.end())
    # h18j: 项目责任人: / h18r: 人: (责任人 with its 责任 lost, 海东 2020) on a line of its own
    # h18bi: 联 系 人: (a label spaced out to the width of the next, 联系电话:) on a line of its own
    spaced = r"(?<=\n)[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}"
    label = rf"[\u4e00-\u9fff]{{2,8}}|(?<=\n)人|{spaced}"
    for match in re.finditer(rf"\s+(?=(?:{label})[:：])", folded):
        cuts.append(match.end())
    cuts = sorted(set(cuts))
    parts = [inner[a:b] for a, b in zip(cuts, [*cuts[1:], len(inner)], strict=True)]
    return [
        p.strip().rstrip("；;。，,").strip() for p in parts if p.strip().rstrip("；;。，,").strip()
    ]


def parse_clause(as_written: str, start: int, end: int, inner: str) -> Clause:
    clause = Clause(start, end, as_written)
    inner = PINYIN_NOTE.sub("", inner)  # h18u: 協(xié)辦單位: a converter's pinyin in a label
    inner, clause.first_leads = without_rules(inner)  # 列第一位为牵头单位, 未明确牵头单位的…
    standing = standing_rule(simplified(inner))  # 以下…均需X落实,不再单独列出 (h18g)
    if standing:  # applied by the reading of tasks, to this task and every one after it
        inner = inner[: standing.start()] + inner[standing.end() :]
    together = together_clause(inner)  # h18bd: 由X会同A、B负责: X leads, A and B cooperate
    if together:
        inner = together
    elif re.match(r"^\s*由[^，,；;。]{2,60}?(?:牵头|负责|主办|落实)", simplified(inner)):  # h18m
        inner = re.sub(r"^(\s*)由", r"\1", inner)
    parts = clause_parts(inner)
    skip = 0
    for index, part in enumerate(parts):
        if skip:
            skip -= 1
            continue
        folded = simplified(part)
        deadline = DEADLINE_LABEL.match(folded)
        if deadline:
            # the deadline runs to the end of the clause (it may contain ，；) or to the next
            # label of units or people (完成时限：6月底前；牵头单位：A局, h18g)
            offset = len(part) - len(deadline.group("text"))
            later = [simplified(p) for p in parts[index + 1 :]]
            skip = next((k for k, p in enumerate(later) if labelled_part(p)), 0)
            if skip or (later and labelled_part(later[0])):
                clause.deadline = "；".join([part[offset:].strip(), *parts[index + 1 :][:skip]])
                continue
            rest = [part[offset:].strip(), *parts[index + 1 :]]
            clause.deadline = "；".join(p for p in rest if p) if len(rest) > 1 else rest[0]
            if len(rest) > 1:
                clause.deadline = _rejoin(inner, part[offset:].strip())
            break
        leader = LEADER_LABEL.match(folded)
        if leader:
            names_text = part[len(part) - len(leader.group("names")) :]
            label = part[: len(part) - len(leader.group("names"))].strip()  # 牵头领导：
            clause.leaders.extend(label_leaders(names_text, label))
            continue
        labelled = LABELLED.match(folded)
        prose_names = labelled is not None and label_prose(labelled.group("names"))
        if labelled and not prose_names:
            words = label_words(labelled.group("words"), _ROLE_ALT)  # 牵头责任单位 leads
            names_text = part[len(part) - len(labelled.group("names")) :]
            names_text = _deadline_after_names(clause, names_text)
            marked = marked_leads(names_text)  # h18p: A、B(分别)牵头[,C、D]
            if marked is not None:
                clause.each_leads = True
                _add(clause, ["lead"], marked[0], ["牵头"])
                names_text = marked[1]
            _add(clause, [ROLE_WORDS[w] for w in words if w], names_text, words)
            continue
        division = DIVISION_LABEL.match(folded)
        cut = division.end() if division else labelled.start("names") if labelled else 0
        if cut:  # 部门分工：X牵头，A、B配合 / 责任部门:X牵头,A、B配合 (h18g)
            part, folded = part[cut:], folded[cut:]
        pieces = re.split(r"[，,]", part)
        # 具体任务均涉及相关市(州)人民政府,不再做分工,下同: a remark, not a list of names
        names_only = all(
            NAME_END.search(simplified(name))
            for piece in pieces
            if piece.strip() and not DEADLINE_PROSE.search(simplified(piece))
            for name in split_names(piece)
        )
        understood = False
        pending: list[str] = []  # names before the piece whose verb they share (h18a)
        for number, piece in enumerate(pieces):
            if PROGRESS_CELL.match(simplified(piece).strip()):  # h18j: 实际完成情况:…已于…
                clause.unread.append(piece.strip())
                continue
            if DEADLINE_PROSE.search(simplified(piece)) and not PROSE.match(simplified(piece)):
                tail = "，".join(p.strip() for p in pieces[number:])
                clause.deadline = "；".join(filter(None, [clause.deadline, tail]))
                understood = True
                break
            prose = prose_verb(simplified(piece)) or _prose(simplified(piece))  # h18g
            if prose:
                names_end, role, word, each = prose
                clause.each_leads = clause.each_leads or each
                for names in pending:  # A、B，C、D，E配合: all of them cooperate
                    _add(clause, [role], names, [word])
                pending = []
                _add(clause, [role], piece[:names_end], [word])
                understood = True
            elif piece.strip() and split_names(piece):
                pending.append(piece)
            elif remarks([piece]):  # 下同: no unit, said in the review (h18g)
                clause.unread.append(piece.strip())
        for piece in pending:
            if names_only:  # （分管市领导：…；市政务服务局，6月底完成）: names with no role word
                _add(clause, ["responsible"], piece, [])
                understood = True
            elif understood:
                clause.unread.append(piece)
        if not understood:
            clause.unread.append(part)
    lead_marks(clause.roles)  # 市发改委（牵头）、市财政局 (h18g)
    return clause


def labelled_part(folded: str) -> bool:
    return bool(LABELLED.match(folded) or LEADER_LABEL.match(folded))


def _prose(folded: str) -> tuple[int, str, str, bool] | None:
    """A牵头 / A负责 / A、B分别负责 with a role word (names end, role, word, 分别牵头)."""
    prose = PROSE.match(folded)
    if not prose or not prose.group("names").strip():
        return None
    word = prose.group("word")
    role = ROLE_WORDS.get(word, "lead" if word != "负责" else "responsible")
    if word in ("负责", "按职责分工负责", "按职责分工落实", "分别负责"):  # h18bf: 落实 (中山 2021)
        role = "responsible"
    each = prose.group("names").rstrip().endswith("分别") and role == "lead"
    return prose.end("names"), role, word, each


def _deadline_after_names(clause: Clause, names_text: str) -> str:
    """责任单位：A、B管委会，6月底完成: a deadline written after the names is the deadline."""
    pieces = re.split(r"(?<=[，,])", names_text)
    for index, piece in enumerate(pieces[1:], start=1):
        if DEADLINE_PROSE.search(simplified(piece)) and not NAME_END.search(
            simplified(piece.strip(" ，,。"))
        ):
            tail = "".join(pieces[index:]).strip().rstrip("。；;，,")
            clause.deadline = "；".join(filter(None, [clause.deadline, tail]))
            return "".join(pieces[:index]).rstrip("，, ")
    return names_text


def _rejoin(inner: str, first: str) -> str:
    """The deadline text from its first word to the clause's end, as written."""
    position = inner.find(first)
    return inner[position:].strip().rstrip("。；;").strip() if position >= 0 else first


def _add(clause: Clause, roles: list[str], names_text: str, words: list[str]) -> None:
    names = split_names(names_text)
    clause.unread.extend(remarks(re.split(r"[、，,；;]", names_text)))
    table = names_text[len(before_flat_table(names_text)) :].strip()
    if table:  # a flattened table after the names: not read, said in the review (h18ah)
        clause.unread.append(table)
    for word in words:
        if ROLE_WORDS.get(word) == "cooperate" and word != "配合":
            clause.cooperate_word = word
    for role in roles:
        target = clause.roles.setdefault(role, [])
        for name in names:
            clean = name[: len(re.sub(OPEN_SUFFIX, "", simplified(name)))].strip()  # 等部門 too
            if clean != name and name not in clause.open_list:
                clause.open_list.append(name)
            if clean and clean not in target:
                target.append(clean)


LINE_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]*\n\s*(?=[\u4e00-\u9fff])")


def split_names(text: str) -> list[str]:
    """A list of unit names: 、，,；及和与 (和/及/与 only between two whole names); the pinyin a
    web page's conversion left after a character (區(qū)) is no part of a name."""
    text = before_flat_table(PINYIN_NOTE.sub("", text))
    text = TRAILING.sub("", simplified_tail(text).strip()).strip()
    verb = prose_verb(simplified(text))  # A局、B局按属地原则负责: the verbs are no name (h18g)
    text = text[: verb[0]] if verb else text
    names: list[str] = []
    for piece in share_tails(name_pieces(text)):
        piece = piece.strip().rstrip("。").strip()
        if not piece or remarks([piece]):  # 下同: said in the review (h18g)
            continue
        for separated in split_separated(piece):  # A局/B局, A局 B局 (h18g)
            separated = LINE_BREAK.sub("", separated)  # h18m: 市发\n展改革委, a page's wrap
            names.extend(trim_name(sub) for sub in _split_conjunctions(separated) if sub)
    return names


def simplified_tail(text: str) -> str:
    """Remove a trailing 按职责分工负责 written in traditional characters too."""
    folded = simplified(text)
    match = TRAILING.search(folded)
    return text[: match.start()] if match else text


def _split_conjunctions(piece: str) -> list[str]:
    if is_joint(piece):
        return [piece.strip()]
    # X会同Y in a label: both under the label (in a 由… sentence: role_sentences.together_with)
    for word in ("以及", "会同", "及", "和", "与"):
        for match in re.finditer(word, simplified(piece)):  # h18bd: A與B, A會同B too
            left, right = piece[: match.start()], piece[match.end() :]
            folded = simplified(left)  # h18az: A、B等和各省级人民政府: an open list, then a group
            named = NAME_END.search(folded) or re.search(OPEN_SUFFIX, folded)
            if len(left) >= 2 and len(right) >= 2 and named:
                # h18s: A和B及C: the left part may hold a 和 of its own (内蒙古 2013)
                return [*_split_conjunctions(left.strip()), *_split_conjunctions(right.strip())]
    return [piece.strip()]
