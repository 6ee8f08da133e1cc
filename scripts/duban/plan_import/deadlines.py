"""Deadline phrases → the model's computable deadlines (``due`` items).

``parse_deadline`` reads the phrase of a clause (完成时限：…) part by part (parts split on ，；)
and returns the items, the assumptions it made (a year taken from the plan, 全年 read as a
year) and the parts it did not understand. Nothing is guessed silently: every assumption is a
sentence for the review report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from duban.model.deadlines import month_end
from duban.plan_import.chinese import numeral_value, simplified
from duban.plan_import.date_forms import (
    DONE_IN_MONTH,
    cell_dates,
    date_digits,
    distinct_dates,
    numbered_points,
    tight,
)
from duban.plan_import.event_deadlines import event_due
from duban.plan_import.leader_names import PINYIN_NOTE
from duban.plan_import.year_points import BARE_YEAR_BEFORE

N = r"[0-9０-９]+|[一二三四五六七八九十两]+"
EVERY_WORDS = {
    # how a plan writes each kind of period (the kinds are model.deadlines.EVERY)
    "每年": "year",
    "每半年": "half-year",
    "每季度": "quarter",
    "每季": "quarter",
    "每月": "month",
}
ONGOING = re.compile(
    r"长期坚持|持续推进|常态化|长期开展|持续开展|长期|经常性|持续|常态(?:工作|推进|开展)"
)
FOLLOW_UP = re.compile(r"限期整改|确定的期限|另行通知|另行确定")
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
COMPARATOR = r"(?:不低于|不少于|达到|保持|超过|高于|≥|>=)"

UNWRITTEN_ID = "unwritten"
"""The id of the due item the importer writes for a task whose text names no deadline: the data
needs one, the document has none. Marked (id, label, as_written) so that nobody reads it as the
document's 持续推进, and so that a comparison with hand-curated data can count it as no deadline."""


def unwritten_due() -> dict:
    """The clearly marked 'no deadline written' form: ongoing (never overdue by itself) until the
    reviewer writes the real one."""
    return {
        "kind": "ongoing",
        "id": UNWRITTEN_ID,
        "label": "原文未写完成时限",
        "as_written": "原文未写完成时限",
    }


UNDATED_ID = "undated"
"""The id of a due item whose phrase names no year in a plan whose document names none (h18a)."""


def undated_due(part: str, result: Parsed) -> list[dict]:
    """年底前 in a plan that names no year anywhere: kept as written, not dated (never the clock's
    year); ongoing like the unwritten form, marked, until the plan is imported again with --year."""
    result.assumptions.append(f"“{part}”未写年份，原文中也找不到方案的年份：照原文记录，未换算日期")
    return [
        {"kind": "ongoing", "id": UNDATED_ID, "label": f"{part}（未写年份）", "as_written": part}
    ]


@dataclass
class Parsed:
    due: list[dict] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def count_value(text: str) -> int | None:
    """The number of a count (每年至少两次: 2), Arabic or Chinese."""
    return numeral_value(text.replace("两", "二"))


def deadline_parts(phrase: str) -> list[str]:
    """The parts of a deadline phrase, split at every clause mark."""
    parts = re.split(r"[；;，,。]", phrase)
    return [q.strip() for p in parts for q in numbered_points(p.strip()) if q.strip()]


WITHIN_YEAR = re.compile(rf"^[^，,。；;]{{0,12}}年内{DONE_IN_MONTH}")


def parse_deadline(phrase: str, *, default_year: int, context: str = "") -> Parsed:
    """The due items of a deadline phrase; ``context`` is the item's own text
    (自…起, 下季度首月…)."""
    result = Parsed()
    parts = deadline_parts(phrase)
    milestone: dict | None = None
    for part in parts:
        # h18j: 年內(nèi)完成: a converter's pinyin is no part of the words
        folded = tight(cell_dates(date_digits(simplified(PINYIN_NOTE.sub("", part)), default_year)))
        target = _milestone_target(folded, part)
        if target:
            if milestone is None:
                milestone = _new_milestones(folded)
                milestone["as_written"] = part
                result.due.append(milestone)
            else:
                milestone["as_written"] += "，" + part
            milestone["targets"].append(target)
            continue
        milestone = None
        items = _parse_part(folded, part, default_year, result)
        if items is None:
            result.unread.append(part)
            continue
        result.due.extend(items)
    result.due = distinct_dates(result.due)
    _merge_check_ins(result)
    _after_dated_step(result)
    _enrich_from_context(result, simplified(context))
    if len(result.due) > 1:
        _name(result.due)
    return result


