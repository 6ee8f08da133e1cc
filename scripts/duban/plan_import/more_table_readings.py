"""Readings of flattened tables added in the fifteenth round (branch h18y), registered with
:data:`duban.plan_import.strategy.READINGS` as one block (english name, chinese name, rewrite,
description of what the rewrite did)."""

from __future__ import annotations

from duban.plan_import.glued_tail_units import glued_tail_rows
from duban.plan_import.group_cell_rows import group_cell_reading, group_cell_rows
from duban.plan_import.numbered_inner_rows import (
    inner_rows_reading,
    numbered_inner_rows,
    numbered_inner_table,
)
from duban.plan_import.one_line_table import one_line_table
from duban.plan_import.run_on_labels import run_on_labels, run_on_reading
from duban.plan_import.unnumbered import rows_reading
from duban.plan_import.wenku_pages import wenku_reading, wenku_rows

MORE_TABLE_READINGS = (
    # h18ai: 成都 2021 on 第壹文秘: a glued table's pages, each a line 1、… 2、…, broken anywhere
    ("pages run together", "文库分页连写的表格", wenku_rows, wenku_reading),
    # 黄冈 2018: 序号重点工作工作推进情况牵头单位责任单位, cells run together, units last
    ("glued rows, units last", "各格连写、单位在末尾的表格行", glued_tail_rows, rows_reading),
    # 长兴太湖: 建设任务 | 工作事项 | 工作指标 … with (1) (2) after merged category cells
    (
        "rows numbered inside",
        "编号在分组格之后的“|”表格行",
        numbered_inner_rows,
        inner_rows_reading,
    ),
    # 楚雄: 整改措施清单一、认识不深(一)……责任单位:A责任人:B整改时限:C整改措施:… in one paragraph
    ("run-on labels", "压成一段的清单", run_on_labels, run_on_reading),
    ("table numbered inside", "编号在分组格之后的“|”表格", numbered_inner_table, rows_reading),
    # h18bl: 龙泉驿 2009: a notice and its table (序号项目名称…项目业主牵头协调部门…) on one line
    ("one-line table", "连成一行的通知和表格", one_line_table, rows_reading),
    # h18ac: 江门 工作任务 | 具体要求 | 责任部门 with merged 一、 group cells, rows moved left
    (
        "numbered group cells",
        "合并的编号分组格之后的“|”表格行",
        group_cell_rows,
        group_cell_reading,
    ),
)
