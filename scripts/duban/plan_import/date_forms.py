"""Dates as offices write them, brought to the digits the deadline reader knows (branch h18g):
``二〇二四年六月底前`` (numerals in characters), ``明年6月底前`` / ``今年底`` (the plan's year and
the next), ``12月中旬前`` (上旬 the 10th, 中旬 the 20th, 下旬 the month's end), ``6月至12月``
and ``2024年6月-2025年3月`` (a span of months: due at its end), ``三季度末`` (a quarter without
第), and a 完成时限 cell holding a month alone (``11月``: by that month's end). Only the text
parsed changes; the phrase as written is kept as written."""

from __future__ import annotations

import re

from duban.plan_import.chinese import ASCII_DIGITS
from duban.plan_import.numbering import separator

DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _small(word: str) -> int:
    """一 … 三十一 as a number."""
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + SMALL[word[1]]
    if "十" in word:
        tens, _, ones = word.partition("十")
        return SMALL[tens] * 10 + (SMALL[ones] if ones else 0)
    return SMALL[word]


NUMBER = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
CHINESE_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})年")
CHINESE_MONTH = re.compile(rf"(?<![第每])({NUMBER})(?=月)")
CHINESE_DAY = re.compile(rf"(?<=月)({NUMBER})(?=日)")
XUN = {"上": "10日前", "中": "20日前", "下": "底前"}


def arabic_years(text: str) -> str:
    """二〇二一年 → 2021年 (four characters for four: offsets into the text stay right)."""
    return CHINESE_YEAR.sub(lambda m: m.group(1).translate(DIGITS) + "年", text)


CLOCK = re.compile(
    r"(?<=日)\s*(?:[0-2]?\d[:：][0-5]\d|[0-2]?\d[时点](?:[0-5]?\d分)?)(?=\s*(?:前|之前|以前|止))"
)
"""h18au: the time of day of a day's deadline (6月20日18：00前, 四川 2014): the day is the date."""


def without_clock(folded: str) -> str:
    """The phrase with a deadline's time of day taken off (6月20日18：00前 → 6月20日前)."""
    return CLOCK.sub("", folded)


def date_digits(folded: str, default_year: int | None = None) -> str:
    """The simplified phrase with its dates in digits (see the module's text)."""
    folded = arabic_years(folded).translate(ASCII_DIGITS)  # h18ak: ２０２０年底前, ASCII digits
    folded = without_clock(folded)
    folded = CHINESE_MONTH.sub(lambda m: str(_small(m.group(1))), folded)
    folded = CHINESE_DAY.sub(lambda m: str(_small(m.group(1))), folded)
    if default_year:
        folded = re.sub(r"^今年(?=\d|底|末|内)", f"{default_year}年", folded)
        folded = re.sub(r"^明年(?=\d|底|末|内|上|下)", f"{default_year + 1}年", folded)
    folded = re.sub(
        r"(\d{1,2})月(上|中|下)旬(?:前|末)?", lambda m: m.group(1) + "月" + XUN[m.group(2)], folded
    )
    folded = re.sub(
        r"(?<!\d)\d{1,2}月(?:份)?\s*(?:至|到|—+|－|-|~|～)\s*(\d{1,2})月(?:份)?(?!\d|底|末)",
        r"\1月底",
        folded,
    )
    folded = re.sub(
        r"\d{4}年\d{1,2}月(?:份)?\s*(?:至|到|—+|－|-|~|～)\s*(\d{4}年\d{1,2}月)(?:份)?(?:底|末)?(?!\d)",
        r"\1底",
        folded,
    )
    folded = re.sub(r"(?<![第每下上\d])([一二三四1-4])季度", r"第\1季度", folded)
    folded = YEAR_ALONE.sub(r"\1年底", folded)  # h18m: 2025年 / 到2025年 / 2024年完成: that year
    folded = NUMERIC_DATE.sub(r"\1年\2月\3日", folded)  # h18m: 2023.6.30 / 2023-06-30
    folded = MONTH_SPAN.sub(r"\1月底", folded)  # h18m: 6-9月: by the end of the span
    folded = re.sub(r"^((?:\d{4}年)?\d{1,2}月\d{1,2}日)$", r"\1前", folded)  # a cell: 9月30日
    folded = re.sub(r"(\d{4})年度内", r"\1年内", folded)
    return re.sub(r"^(\d{1,2})月(?:份)?$", r"\1月底", folded)


NUMERIC_DATE = re.compile(r"(?<!\d)(\d{4})\s*[./\-／]\s*(\d{1,2})\s*[./\-／]\s*(\d{1,2})(?!\d)日?")
"""h18m: a date in digits, as a 完成时间 cell writes it (2023.6.30, 2023-06-30, 2023/6/30)."""
MONTH_SPAN = re.compile(r"(?<![\d.])(?:\d{1,2})\s*[-—－~～]\s*(\d{1,2})月(?:份)?(?!\d|底|末)")
"""h18m: 6-9月 / 2023年6-9月 (the months of a span written once): by the last month's end."""
YEAR_ALONE = re.compile(
    r"^\s*(?:到|至|截至|截止|力争|计划|预计|于)?\s*(\d{4}(?=\s*年)|(?:19|20)\d{2})\s*(?:年度?)?\s*"
    r"(?:前后|完成|全面完成|基本完成|实现|建成|见效|竣工|投用|完工)?\s*[。；;]?\s*$"
)
"""A deadline naming a year and nothing finer (a 完成时限 cell 2025年, 到2025年): the year's end;
h18ca: its 年 may be left out (a 完成时限 cell 2020, 渝中 2020)."""


