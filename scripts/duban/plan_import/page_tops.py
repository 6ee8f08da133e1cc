"""The first line of a document with no 关于印发…的通知 (branch h18ak, issue 18): the title a
document of its own gives there, or none on a later page of a paged repost.

- ``关于对…检查发现问题进行整改的通知`` (a notice that is itself the plan: its body sets the work,
  its attachment lists the items) is the title, on its own line or with the notice's text after
  it on the same line (a forum archiver's one-line repost); the last line before the items
  (``问题清单``) is not.
- ``[接上页]``, ``责任单位:X``, ``工作任务:…`` or a sentence ending in 。
  (``…全面完成。(责任单位:X)``) at the top is the tail of the previous page's item (SOURCES.md
  第十七批): the page has no title, and those words are its preamble's.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

OWN_NOTICE = re.compile(
    r"^(?P<issuer>[^\s，,。；;:：【】]{0,30}?)关于[^\s。；;]{4,80}的(?:通知|通报)(?=\s|$)"
)
"""关于对…检查发现问题进行整改的通知 (not 关于印发…, which head.NOTICE reads: a plan inside), with
its issuer before it when written (某县人民政府关于…的通知)."""
RECORD_LABEL = (
    r"(?:工作|主要|具体|整改|重点)?(?:任务|措施)|(?:牵头|责任|配合|协办|协助|主办|承办)(?:单位|部门)"
    r"|责任人|协调人|(?:责任|分管|牵头)领导|完成时限|完成时间|时间节点"
)
"""The labels of a task's record (责任单位, 工作任务, 责任人 …): not 附件： or 标题：, which stand
before a title."""
PAGE_TAIL = re.compile(
    r"^(?:[\[【（(](?:接上页|续上页|上接[^\]】）)]{0,8})[\]】）)]"
    rf"|(?:{RECORD_LABEL})\s*[:：]"
    r"|.*[。；;]\s*[（(][^（）()]*(?:单位|部门|负责|牵头)[^（）()]*[)）]\s*$"
    # h18br: (牵头单位:X;责任单位:A、B) alone on the first line (徐州, a law site's page 4)
    rf"|[（(](?:{RECORD_LABEL})\s*[:：][^（）()]*[)）]\s*$)"
)
"""[接上页] / 责任单位:X / 工作任务:… / …全面完成。(责任单位:X) / (牵头单位:X;责任单位:A): a later
page's top, no title (a sentence with no such bracket may be the page's preamble, read as
before)."""
NO_TITLE = "（无标题）"


def page_top(region: str) -> tuple[str, int, str | None] | None:
    """(the title, where the preamble starts, the issuer before the title or None) the
    region's first line gives, or None when it is neither of the two (the head reads the
    title on as before)."""
    offset = len(region) - len(region.lstrip())
    line = region[offset:].split("\n", 1)[0]
    if not line.strip():
        return None
    own = OWN_NOTICE.match(simplified(line))
    if own:
        issuer = line[: own.end("issuer")].strip()
        return line[: own.end()], offset + own.end(), issuer if len(issuer) >= 2 else None
    if PAGE_TAIL.match(simplified(line.strip())):
        return NO_TITLE, 0, None
    return None
