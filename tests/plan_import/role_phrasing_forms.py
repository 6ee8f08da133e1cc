"""The dimensions of role_phrasings.py's matrix: each value a row or a small function, each
phrasing with the corpus file (tests/fixtures/import/corpus/, an opened one) or the page of the
grammar where offices write it. No form here is made up: a phrasing without a citation is left
out (主抓 and 共同推进 name no unit's role in any opened file: a governor's heading, a title).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from corpus_variants import TRADITIONAL

Part = tuple[str, str, str, list[str]]  # role, label word or verb, units as written, names

# -- the tasks: made-up texts of the kind a 分工方案 lists (no unit named in them) -------------

TASKS = (
    "深化“一网通办”改革，推动高频政务服务事项全程网上办理",
    "开展涉企收费专项清理，及时公布收费目录清单",
    "推进工程建设项目审批制度改革，进一步压缩审批时间",
    "加大普惠金融支持力度，扩大小微企业首贷和信用贷款规模",
)

# -- the units: names from the corpus's oracles, of varied shapes -----------------------------

POOL = (
    "市发展改革委",
    "市财政局",
    "市政务服务中心",
    "市市场监管局",
    "市金融办",
    "市住建局",
    "市税务局",
    "市公路事业发展中心",
    "市直园区管委会",
    "市委组织部",
    "区经发集团",
    "市教育局",
    "市供电公司",
    "市交警总队",
)
TEN = (
    "市人力资源和社会保障局",
    "市经信局",
    "市商务局",
    "市农业农村局",
    "市卫生健康委",
    "市国资委",
    "市法院",
    "市检察院",
    "市总工会",
    "人民银行",
    "县环卫站",
)


def unit_pool(index: int) -> tuple[str, ...]:
    """The pool turned by the task's index: the three tasks of a cell name different units."""
    shift = (index * 4) % len(POOL)
    return POOL[shift:] + POOL[:shift]


@dataclass(frozen=True)
class UnitList:
    name: str
    cite: str
    shape: Callable[[tuple[str, ...]], tuple[str, list[str]]]

    def write(self, pool: tuple[str, ...], start: int) -> tuple[str, list[str]]:
        return self.shape(pool[start:])


UNIT_LISTS = (
    UnitList("one", "every file", lambda p: (p[0], [p[0]])),
    UnitList("A、B、C", "every file", lambda p: ("、".join(p[:3]), list(p[:3]))),
    UnitList(
        "A，B",
        "guangdong-guangzhou-2012-rencai (牵头单位：…，配合单位：…)",
        lambda p: (f"{p[0]}，{p[1]}", [p[0], p[1]]),
    ),
    UnitList(
        "A和B",
        "gansu-lanzhou-undated-vice-mayor-lead-lines",
        lambda p: (f"{p[0]}和{p[1]}", [p[0], p[1]]),
    ),
    UnitList(
        "A及B",
        "liaoning-fushun-undated (农业综合开发办及三县); SOURCES 第四批",
        lambda p: (f"{p[0]}及{p[1]}", [p[0], p[1]]),
    ),
    UnitList("A与B", "docs/import-plan.md (A与B)", lambda p: (f"{p[0]}与{p[1]}", [p[0], p[1]])),
    UnitList(
        "A、B等", "anhui-chuzhou-2020-leader-lines", lambda p: (f"{p[0]}、{p[1]}等", [p[0], p[1]])
    ),
    UnitList(
        "A、B等有关部门",
        "shandong-jinan-gangcheng-2021-tortoise-brackets",
        lambda p: (f"{p[0]}、{p[1]}等有关部门", [p[0], p[1]]),
    ),
    UnitList(
        "A、各县(市、区)人民政府",
        "guangdong-yunfu-2019-first-listed-footnote",
        lambda p: (f"{p[0]}、各县(市、区)人民政府", [p[0], "各县(市、区)人民政府"]),
    ),
    UnitList(
        "A、各区、县级市政府",
        "guangdong-guangzhou-2012-rencai",
        lambda p: (f"{p[0]}、各区、县级市政府", [p[0], "各区、县级市政府"]),
    ),
    UnitList(
        "A、各县、市、区政府",
        "anhui-chuzhou-2020-leader-lines",
        lambda p: (f"{p[0]}、各县、市、区政府", [p[0], "各县、市、区政府"]),
    ),
    UnitList(
        "市交通委（市道运局）、A",
        "shanghai-2023-yingshang-github-rag-prompt-chunks",
        lambda p: (f"市交通委（市道运局）、{p[0]}", ["市交通委（市道运局）", p[0]]),
    ),
    UnitList(
        "省/市/县",
        "guangdong-yunfu-2019 (省、市、县 levels)",
        lambda p: ("省财政厅、市财政局、县财政局", ["省财政厅", "市财政局", "县财政局"]),
    ),
    UnitList(
        "ten names",
        "henan-province-2023-one-line-inline-items",
        lambda p: ("、".join(TEN), list(TEN)),
    ),
)


