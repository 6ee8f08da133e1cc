"""The furniture of a repost (branch h18ak, issue 18): a forum archiver's page and a law site's
paged reprint, as the seventeenth batch's kinds are reposted (SOURCES.md: 论坛归档, 分页转载).

- a forum archiver: ``查看完整版本: [-- 标题 --]``, the board's path ``某县论坛 -> 政务公开 -> …``,
  ``[ 此帖被某某在2012-03-05 10:25重新编辑 ]``, ``Powered by Discuz! Archiver …``;
- a paged reprint: ``第2页 共3页 上一页 1 2 3 下一页``, ``[接上页]`` / ``[转下页]`` alone on a line.

Such a line is chrome: set aside like a website's breadcrumbs (never the title, a unit's name or
an item's text), counted as chrome in the review's accounting.
"""

from __future__ import annotations

import re

REPOST_CHROME = re.compile(
    r"^\s*查看完整版本\s*[:：]"
    r"|^\s*[^\s>»]{1,20}(?:\s*(?:->|－>|—>|»|>>)\s*[^\s>»][^\n]{0,60}?){2,}$"
    r"|^\s*[\[【]\s*(?:此帖|本帖)[^\]】]{0,60}?编辑(?:过)?\s*[\]】]\s*$"
    r"|^\s*Powered\s+by\b"
    r"|^\s*(?:Copyright|©|\(c\))\s*[^\n]{0,80}$"
    r"|^\s*第\s*\d{1,3}\s*页\s*[/，,]?\s*共\s*\d{1,3}\s*页"
    r"|^\s*(?:首页\s*)?上一页(?:\s+\d{1,3})*\s*下一页(?:\s*(?:尾页|末页))?\s*$"
    r"|^\s*[\[【（(](?:接上页|续上页|转下页|接下页|续下页|下转[^\]】）)]{0,8}|上接[^\]】）)]{0,8})"
    r"[\]】）)]\s*$",
    re.IGNORECASE,
)
"""A line of a forum archiver's or a paged reprint's furniture (see the module)."""


def repost_chrome(folded: str) -> bool:
    """Whether a line (simplified) is a repost's furniture."""
    return REPOST_CHROME.match(folded) is not None