def _yearless(folded: str) -> bool:
    """A phrase the branches below date in the plan's year (年底前, 上半年, 6月底前, 全年)."""
    return bool(
        re.search(
            r"年底|年末|[上下]半年|第?[一二三四1-4]季度"
            r"|\d{1,2}月(?:份)?(?:底|末)|\d{1,2}月\d{1,2}日",
            folded,
        )
        or "全年" in folded
        or folded in ("年内", "当年", "本年度", "今年")
    )


def _milestone_target(folded: str, part: str) -> dict | None:
    match = re.search(
        rf"(\d{{4}})年(?:年)?(?:底|末)?(?:(\d{{1,2}})月(?:底|末)?)?.*?{COMPARATOR}\s*(\d+(?:\.\d+)?)\s*[%％]",
        folded,
    )
    if not match:
        return None
    year, month = int(match.group(1)), match.group(2)
    date = month_end(year, int(month)) if month else dt.date(year, 12, 31)
    value = float(match.group(3))
    return {"date": date, "min": int(value) if value.is_integer() else value, "as_written": part}


def _new_milestones(folded: str) -> dict:
    name = re.search(rf"\d{{4}}年(?:年)?(?:底|末)?(?:前)?(.*?){COMPARATOR}", folded)
    indicator = (name.group(1).strip(" ，,") if name else "") or "达标率"
    return {
        "kind": "milestones",
        "label": re.sub(r"率$", "", indicator) or indicator,
        "indicator": {
            "id": "indicator",
            "name": indicator,
            "unit": "percent",
            "measure": "share-of-units-done",
        },
        "targets": [],
    }


