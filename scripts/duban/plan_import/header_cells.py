"""A flattened table's header and a row's cells (h18ap: out of text_tables): the words a header
cell is written in (序号, 工作任务, 牵头单位, 完成时限 …, any column order), and the cells of a row
written between ``|``, tabs or runs of spaces."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.column_names import CONTACT_COLUMN, header_word

HEADER_WORD = re.compile(
    r"^(?:全年|年度|具体|主要|重点)?(?:序号|编号|工作任务|重点任务|主要任务|具体任务|任务内容|工作内容|工作措施|具体措施|目标任务|重点工作"
    r"|任务|措施|主要内容|牵头单位|牵头部门|责任单位|责任部门|配合单位|协办单位|参与单位|协同单位"
    r"|牵头责任单位|协同责任单位|完成时限|完成时间|时间节点|时限要求|牵头领导|责任领导|分管领导|备注"
    r"|类别|细化措施|工作举措|进度安排|考核单位|监督单位|具体内容|工作目标"
    # w-import-round2: 名称 (苏州 2011), progress-report tables (推进情况表)
    r"|名称|项目名称|项目|指标|目标任务|全年目标任务|责任主体|责任主体与协同单位|是否达序|是否达标"
    r"|说明|进展情况|推进情况|完成情况|工作进展|\d{1,2}[-—至]\d{1,2}月推进情况"
    r"|计划完成时间|责任科室|负责科室|负责单位|负责部门|评分部门|评分单位|考核部门"
    # h18a: the other columns of real tables (考核项目, 考核指标, 单位, 年度目标, 目前完成情况,
    # 是否达到序时进度 …): a short word naming what a column holds
    r"|单位|计量单位|[\u4e00-\u9fff]{0,6}(?:情况|进度|指标|内容|项目|目标|要求|措施|任务|成效"
    # h18c: 任务名称, 配合部门, 目标类型 (杭州上城 2019), 时间进度 (遂宁 2016)
    # h18x: 处室; h18bf: 股室 (a county bureau's offices, 责任股室)
    r"|名称|类型|[\u4e00-\u9fff]{0,4}(?:部门|单位|时限|时间|领导|处室|科室|股室"
    # h18bh: 完成期限 (city-2010), 责任人 (昭化 2017), 细化分工 (广东卫健委 2021)
    r"|期限|责任人|分工))"
    # h18i: 任务项 (the row's number), 四季度任务分解, 完成状况 (淮北相山 2024)
    # h18ap: 时间安排, 工作安排 (a 工作计划's columns: when and what is planned)
    r"|任务项|项次|[\u4e00-\u9fff]{0,6}(?:分解|状况)|[\u4e00-\u9fff]{0,4}安排)$"
)
ROLE_OR_TIME = re.compile(
    r"牵头|责任|负责|配合|协办|参与|协同|时限|时间|评分|考核|主责|主办|承办|落实|节点|承担|实施"
)


def cells(line: str, single: bool = False, framed: bool = True) -> list[str]:
    """A row's cells: between | (or tabs, or runs of spaces; single spaces too when the
    header was written so). In a table whose header has no bar at its edges (``framed``
    false), a row's bar first or last closes an empty cell (h18bn: `` | 总分 | 100 |  | ``
    under ``序号 | 考核项目 | …``), not the table's frame, and each tab closes a cell
    (a row of tabs starting with one: the empty 序号 first, the empty cells last)."""
    if single:
        return line.split()
    if "|" in line or "｜" in line:
        parts = re.split(r"[|｜]", line.strip())
        if not framed:
            return [p.strip() for p in parts]
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
        return [p.strip() for p in parts]
    if not framed and "\t" in line:
        return [p.strip() for p in line.strip(" \u3000\r\n").split("\t")]
    return [p for p in re.split(r"\t+|[ \u3000]{2,}|\u3000", line.strip()) if p]


def edge_bars(line: str) -> bool:
    """A ``|`` row written between bars at its edges (``| 序号 | 任务 |``)."""
    bare = line.strip()
    return bare[:1] in ("|", "｜") or bare[-1:] in ("|", "｜")


def is_header(parts: list[str]) -> bool:
    words = [header_word(simplified(p.replace(" ", ""))) for p in parts]
    known = [w for w in words if HEADER_WORD.match(w) or CONTACT_COLUMN.fullmatch(w)]
    return (
        len(parts) >= 3
        and len(known) >= len(parts) - 1
        and any(ROLE_OR_TIME.search(w) for w in known)
    )
