"""The notices of a document-sharing site (issue 18, h18u): a plan copied from a 文档分享站 starts
with the site's own numbered hints (``- 1、下载文档前请自行甄别文档内容的完整性……``, ``- 2、"仅部分
预览"的文档……``, ``- 3、如文档侵犯您的权益,请联系客服……``, a town's 目标责任书). Numbered as
they are, they were read as the plan's first items and took the numbers of the real ones. Such a
line is chrome: set aside like a website's breadcrumbs."""

from __future__ import annotations

import re

SHARE_NOTICE = re.compile(
    r"^\s*(?:[-–—·•*]\s*)?(?:[0-9０-９]{1,2}\s*[、.．]\s*)?[^\n]{0,12}?"
    r"(?:下载文档前|文档下载前|请自行甄别|仅部分预览|不可在线预览|可完整预览|侵犯您的权益|侵犯了您的权益"
    r"|请联系客服|人工客服|申请退款|本站不保证|平台不提供|下载积分|付费下载|文档贡献者|用户上传分享"
    r"|文档介绍\s*[:：]\s*$)"  # h18bl: the label of a site's text of the document, alone
)
"""A notice line of a sharing site: its words (下载文档前, 仅部分预览, 请联系客服 …) in its first
words, after an optional dash and hint number."""


def share_notice(folded: str) -> bool:
    """Whether a line (simplified) is a document-sharing site's notice."""
    return SHARE_NOTICE.match(folded) is not None