def _parse_part(folded: str, part: str, default_year: int, result: Parsed) -> list[dict] | None:
    base = {"as_written": part}
    every = next(
        (EVERY_WORDS[w] for w in sorted(EVERY_WORDS, key=len, reverse=True) if w in folded), None
    )
    if every is None and re.search(r"次年", folded):
        every = "year"
    if every:
        item = {"kind": "recurring", "every": every}
        _recurring_details(folded, item)
        return [{**item, **base}]
    if FOLLOW_UP.search(folded):
        return [{"kind": "follow-up", "trigger": part, **base}]
    counted = event_due(folded, part, default_year, result.assumptions)
    if counted:
        return [counted]
    match = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", folded)
    if match:
        try:
            return [{"kind": "date", "date": dt.date(*map(int, match.groups())), **base}]
        except ValueError:
            return None
    match = re.search(r"(\d{4})年(\d{1,2})月(?:份)?(?:底|末)?(?:前|内|完成)?", folded)
    if match and 1 <= int(match.group(2)) <= 12:
        return [
            {"kind": "date", "date": month_end(int(match.group(1)), int(match.group(2))), **base}
        ]
    match = re.search(r"(\d{4})年(上|下)半年", folded)
    if match:
        return [
            {
                "kind": "period",
                "period": f"{match.group(1)}-H{1 if match.group(2) == '上' else 2}",
                **base,
            }
        ]
    match = re.search(r"(\d{4})年(?:第)?([一二三四1-4])季度", folded)
    if match:
        return [
            {"kind": "period", "period": f"{match.group(1)}-Q{QUARTERS[match.group(2)]}", **base}
        ]
    match = re.search(r"(\d{4})年?\s*(?:至|到|—|－|-|~|～)\s*(\d{4})年", folded)
    if match:
        result.assumptions.append(f"“{part}”读作到{match.group(2)}年底完成（期间内持续推进）")
        return [{"kind": "period", "period": match.group(2), **base}]
    match = re.search(r"(\d{4})年(?:年)?(?:底|末)", folded)
    if match:
        return [{"kind": "period", "period": match.group(1), **base}]
    # h18as: 2014年前, 到该年为止, as 2016年底前 is (SOURCES.md 第二十批); 2023年度内 (a cell,
    # h18m) likewise since session 37: the year, not the day 12-31
    match = re.search(r"(\d{4})年(?:前|以前|之前|内)", folded)
    match = match or re.search(BARE_YEAR_BEFORE, folded)  # h18bx: 2011前 (年 dropped)
    if match:
        result.assumptions.append(f"“{part}”读作到{match.group(1)}年底（含{match.group(1)}年）")
        return [{"kind": "period", "period": match.group(1), **base}]
    if not default_year and _yearless(folded):
        return undated_due(part, result)
    if re.search(r"年底|年末", folded):
        result.assumptions.append(f"“{part}”未写年份，按{default_year}年理解")
        return [{"kind": "period", "period": str(default_year), **base}]
    match = re.search(r"(上|下)半年", folded)
    if match:
        result.assumptions.append(f"“{part}”未写年份，按{default_year}年理解")
        return [
            {
                "kind": "period",
                "period": f"{default_year}-H{1 if match.group(1) == '上' else 2}",
                **base,
            }
        ]
    match = re.search(r"第([一二三四1-4])季度", folded)
    if match:
        result.assumptions.append(f"“{part}”未写年份，按{default_year}年理解")
        return [{"kind": "period", "period": f"{default_year}-Q{QUARTERS[match.group(1)]}", **base}]
    match = re.search(
        r"(\d{1,2})月(?:份)?(?:底|末)(?:前)?|(\d{1,2})月(\d{1,2})日(?:前|以前|之前)", folded
    )
    if match and not re.search(r"\d{4}年", folded):
        month = int(match.group(1) or match.group(2))
        if 1 <= month <= 12:
            day = int(match.group(3)) if match.group(3) else None
            try:
                date = dt.date(default_year, month, day) if day else month_end(default_year, month)
            except ValueError:
                return None
            result.assumptions.append(f"“{part}”未写年份，按{default_year}年理解")
            return [{"kind": "date", "date": date, **base}]
    if default_year and re.fullmatch(rf"年内(?:{ONGOING.pattern})", folded):
        return [{"kind": "period", "period": str(default_year), **base}]  # h18p: 年内持续推进
    if WITHIN_YEAR.match(folded):  # h18j: 宏图路年内完成工程量的50% (a 目标进度 cell): by its end
        result.assumptions.append(f"“{part}”按{default_year}年理解，{default_year}年底前完成")
        return [{"kind": "period", "period": str(default_year), **base}]
    if "全年" in folded or folded in ("年内", "当年", "本年度", "今年"):
        result.assumptions.append(f"“{part}”按{default_year}年理解，{default_year}年12月31日到期")
        return [{"kind": "year", "year": default_year, **base}]
    if ONGOING.search(folded):
        return [{"kind": "ongoing", **base}]
    if re.search(r"下季度首月|下季度第一个月|下月", folded):
        item = {"kind": "recurring", "every": "month" if "下月" in folded else "quarter"}
        _recurring_details(folded, item)
        return [{**item, **base}]
    return None


def _recurring_details(folded: str, item: dict) -> None:
    every = item["every"]
    day = None
    if match := re.search(r"(?:下(?:一)?季度|每季度?)(?:首月|第一个月)(\d{1,2})日", folded):
        item.update(due_in="next-period", month=1)
        day = match.group(1)
    elif match := re.search(r"(?:每)?季度?末月(\d{1,2})日", folded):
        item["month"] = 3
        day = match.group(1)
    elif match := re.search(r"次年(\d{1,2})月(?:(\d{1,2})日|底|末)?", folded):
        item.update(due_in="next-period", month=int(match.group(1)))
        day = match.group(2)
    elif match := re.search(r"每月(\d{1,2})日", folded):
        day = match.group(1)
    elif match := re.search(r"下月(\d{1,2})日", folded):
        item["due_in"] = "next-period"
        day = match.group(1)
    elif every == "year" and (match := re.search(r"(\d{1,2})月(?:(\d{1,2})日|底|末|份)", folded)):
        item["month"] = int(match.group(1))
        day = match.group(2)
        if re.search(r"上一?年度|上年", folded) or (
            match.group(2) and int(match.group(1)) <= 3 and "上" in folded
        ):
            item["due_in"] = "next-period"
    elif every == "year" and (match := re.search(r"第([一二三四1-4])季度", folded)):
        item["month"] = QUARTERS[match.group(1)] * 3
    elif every == "half-year" and (
        match := re.search(r"(?:每半年)?(?:末月|最后一个月)(\d{1,2})日", folded)
    ):
        item["month"] = 6
        day = match.group(1)
    if day:
        item["day"] = int(day)
    times = re.search(rf"(?:至少|不少于|不低于)\s*({N})\s*(?:次|回|期|场)", folded)
    if times is None and "至少" in folded:
        times = re.search(rf"({N})\s*次", folded)
    if times:
        item["times"] = count_value(times.group(1))
    if match := re.search(
        r"(?:不少于|不低于|至少)\s*(\d+(?:\.\d+)?)\s*(学时|小时|课时|天|日|篇|件|人次|场次)", folded
    ):
        value = float(match.group(1))
        item["amount"] = int(value) if value.is_integer() else value
        item["amount_unit"] = match.group(2)
    elif "至少" in folded and re.search(r"一次|1次", folded) and "times" not in item:
        item["times"] = 1


