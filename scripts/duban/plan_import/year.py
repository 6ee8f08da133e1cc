"""The year of a plan, from its document and never from the clock: the signing date, the 文号
(〔2023〕), the title, the period, the web page's 发布日期, the dates in the text, in that order;
``--year`` only when none is found (h18f moved it out of ``plan``, which had grown too long)."""

from __future__ import annotations

import datetime as dt
import re

from duban.plan_import.assessed_year import without_assessed
from duban.plan_import.chinese import simplified
from duban.plan_import.date_forms import arabic_years, without_validity
from duban.plan_import.deadline_years import deadline_year, deadline_years
from duban.plan_import.findings import Finding, Findings
from duban.plan_import.five_year_end import broken_down_plan_start
from duban.plan_import.head import Head, own_words
from duban.plan_import.notice_deadlines import notice_deadline
from duban.plan_import.segment import Node
from duban.plan_import.year_period import Period

NO_YEAR = (
    "原文中找不到年份（没有落款日期、文号、实施期限或带年份的日期）：未写年份的时限（年底前、6月底前、"
    "全年……）照原文记录，没有换算为日期；方案的成文日期（signed）和实施期限（period）没有写。"
    "请用 --year 指定方案的年份后重新导入，例如 --year 2024"
)
"""The first line of the review of a plan whose document names no year (h18a)."""


YEAR = re.compile(r"(?<![\d比较])(?<!相比)(20\d{2}|19\d{2})年")
"""A year the text names; h18bp: not a base of comparison (比2015年下降15%, 较2015年增长), which
says what a target is measured against, never when the plan was written (温室气体 2017)."""


PAGE_DATE = "网页的发布日期或位置栏"
"""Where a plan's year came from when the page's date or location bar gave it."""


class YearReading(Findings):
    """How the importer finds the plan's year and period (mixed into the Importer)."""

    text: str
    given_year: int | None
    default_year: int
    page_year: int | None
    period: Period | None
    year_missing: bool
    notice_due: str | None  # h18ak: the notice's one deadline for every item
    next_year: int | None  # h18p: the year 明年 names (the signing year's next), when signed

    @staticmethod
    def _years(text: str) -> list[int]:
        return [int(y) for y in YEAR.findall(without_validity(text))]

    def _document_year(self, head: Head, years: list[int]) -> tuple[int, str, bool] | None:
        """The plan's year from the document: the signing date, the 文号 (〔2023〕), the title,
        the period, the dates in the text, in that order; ``--year`` only when none is found.
        The flag: the page's date was reached and passed over (:meth:`_page_year`)."""
        number = re.search(
            r"[〔\[【(（［]\s*((?:19|20)\d{2})\s*[〕\]】)）］]", head.document_number or ""
        )
        title = re.search(  # h18ak: 二〇二一年度… too
            r"(?<!\d)((?:19|20)\d{2})(?!\d)", arabic_years(without_assessed(own_words(head.title)))
        )
        page = self._page_year(head)
        passed_over = False
        for year, where in (
            (head.signed.year if head.signed else None, "成文日期"),
            (int(number.group(1)) if number else None, "文号"),
            (int(title.group(1)) if title else None, "标题"),
            (head.period[0] if head.period else None, "实施期限"),
            (page, PAGE_DATE),  # h18br: …> 2010年
            (broken_down_plan_start(simplified(self.text)), "所分解的五年规划的首年"),  # h18af
            (deadline_year(self.text[head.body_start :]), "完成时限中的日期"),  # h18y
            (min(years) if years else None, "正文中的日期"),
            (self._cited_year(head), "所依据文件的文号"),  # h18s: the latest it carries out
            (self.given_year, "--year"),
        ):
            passed_over = passed_over or (where == PAGE_DATE and page != self.page_year)
            if year:
                return year, where, passed_over
        return None

    def _page_year(self, head: Head) -> int | None:
        """The page's year, unless it is later than every year the plan's own deadlines name
        (h18ca, 渝中 2020: a topic column's page of 2021-11-02 holding a table whose 完成时限
        cells all say 2020): a plan is not issued after all its work was due, so the page went
        up later (SOURCES.md 第二十七批: a page filed in an archive) and the plan's year comes
        from its deadlines (第二十批: the text's own years when nothing above names one)."""
        own = deadline_years(self.text[head.body_start :])
        return None if own and self.page_year and max(own) < self.page_year else self.page_year

    def _cited_year(self, head: Head) -> int | None:
        """The latest year of the 文号 the plan's head cites (根据《…》(国办发〔2019〕39号)): a plan
        is written after the documents it carries out (only when nothing else names a year)."""
        cited = re.findall(
            r"[〔\[【(（［]\s*((?:19|20)\d{2})\s*[〕\]】)）］]\s*\d{1,4}\s*[号號]",
            self.text[: head.body_start],
        )
        return max(int(y) for y in cited) if cited else None

    def _period_and_year(self, head: Head, roots: list[Node]) -> None:
        self.notice_due = notice_deadline(head.notice_text, head.preamble)  # h18ak
        years = self._years(self.text[head.body_start :])
        found = self._document_year(head, years or self._years(self.text))
        self.next_year = head.signed.year + 1 if head.signed else None
        if found is None:  # never refused, never the clock: the dates are left to --year
            self.period, self.year_missing, self.default_year = None, True, 0
            self.unread.insert(0, Finding(0, NO_YEAR))
            return
        year, where, page_passed_over = found
        if page_passed_over:
            self._assume(  # h18ca: why the page's date was passed over
                0,
                f"网页的发布日期（{self.page_year} 年）晚于文中所有完成时限，"
                "是页面发布或转载的日期，不作方案的年份",
            )
        if where != "成文日期":
            self._assume(0, f"方案的年份按{where}取为 {year} 年（未找到落款日期）")
        if head.period:
            start, end, written = head.period
            if re.fullmatch(r"\d{4}年度?", written):
                self._assume(0, f"实施期限按标题中的“{written}”理解：{start}年1月1日至12月31日")
        else:
            start = year
            end = max([start, *[y for y in years if start <= y <= start + 10]])
            written = None
            self._assume(
                0,
                f"方案未写实施期限：按{start}年1月1日至{end}年12月31日（签发年份至文中最晚的年份）",
            )
        self.period = {"start": dt.date(start, 1, 1), "end": dt.date(end, 12, 31)}
        if written:
            self.period["as_written"] = written
        self.default_year = year if start <= year <= end else start
        if not head.signed:
            head.signed = self.period["start"]
            self._assume(
                0,
                f"未找到成文日期（落款日期）：signed 暂按实施期限开始日 {head.signed} 填写，"
                "请改为落款日期",
            )