# -- the phrasings: label words or verbs, and the role each gives -----------------------------


@dataclass(frozen=True)
class Phrasing:
    name: str
    labels: bool
    parts: tuple[tuple[str, str], ...]  # (role, label word or verb), lead first
    cite: str
    by: bool = False  # 由X牵头 …
    joint: bool = False  # X会同A负责: one clause, no separator
    footnote: str = ""  # the first task's rule (列第一位的为牵头部门，下同): brackets only

    def takes(self, units: UnitList) -> bool:
        if units.name == "one" and (self.footnote or any("分别" in w for _, w in self.parts)):
            return False  # 分别 and 列第一位 need two units or more
        return self.labels or units.name != "A，B"  # a comma list is a label's, not a verb's

    def inner(self, parts: list[Part], separator: str, first: bool) -> str:
        if self.labels:
            return separator.join(f"{word}：{written}" for _, word, written, _ in parts)
        if self.joint:
            return f"由{parts[0][2]}会同{parts[1][2]}负责"
        said = separator.join(f"{written}{word}" for _, word, written, _ in parts)
        said = f"{said}。{self.footnote}" if self.footnote and first else said
        return f"由{said}" if self.by else said

    def roles(self, parts: list[Part]) -> dict[str, list[str]]:
        """The oracle: each part's names under its role; under a 列第一位 rule the first name
        leads and the others are responsible (SOURCES.md, 预期结果的写法)."""
        roles: dict[str, list[str]] = {}
        for role, _, _, names in parts:
            if self.footnote:
                roles["lead"], roles["responsible"] = names[:1], names[1:]
                continue
            roles.setdefault(role, []).extend(n for n in names if n not in roles.get(role, []))
        return roles


