"""Readings added in the seventeenth round (branch h18ab): the forms of a list a clerk writes that
the numbering's reader does not read, registered with :data:`duban.plan_import.strategy.READINGS`
as one block (english name, chinese name, rewrite, description of what the rewrite did)."""

from __future__ import annotations

from duban.plan_import.marked_lines import marked_lines, marked_reading
from duban.plan_import.run_on_lines import run_on_lines, run_on_reading
from duban.plan_import.trailing_cells import trailing_cells, trailing_cells_reading
from duban.plan_import.wenku_prose import wenku_prose, wenku_prose_reading

CLERK_READINGS = (
    # ● / 一是 / 第一项 / Ⅰ / A. / 1-1 / 1 加强… at lines' starts (numbers the importer makes up)
    ("marked lines", "同一种标记开头的各行", marked_lines, marked_reading),
    # 1.推进一网通办  县政务服务中心  2023年6月底前 (columns with no header row)
    ("trailing cells", "行末的单位、时间格", trailing_cells, trailing_cells_reading),
    # h18ae: items run into one line, parted by a space (广西 2008, 广东 2013: reprints)
    ("run-on lines", "连成一行的各项", run_on_lines, run_on_reading),
    # h18bp: a document site's pages of prose, 1、 2、 at each page's start (嘉兴, 三一办公)
    ("pages of prose", "文档站分页的正文", wenku_prose, wenku_prose_reading),
)
