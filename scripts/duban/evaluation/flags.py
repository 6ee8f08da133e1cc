"""Flags raised by the rankings and gradings rules, from the records known on ``as_of``.

* Ranking rule (task 十七): a unit last in ``consecutive`` rankings in a row of the same rule and
  scope is flagged, from the date of the last of them. "In a row" counts published rankings in
  period order (连续两次通报), so a period with no ranking does not break a streak, but a
  ranking in which the unit is not last does.
* Grading rule (task 十八): a unit whose recheck after 限期整改 is still failing is flagged
  (removal), from the recheck date; a unit failing the yearly inspection ``failing_years``
  calendar years running (连续三年, judged on each year's inspection grade) is flagged from the
  date of the last of those inspections.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from duban.model.supervision import Grade, Grading, GradingRule, RankingRule, Records, Rules


@dataclass(frozen=True)
class Flag:
    """A unit singled out by a rule.

    Fields: ``rule_id`` (the rule in data/rules.yaml), ``holder_id``, ``task_id``, ``message``
    (Chinese, from data), ``since`` (the date the condition was met), ``kind``
    (``last-in-a-row``, ``still-failing`` or ``failing-years``).
    """

    rule_id: str
    holder_id: str
    task_id: str
    message: str
    since: dt.date | None
    kind: str = ""


def ranking_flags(rule: RankingRule, records: Records, as_of: dt.date) -> list[Flag]:
    series: dict[str | None, list] = defaultdict(list)
    for ranking in records.rankings:
        if ranking.rule_id == rule.id and ranking.date <= as_of:
            series[ranking.scope].append(ranking)
    flags: dict[str, Flag] = {}
    for rankings in series.values():
        streak: dict[str, int] = {}
        for ranking in sorted(rankings, key=lambda r: r.period):
            last = set(ranking.last(rule.better, rule.places))
            streak = {h: streak.get(h, 0) + 1 for h in last}
            for holder, count in streak.items():
                if count >= rule.consecutive and holder not in flags:
                    flags[holder] = Flag(
                        rule.id, holder, rule.task_id, rule.message, ranking.date, "last-in-a-row"
                    )
    return list(flags.values())


def _year_grades(rule: GradingRule, records: Records, as_of: dt.date) -> list[Grading]:
    return sorted(
        (g for g in records.gradings if g.rule_id == rule.id and g.date <= as_of),
        key=lambda g: g.year,
    )


def _still_failing(rule: GradingRule, grade: Grade, as_of: dt.date) -> bool:
    return (
        rule.is_failing(grade.grade)
        and grade.recheck_date is not None
        and grade.recheck_date <= as_of
        and rule.is_failing(grade.recheck_grade)
    )


def grading_flags(rule: GradingRule, records: Records, as_of: dt.date) -> list[Flag]:
    flags: list[Flag] = []
    gradings = _year_grades(rule, records, as_of)
    if rule.still_failing_message:
        for grading in gradings:
            for grade in grading.grades:
                if _still_failing(rule, grade, as_of):
                    flags.append(
                        Flag(
                            rule.id,
                            grade.holder_id,
                            rule.task_id,
                            rule.still_failing_message,
                            grade.recheck_date,
                            "still-failing",
                        )
                    )
    if rule.failing_years and rule.failing_years_message:
        run: dict[str, tuple[int, int]] = {}  # holder -> (last failing year, years in a row)
        raised: set[str] = set()
        for grading in gradings:
            for grade in grading.grades:
                if not rule.is_failing(grade.grade):
                    run.pop(grade.holder_id, None)
                    continue
                last_year, count = run.get(grade.holder_id, (0, 0))
                count = count + 1 if last_year == grading.year - 1 else 1
                run[grade.holder_id] = (grading.year, count)
                if count >= rule.failing_years and grade.holder_id not in raised:
                    raised.add(grade.holder_id)
                    flags.append(
                        Flag(
                            rule.id,
                            grade.holder_id,
                            rule.task_id,
                            rule.failing_years_message,
                            grading.date,
                            "failing-years",
                        )
                    )
    return flags


def all_flags(rules: Rules, records: Records, as_of: dt.date) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    for ranking_rule in rules.rankings:
        flags.extend(ranking_flags(ranking_rule, records, as_of))
    for grading_rule in rules.gradings:
        flags.extend(grading_flags(grading_rule, records, as_of))
    return tuple(sorted(flags, key=lambda f: (f.task_id, f.rule_id, f.kind, f.holder_id)))
