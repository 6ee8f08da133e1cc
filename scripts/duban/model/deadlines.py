"""Calendar arithmetic for deadlines: period bounds and the occurrences of each kind of deadline.

Pure functions of their arguments; the clock is never read here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

import chinese_calendar
from chinese_calendar import constants

from duban.model.plan import After, Occurrence, Target

EVERY = ("year", "half-year", "quarter", "month")
_MONTHS_PER_PERIOD = {"year": 12, "half-year": 6, "quarter": 3, "month": 1}
_PERIOD_KEY = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>[0-9]{2})))?"
)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month ("2010年6月底前" is due on 2010-06-30)."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_key(every: str, start: dt.date) -> str:
    """The name of the period that starts on ``start``: 2010, 2010-H2, 2010-Q3 or 2010-07."""
    if every == "year":
        return f"{start.year}"
    if every == "half-year":
        return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    if every == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def period_every(key: str) -> str | None:
    """Which kind of period a key names, or None if it names none."""
    match = _PERIOD_KEY.fullmatch(key)
    if not match:
        return None
    if match["half"]:
        return "half-year"
    if match["quarter"]:
        return "quarter"
    if match["month"]:
        return "month" if 1 <= int(match["month"]) <= 12 else None
    return "year"


def periods(every: str, first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, dt.date]]:
    """Calendar periods of one kind that overlap ``[first, last]``, as (start, end) pairs."""
    size = _MONTHS_PER_PERIOD[every]
    month0 = (first.month - 1) // size * size + 1
    start = dt.date(first.year, month0, 1)
    while start <= last:
        end = add_months(start, size) - dt.timedelta(days=1)
        yield start, end
        start = end + dt.timedelta(days=1)


def period_bounds(key: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the period a key names (2023, 2023-H1, 2023-Q3, 2023-05)."""
    every = period_every(key)
    if every is None:
        raise ValueError(f"not a period: {key!r}")
    year = int(key[:4])
    if every == "year":
        first = dt.date(year, 1, 1)
    elif every == "half-year":
        first = dt.date(year, 1 + 6 * (int(key[6]) - 1), 1)
    elif every == "quarter":
        first = dt.date(year, 1 + 3 * (int(key[6]) - 1), 1)
    else:
        first = dt.date(year, int(key[5:7]), 1)
    return first, add_months(first, _MONTHS_PER_PERIOD[every]) - dt.timedelta(days=1)


def due_in_period(
    every: str, start: dt.date, month: int | None, day: int | None, next_period: bool
) -> dt.date:
    """The due date of the period starting on ``start``.

    ``next_period``: due in the period after it (a report on the quarter, due in the first month
    of the next). ``month``: which month of the due period (1 = its first; default its last);
    ``day``: which day of that month (default its last; clamped to the month's length, so 31
    means the month's end).
    """
    size = _MONTHS_PER_PERIOD[every]
    due_start = add_months(start, size) if next_period else start
    month_start = add_months(due_start, (month or size) - 1)
    last = month_end(month_start.year, month_start.month)
    return last if day is None else month_start.replace(day=min(day, last.day))


def recurring(
    every: str,
    first: dt.date,
    last: dt.date,
    month: int | None = None,
    day: int | None = None,
    next_period: bool = False,
) -> tuple[Occurrence, ...]:
    """One occurrence per period covered, named by that period.

    With no ``month``, ``day`` or ``next_period`` each is due on the period's last day (or on
    ``last`` if earlier: a duty that ends mid-period is due when it ends).
    """
    timed = month is not None or day is not None or next_period
    result = []
    for start, end in periods(every, first, last):
        due = due_in_period(every, start, month, day, next_period) if timed else min(end, last)
        result.append(Occurrence(period_key(every, start), due, max(start, first), end))
    return tuple(result)


def ongoing(starts: dt.date, ends: dt.date) -> tuple[Occurrence, ...]:
    """An ongoing duty with no check-in: one occurrence that never falls due by itself."""
    return (Occurrence("", ends, starts, ends),)


def single(due: dt.date, starts: dt.date) -> tuple[Occurrence, ...]:
    """A one-off deadline has one occurrence, named by the empty key."""
    return (Occurrence("", due, min(starts, due)),)


def milestones(targets: tuple[Target, ...], starts: dt.date) -> tuple[Occurrence, ...]:
    """Each holder answers for the final target; earlier targets are measured across holders."""
    return single(targets[-1].date, starts) if targets else ()


# working days (工作日) with the official make-up days (调休)
_KNOWN_DAYS = (*constants.holidays, *constants.workdays)
FIRST_YEAR = min(_KNOWN_DAYS).year
LAST_YEAR = max(_KNOWN_DAYS).year
"""The years whose official holidays and make-up days the installed chinesecalendar has."""


class WorkingDaysUnknown(ValueError):
    """Working days were asked for in a year chinesecalendar has no official notice for."""

    def __init__(self, year: int, where: str = "after.working_days") -> None:
        self.year = year
        version = getattr(chinese_calendar, "__version__", "")
        super().__init__(
            f"{where}: working days in {year} are not known to chinesecalendar {version}"
            f" (it has the official holidays of {FIRST_YEAR}..{LAST_YEAR}): update"
            " chinesecalendar, or count calendar days (leave out working_days)"
        )


def is_working_day(day: dt.date) -> bool:
    """A working day in mainland China: a weekday that is no statutory holiday, or a make-up
    working day (调休上班) on a weekend."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise WorkingDaysUnknown(day.year)
    return bool(chinese_calendar.is_workday(day))


def add_working_days(event: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``event`` (the event's own day is not counted)."""
    day = event
    left = count
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def due_after(event: dt.date, after: After) -> dt.date:
    """The last day allowed: N days, N working days or N months after the event's day."""
    if after.months is not None:
        return add_months(event, after.months)
    days = after.days or 0
    if after.working_days:
        return add_working_days(event, days)
    return event + dt.timedelta(days=days)