def _merge_check_ins(result: Parsed) -> None:
    """常态化推进，下季度首月15日前报送: one ongoing item with a periodic check-in."""
    ongoing = [d for d in result.due if d["kind"] == "ongoing"]
    checks = [
        d
        for d in result.due
        if d["kind"] == "recurring" and "每" not in simplified(d["as_written"])
    ]
    if len(ongoing) == 1 and len(checks) == 1:
        check = checks[0]
        result.due.remove(check)
        ongoing[0]["as_written"] += "，" + check["as_written"]
        ongoing[0]["check_in"] = {k: v for k, v in check.items() if k not in ("kind", "as_written")}


def _after_dated_step(result: Parsed) -> None:
    """2023年6月底前完成，此后长期坚持: the ongoing item starts the day after the dated step."""
    for before, after in zip(result.due, result.due[1:], strict=False):
        step = before["kind"] == "date" and after["kind"] == "ongoing" and "from" not in after
        if step and re.search(r"此后|之后|以后", simplified(after["as_written"])):
            after["from"] = before["date"] + dt.timedelta(days=1)


def _enrich_from_context(result: Parsed, context: str) -> None:
    """自2023年第二季度起 / 自2023年4月起 in the item's text; a day phrase for a bare 每季度."""
    start = None
    if match := re.search(r"[自从](\d{4})年(?:第)?([一二三四1-4])季度起", context):
        start = dt.date(int(match.group(1)), QUARTERS[match.group(2)] * 3 - 2, 1)
    elif (match := re.search(r"[自从](\d{4})年(\d{1,2})月(?:份)?起", context)) and 1 <= int(
        match.group(2)
    ) <= 12:
        start = dt.date(int(match.group(1)), int(match.group(2)), 1)
    for item in result.due:
        if item["kind"] == "milestones" and item["indicator"]["name"] == "达标率":
            year = item["targets"][0]["date"].year
            if match := re.search(rf"([^，,。；;\s]{{2,30}}率)\s*(?:到|至)?{year}年", context):
                item["indicator"]["name"] = match.group(1)
                item["label"] = match.group(1)
        if item["kind"] != "recurring":
            continue
        if "due_in" not in item and re.search(
            {"month": r"上月|上一个月", "quarter": r"上季度|上一季度"}.get(item["every"], "(?!)"),
            context,
        ):
            item["due_in"] = "next-period"
        last_year = re.search(r"上一?年度|上年", context)
        if (
            item["every"] == "year"
            and item.get("month", 12) <= 3
            and last_year
            and "due_in" not in item
        ):
            item["due_in"] = "next-period"
        if start and "from" not in item:
            item["from"] = start
        if not any(k in item for k in ("times", "amount")):
            probe = {"every": item["every"]}
            _recurring_details(context, probe)
            for key in ("times", "amount", "amount_unit"):
                if key in probe:
                    item[key] = probe[key]
        if "day" not in item and "month" not in item:
            probe = dict(item)
            _recurring_details(context, probe)
            for key in ("due_in", "month", "day"):
                if key in probe:
                    item[key] = probe[key]


def _name(items: list[dict]) -> None:
    used: set[str] = set()
    for index, item in enumerate(items):
        base = "main" if index == 0 else item["kind"].replace("follow-up", "follow-up")
        name, count = base, 2
        while name in used:
            name, count = f"{base}-{count}", count + 1
        used.add(name)
        item["id"] = name
        if item["kind"] == "milestones":
            item["indicator"]["id"] = f"indicator-{index + 1}"