PHRASINGS = (
    Phrasing(
        "牵头单位/配合单位",
        True,
        (("lead", "牵头单位"), ("cooperate", "配合单位")),
        "guangdong-guangzhou-2012-rencai-github-sql-dump-html-continuous-qiantou-peihe",
    ),
    Phrasing(
        "牵头单位/责任单位",
        True,
        (("lead", "牵头单位"), ("responsible", "责任单位")),
        "shandong-jinan-gangcheng-2021-tortoise-brackets",
    ),
    Phrasing(
        "牵头责任单位/协同责任单位",
        True,
        (("lead", "牵头责任单位"), ("cooperate", "协同责任单位")),
        "anhui-chuzhou-2020-leader-lines",
    ),
    Phrasing(
        "责任单位",
        True,
        (("responsible", "责任单位"),),
        "fujian-putian-undated-shuangzhao-github-qa-one-line-zeren-after-item",
    ),
    Phrasing(
        "责任部门",
        True,
        (("responsible", "责任部门"),),
        "henan-zhoukou-2019-zeren-bumen-subheading",
    ),
    Phrasing(
        "牵头部门/配合部门",
        True,
        (("lead", "牵头部门"), ("cooperate", "配合部门")),
        "shaanxi-xingping-2022-shisiwu-bumen-inline",
    ),
    Phrasing(
        "主责单位/协办单位",
        True,
        (("lead", "主责单位"), ("cooperate", "协办单位")),
        "docs/import-plan.md (主责单位 是牵头单位; 协办单位)",
    ),
    Phrasing(
        "牵头单位/参与单位",
        True,
        (("lead", "牵头单位"), ("cooperate", "参与单位")),
        "DESIGN.md grammar (参与单位：)",
    ),
    Phrasing(
        "牵头单位/协办单位",
        True,
        (("lead", "牵头单位"), ("cooperate", "协办单位")),
        "beijing-shijingshan-2019-jiedao-xieban-broken-lines-page-markers",
    ),
    Phrasing(
        "责任单位/督导单位",
        True,
        (("responsible", "责任单位"), ("supervise", "督导单位")),
        "guizhou-anshun-2017-huanbao-qingdan-label-lines-item-dates",
    ),
    Phrasing(
        "指导单位/责任单位",
        True,
        (("supervise", "指导单位"), ("responsible", "责任单位")),
        "docs/import-plan.md 第三十一轮 (指导单位：)",
    ),
    Phrasing(
        "X牵头，A配合",
        False,
        (("lead", "牵头"), ("cooperate", "配合")),
        "city-undated-page3-zerenbumen-lines",
    ),
    Phrasing(
        "由X牵头，A配合",
        False,
        (("lead", "牵头"), ("cooperate", "配合")),
        "gansu-lanzhou-undated-vice-mayor-lead-lines",
        by=True,
    ),
    Phrasing(
        "X牵头，A按职责分工负责",
        False,
        (("lead", "牵头"), ("responsible", "按职责分工负责")),
        "henan-province-2023-one-line-inline-items",
    ),
    Phrasing(
        "X负责",
        False,
        (("responsible", "负责"),),
        "national-guobanfa-2018-jili-zzsh-numeral-items-paren-fuze",
    ),
    Phrasing(
        "由X负责", False, (("responsible", "负责"),), "jiangsu-suzhou-2011-table-cells", by=True
    ),
    Phrasing("X牵头负责", False, (("lead", "牵头负责"),), "anhui-chizhou-2017-inline-items"),
    Phrasing(
        "由X具体负责",
        False,
        (("responsible", "具体负责"),),
        "SOURCES.md 第十七批 (由縣農業局具體負責)",
        by=True,
    ),
    Phrasing(
        "由X会同A负责",
        False,
        (("lead", "会同"), ("cooperate", "负责")),
        "SOURCES.md 第十三批 (由X会同A、B等部门…负责落实)",
        by=True,
        joint=True,
    ),
    Phrasing(
        "X牵头，A协助",
        False,
        (("lead", "牵头"), ("cooperate", "协助")),
        "docs/import-plan.md (配合、协办、协助、协同、参与)",
    ),
    Phrasing(
        "X牵头，A参与",
        False,
        (("lead", "牵头"), ("cooperate", "参与")),
        "guangdong-chaozhou-2019-lantian-tortoise-standing-rule-canyu",
    ),
    Phrasing(
        "A分别负责",
        False,
        (("responsible", "分别负责"),),
        "heilongjiang-province-2013-zhuban-xieban",
    ),
    Phrasing(
        "A分别牵头",
        False,
        (("lead", "分别牵头"),),
        "zhejiang-lishui-2023-zeren-lines-fenbie-qiantou",
    ),
    Phrasing(
        "A指导，B负责落实",
        False,
        (("supervise", "指导"), ("responsible", "负责落实")),
        "docs/import-plan.md 第三十一轮 ((A指导，B负责落实))",
    ),
    Phrasing(
        "A按职责分工负责",
        False,
        (("responsible", "按职责分工负责"),),
        "gansu-linxia-undated-yingshang-standing-rule",
    ),
    Phrasing(
        "A、B负责。列第一位的为牵头部门，下同",
        False,
        (("responsible", "负责"),),
        "jiangxi-province-2017-fanwen-blurb-first-listed-fuze",
        footnote="列第一位的为牵头部门，下同",
    ),
)


# -- deadlines beside the roles ----------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    name: str
    due: list[dict] | None
    text: str = ""  # after the task's text
    label: str = ""  # a label beside the role labels
    with_verbs: str = ""  # after the role verbs, in their bracket or sentence


DEADLINES = (
    Deadline("none", None),
    Deadline(
        "，2023年6月底前完成",
        [{"kind": "date", "date": dt.date(2023, 6, 30)}],
        text="，2023年6月底前完成",
        with_verbs="，2023年6月底前完成",
    ),
    Deadline(
        "完成时限：2023年底前", [{"kind": "period", "period": "2023"}], label="完成时限：2023年底前"
    ),
    Deadline(
        "（2023年12月底前）",
        [{"kind": "date", "date": dt.date(2023, 12, 31)}],
        text="（2023年12月底前）",
    ),
    Deadline(
        "长期坚持", [{"kind": "ongoing"}], label="完成时限：长期坚持", with_verbs="，长期坚持"
    ),
)


# -- separators, numbering ---------------------------------------------------------------------

