"""Website chrome in a page saved or copied from a government site: breadcrumbs (当前位置：首页 >
…), the metadata table (索引号, 发布日期, 来源 …), 字号 大 中 小, 打印本页, 关闭窗口, share buttons.

Such a line is set aside before the plan is read (the line is left empty, so line numbers stay
the document's), never taken for the title, the issuer or text, and counted as chrome in the
review's accounting.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.leader_names import PINYIN_NOTE
from duban.plan_import.page_stamp import page_stamp, stamp_year
from duban.plan_import.repost_chrome import repost_chrome
from duban.plan_import.share_site_chrome import share_notice
from duban.plan_import.site_footer import footer_lines

_LABELS = (
    r"索引号|发布日期|发布时间|发文日期|公开日期|生成日期|信息来源|来源|浏览次数|访问次数|点击数|阅读次数"
    r"|发布机构|发布单位|公开方式|公开范围|主题分类|体裁分类|组配分类|主题词|有效性|时效|责任编辑|编辑"
    r"|作者|信息分类|所属机构|公开时限|分类|成文日期"  # h18an: 成文日期 (招远 2022, an index row)
    # session 38: the rest of gov.cn's index table (发文机关：国务院 成文日期：…, 发文字号：…), each
    # said again by the notice below it; its 标　　题： line is the head's (a title line, head.py)
    r"|发文机关|发文字号"
    r"|访问量|浏览量|阅读量|点击量"  # session 40: 时间: … 来源: … 访问量: (苏州 2024)
    r"|发布者|发稿人"  # h18bp: 发布者:中国证券网 编辑:… 日期:2017-06-21 (a repost's byline)
    r"|发表时间|发表日期"  # h18bt: 发表时间:2018-4-17 来源:… 作者:… (a society's news page)
)
# h18ai: a page's metadata table letter-spaces its short labels to one width (索 引 号:, 分 类:,
# 广东省卫健委 2021), and a 文号 with nothing after it says nothing of the plan
_SPACED = (
    "|".join(r"[ \u3000]*".join(label) for label in _LABELS.split("|"))
    + r"|文[ \u3000]?号(?=\s*[:：]\s*$)"
    + r"|日[ \u3000]?期(?=\s*[:：]\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$)"
)
CHROME_LINE = re.compile(
    r"^\s*[【\[]?\s*(?:您(?:当前)?(?:的|所在的?)?位置|当前位置|所在位置)\s*[:：]"
    r"|^\s*首\s*页\s*(?:[>＞›»/]|$)"
    r"|^(?:\s*[【\[]?\s*(?:" + _SPACED + r")\s*[】\]]?\s*[:：]\s*[^\n]{0,60}?){1,8}\s*$"
    # session 40: 时间 is a task's label too, but not over a full date (and time) and the page's
    # other labels: 时间: 2024-09-25 09:20 来源: “苏州人大”微信公众号 访问量:
    r"|^\s*时\s*间\s*[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*(?:" + _SPACED + r")\s*[:：][^\n]{0,60}?)+\s*$"
    r"|(?:字号|字体)\s*[:：]?\s*[【\[]?\s*大\s*中\s*小"
    r"|^\s*[【\[]?\s*(?:字号|字体)\s*[:：][^。，；\n]{0,30}$"
    r"|^\s*[【\[]?\s*(?:打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏|分享)\s*[】\]]?\s*"
    r"(?:[【\[]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭|保存|收藏|返回顶部)\s*[】\]]?\s*)*$"
    r"|^\s*(?:分享到|分享至|扫一扫|扫码)[:：]?[^\n]{0,40}$"
    r"|^\s*(?:相关阅读|相关链接|相关文章|相关文件|上一篇|下一篇|返回列表|附件下载|回到顶部|返回顶部)\s*[:：]?\s*$"
    # h18bc: a WeChat article's foot (阅读原文 after the last task glued itself to its last unit)
    r"|^\s*(?:阅读原文|轻触阅读原文|预览时标签不可点|继续滑动看下一个|向上滑动看下一个)\s*$"
    r"|\s首\s*页\s*(?:[>＞›»/].*)?$"
    r"|^\s*(?:微信|微博|QQ空间|QQ|人人网|腾讯微博|新浪微博|豆瓣)(?:\s+|$)(?:(?:微信|微博|QQ空间|QQ|豆瓣)\s*)*$"
)


# the site's name on the first lines: 法邦网—法律法规查看 / xx网 首页 / 某某市人民政府门户网站
SITE_NAME = re.compile(  # h18ak: never an item's line (⒈完善污水收集管网 is no site's name)
    r"^\s*(?![（(]?[一二三四五六七八九十0-9０-９⒈-⒛①-⑳⑴-⒇][、.．）)]?)"
    r"[^\s。，；：:]{1,20}(?:网|网站|门户)(?:\s*[—\-|｜]+\s*[^\s。，；]{0,20})?\s*$"
)
# the document's own furniture: the masthead (某某市人民政府办公室文件), （此件公开发布）
MASTHEAD = re.compile(r"^\s*[^\s。，；、:：]{2,30}文件\s*$")
FURNITURE = re.compile(r"^\s*[（(]\s*此件(?:公开发布|不公开|主动公开|依申请公开)\s*[)）]\s*$")


def set_aside(text: str) -> tuple[str, list[str]]:
    """The text with each chrome line emptied, and those lines as written."""
    lines = text.split("\n")
    chrome: list[str] = []
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        folded = simplified(PINYIN_NOTE.sub("", line))  # h18ai: (此件公開發(fā)布)
        if len(line) > 200:
            continue
        if (
            CHROME_LINE.search(folded)
            or FURNITURE.match(folded)
            or share_notice(folded)  # h18u: - 1、下载文档前请自行甄别…
            or repost_chrome(folded)  # h18ak: 查看完整版本: [-- … --] / 第2页 共3页 / [转下页]
            or page_stamp(folded, seen)  # h18y: 2023-10-25 19:33 under the title
            or (seen <= 3 and (SITE_NAME.match(folded) or MASTHEAD.match(folded)))
        ):
            chrome.append(line.strip())
            lines[index] = ""
    for index in footer_lines(lines):  # h18bc: 主办单位：国务院办公厅 … 京ICP备…
        chrome.append(lines[index].strip())
        lines[index] = ""
    return "\n".join(lines), chrome


PAGE_DATE = re.compile(
    r"(?:(?:发布|發布|发文|發文|公开|公開|成文|发表|發表)(?:日期|时间|時間)|(?<![\u4e00-\u9fff])日期)"
    r"\D{0,4}((?:19|20)\d{2})(?!\d)"  # h18bp: a byline's 日期:2017-06-21 too
)


FILED_UNDER = re.compile(
    r"(?:当前位置|當前位置|所在位置|所在的位置|您的位置)[^\n]*[>＞›»/]\s*((?:19|20)\d{2})\s*年?\s*$"
)
"""h18br: 当前所在的位置:首页 > 淮北民生 > 民生工程沿革 > 2010年 (淮北): the page is filed under
its year, the plan's, when the text names none; the 发布日期 under it (2013) is when the page went
up."""


def page_year(lines: list[str]) -> int | None:
    """The year of the web page's 发布日期 (set aside as chrome): the plan's year when the text
    has no signing date, 文号, year in its title or period (before the years the text cites,
    which are often a baseline 比2015年 or a target 到2020年). h18a. A location bar whose last
    step is a year says it first (h18br)."""
    for line in lines:
        if filed := FILED_UNDER.search(simplified(line).strip()):
            return int(filed.group(1))
    for line in lines:
        match = PAGE_DATE.search(line)
        if match and int(match.group(1)) > 1990:
            return int(match.group(1))
        if stamp_year(line):  # h18y: a bare time stamp set aside as chrome
            return stamp_year(line)
    return None
