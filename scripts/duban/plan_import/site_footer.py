"""A government site's footer, saved with the page (h18bc, issue 18): who runs the site
(主办单位：国务院办公厅　运行维护单位：…, 主办：市人民政府办公室　承办：市大数据局), its
registration (网站标识码bm01000001　京ICP备05070218号　京公网安备…), its copyright and telephone.

Its lines follow the plan's last task, and 主办单位 / 承办单位 are also the labels of a task's lead
and responsible units: read as the plan's, the site's owner became the last task's lead. A line
holding a registration mark (网站标识码, ICP备, 公网安备, 版权所有, Copyright, ©) is the footer's;
so are the lines right before and after it that open with a footer's label (主办, 承办, 运行维护,
技术支持, 联系电话, 地址 …), never a label line away from such a mark (主办单位：市发改委 under a
task is the task's).
"""

from __future__ import annotations

import re

MARK = re.compile(r"网站标识码|ICP\s*备|ICP\s*证|公网安备|版权所有|Copyright|©|\(C\)\s*\d{4}", re.I)
"""A site's registration or copyright: no plan's sentence holds one."""
LABEL = re.compile(
    r"^\s*(?:主办|承办|协办|运行维护|运维|技术支持|网站维护|维护|联系电话|联系我们|联系方式|"
    r"地址|邮编|邮政编码|电子邮箱|传真|网站地图|建议使用|纠错|政府网站标识码)"
)
"""What a footer's line opens with."""
REACH = 4
"""How many lines before or after a mark line a footer goes on (a footer is a few lines)."""
LONGEST = 160
"""A footer's line is short: a longer one holding 版权所有 is a sentence of the plan."""


def footer_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines of ``lines`` that are a site's footer."""
    found: set[int] = set()
    for at, line in enumerate(lines):
        if len(line) > LONGEST or not MARK.search(line):
            continue
        found.add(at)
        for step in (-1, 1):
            index, seen = at + step, 0
            while 0 <= index < len(lines) and seen < REACH:
                if lines[index].strip():
                    if len(lines[index]) > LONGEST or not (
                        LABEL.match(lines[index]) or MARK.search(lines[index])
                    ):
                        break
                    found.add(index)
                    seen += 1
                index += step
    return sorted(found)