HALF_WIDTH = str.maketrans("：，；（）", ":,;()")
WRITINGS: dict[str, Callable[[str], str]] = {
    "full-width": lambda text: text,
    "half-width": lambda text: text.translate(HALF_WIDTH),  # most of the corpus (PDF, pages)
    # jilin-province-2014-trad-first-listed-fuze (責任單位, 牽頭): corpus_variants' table
    "traditional": lambda text: text.translate(TRADITIONAL),
}
SEPARATORS = {"；": "；", "，": "，", "。": "。", "space": " ", "newline": "\n"}
CN = "一二三四五六七八九十"
NUMBERINGS: dict[str, Callable[[int], str]] = {
    "1.": lambda n: f"{n}.",
    "一、": lambda n: f"{CN[n - 1]}、",
    "（一）": lambda n: f"（{CN[n - 1]}）",
    "1、": lambda n: f"{n}、",
}


# -- placements: where the roles sit -----------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    name: str
    cite: str
    labels: bool | None  # only label phrasings (True), only verbs (False), both (None)
    write: Callable[[str, str], list[str]]  # (task text with its deadline, roles) -> lines
    label_separators: tuple[str, ...] = ("；", "，", "space")
    verb_separators: tuple[str, ...] = ("，", "；")
    chapter: bool = False

    def holds(self, phrasing: Phrasing) -> bool:
        if phrasing.footnote and not self.name.startswith("bracket"):
            return False  # the rule is written in a task's bracket
        if self.chapter:
            return phrasing.parts[0][0] == "lead" and len(phrasing.parts) > 1 and not phrasing.joint
        return self.labels is None or self.labels == phrasing.labels

    def separators(self, phrasing: Phrasing) -> tuple[str, ...]:
        return self.label_separators if phrasing.labels else self.verb_separators

    def takes_deadline(self, phrasing: Phrasing, deadline: Deadline) -> bool:
        if phrasing.labels:
            return bool(deadline.text or deadline.label or not deadline.due)
        return bool(deadline.text or deadline.with_verbs or not deadline.due)

    def heading(
        self, phrasing: Phrasing, numbering: Callable[[int], str]
    ) -> tuple[list[str], Callable[[int], str]]:
        if not self.chapter:
            return [], numbering
        lead = "由市发展改革委牵头" if phrasing.by else "市发展改革委牵头"
        inner = NUMBERINGS["（一）"] if numbering(1) == "一、" else numbering
        return [f"一、持续优化政务服务（{lead}）"], inner

    def oracle_roles(self, phrasing: Phrasing, roles: dict[str, list[str]]) -> dict:
        if not self.chapter:
            return roles
        return {"lead": ["市发展改革委"], **{r: u for r, u in roles.items() if r != "lead"}}

    def place(
        self,
        body: str,
        phrasing: Phrasing,
        parts: list[Part],
        separator: str,
        deadline: Deadline,
        first: bool,
    ) -> list[str]:
        if self.chapter:
            parts = [p for p in parts if p[0] != "lead"]
        sep = SEPARATORS[separator]
        inner = phrasing.inner(parts, sep, first)
        text = body
        if phrasing.labels:
            if deadline.label:
                inner += sep + deadline.label
            else:
                text += deadline.text
        elif deadline.with_verbs:
            inner += deadline.with_verbs
        else:
            text += deadline.text
        if self.chapter and not phrasing.by:
            inner = inner.removeprefix("由")
        return self.write(text, inner)


PLACEMENTS = (
    Placement(
        "bracket",
        "shandong-jinan-gangcheng-2021-tortoise-brackets",
        None,
        lambda text, roles: [f"{text}（{roles}）。"],
    ),
    Placement(
        "bracket-after-stop",
        "guangdong-guangzhou-2012-rencai",
        None,
        lambda text, roles: [f"{text}。（{roles}）"],
    ),
    Placement(
        "label-lines",
        "anhui-chuzhou-2020-leader-lines",
        True,
        lambda text, roles: [f"{text}。", *roles.split("\n")],
        label_separators=("newline",),
    ),
    Placement(
        "sentence",
        "henan-xiping-2020-fazhi-zeren-line-fenbie-fuze",
        False,
        lambda text, roles: [f"{text}。{roles}。"],
        verb_separators=("，",),
    ),
    Placement(
        "glued-label",
        "fujian-putian-undated-shuangzhao-github-qa-one-line-zeren-after-item",
        True,
        lambda text, roles: [f"{text}。{roles}。"],
        label_separators=("。", "；", "，"),
    ),
    Placement(
        "chapter-lead",
        "SOURCES.md 第四批 (一、……(A、B牵头))",
        None,
        lambda text, roles: [f"{text}（{roles}）。"],
        chapter=True,
    ),
)
