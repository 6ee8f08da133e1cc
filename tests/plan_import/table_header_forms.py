"""The values of table_headers.py's dimensions (issue 18, branch h18bh): how offices head and fill
the columns of a 任务分工表, each value citing an opened corpus file where it occurs (a table's
header or cells; never a held-out file) or the SOURCES.md rule that reads it.

A header word that no opened file writes as a column's name is left out, even where the word is
a label elsewhere (牵头领导：, 协办单位：): the tool measures the tables offices write, not the
words the importer could be taught.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    word: str
    cite: str


# -- the column words of each field ------------------------------------------------------------

NUMBER_WORDS = (
    Word("序号", "anhui-huoshan-2025-kaifaqu-pipe-table (34 opened files)"),
    Word("任务项", "anhui-huaibei-xiangshan-2024-progress-cells"),
)
WORK_WORDS = (
    Word("工作任务", "guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban"),
    Word("重点工作", "anhui-huoshan-2025-kaifaqu-pipe-table"),
    Word("主要任务", "anhui-huainan-2025-jiguan-cells-sparse-numbers-space-units"),
    Word("目标与任务", "anhui-nanling-2024-leader-cell-pipes"),
    Word("工作措施", "hubei-xianning-2020-gazette-table-lost-cell"),
    Word("主要工作举措", "liaoning-liaozhong-2024-cells-leader-column-gap"),
    Word("具体工作任务和要求", "jiangxi-jishui-undated-minsheng-pipe-leader-space-units"),
    Word("整改措施", "hebei-chengan-2026-xiaohao-label-cells"),
    Word("目标任务", "anhui-huaiyuan-2023-deadline-column"),
    Word("项目内容", "zhejiang-linan-2022-minsheng-progress-continuation"),
    Word("重点督办内容", "beijing-xicheng-2020-run-together-progress"),
)
GROUP_WORDS = (
    Word("类别", "henan-pingdingshan-2018-hezhang-space-table (序号 类别 主要任务 …)"),
    Word("指标", "shaanxi-lueyang-2019-wenhua-lvyou (序号 指标 工作任务 …)"),
    Word("项目名称", "zhejiang-xinchang-2021-pipe-merged-rows (项目名称 | 工作任务 | …)"),
)
LEAD_WORDS = (
    Word("牵头单位", "guangdong-guangzhou-2021-cells-split-header-empty-remark"),
    Word("牵头部门", "anhui-shucheng-2024-linzhang-pipe-leader-first-column"),
    Word("牵头责任单位", "anhui-nanling-2024-leader-cell-pipes"),
    Word("牵头负责部门", "national-guobanhan-2016-lianghua-space-rows"),
    Word("牵头组织实施单位", "city-undated-box-drawing-leader-table"),
)
RESPONSIBLE_WORDS = (
    Word("责任单位", "anhui-huoshan-2025-kaifaqu-pipe-table"),
    Word("责任部门", "guangdong-jiangmen-undated-tuchu-zwgk-pipe-numbered-groups"),
    Word("责任处室", "guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban"),
    Word("责任科室", "anhui-chizhou-xinfang-undated-zhengwu-cell-lines-headerless-number"),
    Word("责任股室(单位)", "shaanxi-lueyang-2019-wenhua-lvyou"),
    Word("落实科室(部门)", "guangdong-zhongshan-2021-yibao-zhengwu"),
    Word("负责部门", "sichuan-suining-2016-pipe-cell-lines"),
    Word("主要责任单位", "jiangsu-suzhou-2011-html"),
)
COOPERATE_WORDS = (
    Word("配合单位", "zhejiang-linan-2022-minsheng-plan-cell-steps"),
    Word("参与单位", "henan-pingdingshan-2018-hezhang-space-table"),
)
LEADER_WORDS = (
    Word("责任领导", "anhui-huoshan-2025-kaifaqu-pipe-table"),
    Word("负责领导", "anhui-shucheng-2024-linzhang-pipe-leader-first-column"),
    Word("市政府分管领导", "guangdong-guangzhou-2021-cells-split-header-empty-remark"),
    Word("区政府分管领导", "jiangsu-zhonglou-2021-minsheng-run-together"),
    Word("分管县领导", "anhui-nanling-2024-leader-cell-pipes"),
    Word("责任人", "sichuan-guangyuan-zhaohua-2017-minsheng-pipe-quota-leader"),
)
DEADLINE_WORDS = (
    Word("完成时限", "anhui-huoshan-2025-kaifaqu-pipe-table"),
    Word("计划完成时间", "zhejiang-xinchang-2021-pipe-merged-rows"),
    Word("时限要求", "anhui-chizhou-xinfang-undated-zhengwu-cell-lines-headerless-number"),
    Word("时间进度", "sichuan-suining-2016-pipe-cell-lines"),
    Word("时间安排", "henan-dengfeng-xuzhuang-2017-town-anquan-month-rows-space-units"),
    Word("完成期限", "city-2010-yuanlin-lawyee-page6-pipe-split-header-xiezhu (完成 期限)"),
)


@dataclass(frozen=True)
class Extra:
    word: str
    cite: str
    after_work: bool  # 具体要求 / 细化分工 stand after the work; 备注 … close the row
    cell: str  # what its cells hold (empty: the column is empty)


EXTRAS = (
    Extra("none", "most tables", False, ""),
    Extra("备注", "guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban", False, ""),
    Extra(
        "具体要求",
        "guangdong-jiangmen-undated-tuchu-zwgk-pipe-numbered-groups",
        True,
        "按规定时限在门户网站公开，接受社会监督。",
    ),
    Extra(
        "细化分工",
        "guangdong-province-2021-weijian-zwgk-taizhang-pipe-huiban",
        True,
        "梳理办理流程，形成工作台账。",
    ),
    Extra(
        "落实情况", "jiangxi-jishui-undated-minsheng-pipe-leader-space-units", False, "正在推进。"
    ),
    Extra("完成情况", "anhui-shucheng-2024-linzhang-pipe-leader-first-column", False, "已完成。"),
    Extra(
        "监督电话",
        "shandong-zhaoyuan-2022-minsheng-pipe-mid-table-leader-column-index-tail",
        False,
        "0535-8212345",
    ),
)

# -- which role columns a table has ------------------------------------------------------------

ROLE_SETS: dict[str, tuple[tuple[str, ...], str]] = {
    "responsible": (("responsible",), "anhui-huoshan-2025-kaifaqu-pipe-table"),
    "lead+responsible": (("lead", "responsible"), "anhui-nanling-2024-leader-cell-pipes"),
    "lead+cooperate": (("lead", "cooperate"), "liaoning-liaozhong-2024-cells-leader-column-gap"),
    "lead+cooperate+responsible": (
        ("lead", "cooperate", "responsible"),
        "henan-pingdingshan-2018-hezhang-space-table (牵头单位 参与单位 责任单位)",
    ),
    "lead": (("lead",), "beijing-xicheng-2020-run-together-progress (牵头单位 only)"),
}
ROLE_WORDS = {
    "lead": LEAD_WORDS,
    "responsible": RESPONSIBLE_WORDS,
    "cooperate": COOPERATE_WORDS,
}

# -- the column order (the number first; SOURCES.md rows cited) --------------------------------

ORDERS: dict[str, str] = {
    # 序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限
    "roles-deadline": "anhui-huoshan-2025-kaifaqu-pipe-table",
    # 序号 | 指标 | 工作任务 | 完成时限 | 责任领导 | 责任股室(单位)
    "deadline-roles": "shaanxi-lueyang-2019-wenhua-lvyou",
}
LEADER_PLACES: dict[str, str] = {
    "none": "most tables",
    "before-units": "anhui-nanling-2024-leader-cell-pipes (分管县领导 | 牵头责任单位)",
    "after-units": "liaoning-liaozhong-2024-cells-leader-column-gap (牵头单位 配合单位 责任领导)",
    "first-column": "anhui-shucheng-2024-linzhang-pipe-leader-first-column (负责领导 | 序号 | …)",
}

# -- the cells ----------------------------------------------------------------------------------

CELLS: dict[str, str] = {
    "one": "every table",
    "A、B": "anhui-huoshan-2025-kaifaqu-pipe-table (招商工作部、安商工作部)",
    "A B": "henan-dengfeng-xuzhuang-2017 (安监站 安监所; SOURCES.md 第七批: two units)",
    "unit-lines": "shaanxi-lueyang-2019-wenhua-lvyou (文化宣传股 / 文化馆 / 图书馆)",
    "A牵头，B配合": "guangdong-jiangmen-undated-tuchu-zwgk (办公室牵头,各科室配合)",
    "merged": "shaanxi-lueyang-2019-wenhua-lvyou (SOURCES.md 第二十二批: written on the first row)",
}
"""unit-lines only where a cell's lines are the container's (one cell a line) and in a table of one
unit column (略阳 2019: two columns' names one a line cannot be told apart); A牵头，B配合 only in
a table of one unit column; merged only where the container shows a merged cell (one cell a line
with no separators: SOURCES.md 第二十二批; an HTML rowspan; a .docx vertical merge): a ``|``
row marks its empty cells, which SOURCES.md reads as empty (h18a's Wujiang guard)."""

HEADER_SHAPES: dict[str, str] = {
    "one-line": "every table",
    # 责任股室 / (单位) on two lines; 市政府 / 分管领导 (guangzhou-2021); one cell a line only
    "split": "shaanxi-lueyang-2019-wenhua-lvyou, guangdong-guangzhou-2021-cells-split-header",
    # 分 管 县领导 (nanling), 工 作 任 务 (guobanhan-2016), 完成 期限 (city-2010)
    "spaced": "anhui-nanling-2024-leader-cell-pipes, national-guobanhan-2016-lianghua-space-rows",
    # no opened file: a table over two pages copied from a PDF or a Word file whose header row
    # repeats on each page (the brief's form; the same words again, no new header)
    "repeated": "a page break in a copied PDF or Word table",
}

NUMBERINGS: dict[str, str] = {
    "1 2 3": "anhui-huoshan-2025-kaifaqu-pipe-table",
    "(1) (2)": "anhui-wuhu-2025-pipe-paren-numbers-group-rows-space-units",
    "none": "guangdong-jiangmen-undated-tuchu-zwgk-pipe-numbered-groups (no 序号 column)",
    "1. in the work": "guangdong-zhongshan-2021-yibao-zhengwu (3.… in the first cell)",
}

CONTAINERS: dict[str, str] = {
    "docx": "zhejiang-zhuji-2023-docx (corpus_layouts' writer)",
    "html": "jiangsu-suzhou-2011-html (corpus_layouts' writer, rowspan)",
    "pipes": "anhui-huoshan-2025-kaifaqu-pipe-table",
    "tabs": "corpus_layouts (a copied spreadsheet)",
    "spaces": "henan-pingdingshan-2018-hezhang-space-table",
    "cell-lines": "shaanxi-lueyang-2019-wenhua-lvyou",
    "cell-lines-blank": "liaoning-liaozhong-2024-cells-leader-column-gap (a blank line after each)",
    "cell-bars": "anhui-nanling-2024-leader-cell-pipes (each cell closed by ` |`)",
}
CELL_LINE_CONTAINERS = ("cell-lines", "cell-lines-blank", "cell-bars")
MERGING_CONTAINERS = ("docx", "html", "cell-lines", "cell-lines-blank")
"""cell-bars closes every cell with ``|``: an empty cell shows (`` |``), as in a ``|`` row."""

# -- what the cells hold: (written, oracle) ----------------------------------------------------

YEAR = 2023
DEADLINE_CELLS = (
    ("2023年6月底前", [{"kind": "date", "date": dt.date(2023, 6, 30)}]),  # every batch
    ("12月底前", [{"kind": "date", "date": dt.date(2023, 12, 31)}]),  # lueyang (year of the plan)
    ("全年", [{"kind": "year", "year": YEAR}]),  # huoshan-2025
    ("持续推进", [{"kind": "ongoing"}]),  # chizhou-xinfang
)
LEADER_CELLS = (
    ("叶林", "叶林"),  # huoshan-2025
    ("周 斐", "周斐"),  # lueyang: a space inside a two-character name
    ("马振明", "马振明"),  # huoshan-2025
    ("俞 悦", "俞悦"),  # nanling-2024
)
GROUP_CELLS = ("营商环境", "政务服务")