# h18i: 2021.8 (新昌 2021, a 计划完成时间 cell): a year and a month, by that month's end
YEAR_DOT_MONTH = re.compile(r"(?<![\d.．])((?:19|20)\d{2})[.．](1[0-2]|0?[1-9])(?![\d.．])")
# one digit: the points of a deadline cell (1、…2、…), not a row's number
POINT = re.compile(rf"(?:^|(?<=\s))([1-9]){separator()}(?=\S)")


DONE_ON_DAY = re.compile(
    r"(?<!\d)(\d{1,2}月\d{1,2}日)(?![前内])(?=[\u4e00-\u9fff]{0,8}?"
    r"(?:完成|建成|投入|投用|竣工|开工|动工|启用|开放|通车|交付|开通|上线|运营))"
)
"""h18i: 物流中心7月1日项目投入试运营 (新昌 2021): done on that day, so due by it."""


QUARTER_MONTH = re.compile(
    r"第?[一二三四1-4]季度\s*[（(]\s*(1[0-2]|0?[1-9])月(?:份)?(?:底|末)?\s*[)）]"
)
"""h18p: 第四季度(11月份) (a county's 工作进度安排 cell): the month it names, by its end."""


def cell_dates(folded: str) -> str:
    """2021.8 → 2021年8月底; 7月1日…投入试运营 → 7月1日前 (h18i); 第四季度(11月份) → 11月底."""
    folded = YEAR_DOT_MONTH.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月底", folded)
    folded = QUARTER_MONTH.sub(lambda m: f"{int(m.group(1))}月底", folded)
    return DONE_ON_DAY.sub(r"\1前", folded)


def numbered_points(phrase: str) -> list[str]:
    """h18i: a cell's time points numbered 1、… 2、… (``1.2021年8月 2.2021年12月``, ``1、…7月1日…
    2、…2022年12月底…``): one part each, when they run 1, 2, 3 …; else the phrase whole."""
    marks = list(POINT.finditer(phrase))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return [phrase]
    if phrase[: marks[0].start()].strip():
        return [phrase]
    ends = [m.start() for m in marks[1:]] + [len(phrase)]
    return [phrase[m.end() : end].strip() for m, end in zip(marks, ends, strict=True)]


def distinct_dates(items: list[dict]) -> list[dict]:
    """h18i: the same date written twice (a merged row's 10月底 and 计划10月底完成…): once; the
    same period too (h18j)."""
    seen: set[object] = set()
    out = []
    for item in items:
        # h18j: and the same period (年內完成…50%, 年內完成…75%: the year once, 宁波江北 2023)
        key = item.get(item["kind"]) if item.get("kind") in ("date", "period") else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        out.append(item)
    return out


def tight(folded: str) -> str:
    """2016 年 6 月底前 as a table's cell spaces it (h18c): no space around a date's digits;
    2016年6底前 (月 left out) is the month's end."""
    folded = re.sub(
        r"(?<=[0-9])[ \u3000]+(?=[年月日个季底])|(?<=[年月])[ \u3000]+(?=[0-9底])", "", folded
    )
    folded = re.sub(r"(?<=[0-9]年)([0-9]{1,2})(?=底|末)", r"\1月", folded)
    # 9月投入使用 / 10月建成 (a 完成时限 cell, h18g): done in that month, by its end
    return re.sub(rf"(?<![0-9])([0-9]{{1,2}})月(?:份)?(?={DONE_IN_MONTH})", r"\1月底", folded)


FINISHED = r"(?:完毕|完成|建成|竣工|完工)"
"""The words that say a work is finished (h18br: 10月份…安装完毕); 开工 is a start."""
DONE_IN_MONTH = rf"(?:{FINISHED}|投入使用|投用|开工|动工|启用|开放|通车|交付|开通|上线)"
"""What done in a month says of a 完成时限 cell; h18j: 完工 too (宁波江北 2023: 7月完工)."""


POLICY_VALIDITY = re.compile(
    r"(?:延续|延长|继续)(?:执行|实施)?(?:期限)?(?:至|到)\s*(?:19|20)\d{2}\s*年(?:底|末|12月31日)?"
    r"|有效期(?:延长)?(?:至|到)\s*(?:19|20)\d{2}\s*年(?:底|末|12月31日)?"
)
"""h18bp: 等政策延续执行至2027年底 / 有效期至2025年底 (嘉兴): how long another policy lasts (a tax
relief's validity), neither when the task is due nor the plan's year (SOURCES.md 第二十六批)."""


def masked(pattern: re.Pattern[str], text: str) -> str:
    """The text with every match of ``pattern`` written over by ``#``: the same length, so an
    offset found in the masked text is the offset in the text (phrases read around others')."""
    return pattern.sub(lambda m: "#" * len(m.group()), text)


def without_validity(folded: str) -> str:
    """The text with each policy's validity masked (the same length: offsets stay right)."""
    return masked(POLICY_VALIDITY, folded)
