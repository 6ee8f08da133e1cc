"""A section heading that is a table's caption (branch h18p): ``一、10件民生实事任务分解表`` on
its own line over the table's rows (吉水, a county's page). The rows' 序号 are then the table's,
numbered through the plan (``01``…), as a table with no heading is."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.numbering import arabic, separator

CAPTION = re.compile(
    r"^[^\n。；;：:]{2,40}?(?:分解表|清单表|一览表|任务表|计划表|责任表|安排表|清单)\s*$"
)
ROW = re.compile(
    rf"^\s*{arabic(wide=False)}{separator()}.*[（(](?:[^（()）]*[:：])[^（()）]*[)）]\s*$"
)


def table_caption(section_text: str) -> bool:
    """Whether a section (its text from the heading's words on) is a caption line over rows a
    table reading wrote (``N.任务（责任单位：…）``, one a line) and nothing else."""
    lines = [line for line in section_text.split("\n") if line.strip()]
    if len(lines) < 3 or not CAPTION.match(simplified(lines[0].strip())):
        return False
    return all(ROW.match(line) for line in lines[1:])
