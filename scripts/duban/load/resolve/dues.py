"""Deadlines (``due`` items of a task or sub-item): one builder per kind, listed in ``BUILDERS``.

Each builder turns a schema-valid item into a :class:`~duban.model.Due` with its occurrences and
reports what the schema cannot see (dates outside the plan period, targets out of order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from duban.load.resolve.context import Report, parse_date, source_of
from duban.load.strict_yaml import Document, KeyPath
from duban.model import deadlines
from duban.model.plan import After, Amount, Due, Indicator, Occurrence, Plan, Target


class DueContext:
    """What a builder needs: where the item is, the plan, and the reporter."""

    def __init__(self, report: Report, doc: Document, keys: KeyPath, plan: Plan):
        self.report = report
        self.doc = doc
        self.keys = keys
        self.plan = plan

    def problem(self, keys: KeyPath, message: str) -> None:
        self.report(self.doc, (*self.keys, *keys), message)

    def in_period(
        self, keys: KeyPath, day: dt.date, allowed_after: bool = False, hint: bool = True
    ) -> None:
        """``hint``: the item takes ``after_period`` (dated kinds; recurring and ongoing do not)."""
        plan = self.plan
        if day < plan.period_start or (day > plan.period_end and not allowed_after):
            hint = hint and not allowed_after and day > plan.period_end
            hint_text = " (write after_period: true if the text sets it so)" if hint else ""
            self.problem(
                keys, f"{day.isoformat()} is outside the plan period {span(plan)}{hint_text}"
            )


def span(plan: Plan) -> str:
    return f"{plan.period_start.isoformat()}..{plan.period_end.isoformat()}"


def _date(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    day = parse_date(item["date"])
    assert day
    ctx.in_period(("date",), day, item.get("after_period", False))
    # a dated deadline may carry targets on its indicator (e.g. coverage 100% by then)
    targets = _targets(ctx, item.get("targets", []), item.get("after_period", False))
    for t_index, target in enumerate(targets):
        if target.date > day:
            ctx.problem(
                ("targets", t_index, "date"), f"is after the deadline's date {day.isoformat()}"
            )
    starts = min(ctx.plan.period_start, day)
    return Due(**common, date=day, targets=targets, occurrences=deadlines.single(day, starts))


def _period(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    _, last = deadlines.period_bounds(item["period"])
    ctx.in_period(("period",), last, item.get("after_period", False))
    starts = min(ctx.plan.period_start, last)
    return Due(
        **common,
        period=item["period"],
        date=last,
        occurrences=deadlines.single(last, starts),
    )


def _year(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    day = deadlines.year_end(item["year"])
    plan = ctx.plan
    if not plan.period_start.year <= item["year"] <= plan.period_end.year:
        ctx.problem(("year",), f"is outside the plan period {span(plan)}")
    return Due(
        **common,
        year=item["year"],
        date=day,
        occurrences=deadlines.single(day, min(plan.period_start, day)),
    )


def _timing(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "month": item.get("month"),
        "day": item.get("day"),
        "due_in": item.get("due_in", "same-period"),
    }


def _check_month(ctx: DueContext, keys: KeyPath, item: dict[str, Any]) -> None:
    months = {"year": 12, "half-year": 6, "quarter": 3, "month": 1}[item["every"]]
    if item.get("month") is not None and item["month"] > months:
        ctx.problem((*keys, "month"), f"a {item['every']} has {months} month(s): use 1..{months}")


def duties_start(plan: Plan) -> dt.date:
    """Where a plan's duties start unless the data says otherwise (``from``): the signing date,
    or the period's start if that is later. Nothing is owed before the plan exists."""
    return max(plan.period_start, min(plan.signed, plan.period_end))


def _recurring(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    plan = ctx.plan
    first = parse_date(item.get("from")) or duties_start(plan)
    last = parse_date(item.get("until")) or plan.period_end
    ctx.in_period(("until",), last, hint=False)
    if last < first:
        ctx.problem(("until",), "is before from")
    _check_month(ctx, (), item)
    timing = _timing(item)
    occurrences = deadlines.recurring(
        item["every"],
        first,
        last,
        timing["month"],
        timing["day"],
        timing["due_in"] == "next-period",
    )
    # a report may cover periods before the plan (每年3月底前公布上一年度… in a plan of March
    # 2023 covers 2022) as long as every report falls due once the plan has started
    if first < plan.period_start and occurrences and occurrences[0].due < plan.period_start:
        ctx.problem(
            ("from",),
            f"{first.isoformat()} is before the plan period {span(plan)} and the report on "
            f"{occurrences[0].key} would fall due on {occurrences[0].due.isoformat()}, before the "
            "plan starts: start from a period whose report falls due inside the plan "
            "(due_in: next-period reports on the period before)",
        )
    return Due(
        **common,
        **timing,
        every=item["every"],
        times=item.get("times", 1),
        amount=item.get("amount"),
        amount_unit=item.get("amount_unit"),
        starts=first,
        ends=last,
        occurrences=occurrences,
        targets=_held(item, [o.due for o in occurrences]),
    )


def _held(item: dict[str, Any], days: list[dt.date]) -> tuple[Target, ...]:
    """A rate to hold every period (办复率100%): one target at each of ``days``."""
    hold = item.get("hold")
    if hold is None:
        return ()
    return tuple(
        Target(day, hold.get("min"), hold.get("max"), hold.get("as_written"))
        for day in sorted(set(days))
    )


def _ongoing(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    plan = ctx.plan
    first = parse_date(item.get("from")) or duties_start(plan)
    ctx.in_period(("from",), first, hint=False)
    check_in = item.get("check_in")
    if check_in is None:
        every = item.get("hold", {}).get("every", "year")
        ends = [
            min(end, plan.period_end) for _, end in deadlines.periods(every, first, plan.period_end)
        ]
        return Due(
            **common,
            starts=first,
            ends=plan.period_end,
            occurrences=deadlines.ongoing(first, plan.period_end),
            targets=_held(item, ends),
        )
    if "every" in item.get("hold", {}):
        ctx.problem(
            ("hold", "every"), "is not used with check_in: the target is held at each check-in"
        )
    _check_month(ctx, ("check_in",), check_in)
    timing = _timing(check_in)
    # the duty itself (key "", never due) and each periodic report, named by its period
    occurrences = deadlines.ongoing(first, plan.period_end) + deadlines.recurring(
        check_in["every"],
        first,
        plan.period_end,
        timing["month"],
        timing["day"],
        timing["due_in"] == "next-period",
    )
    return Due(
        **common,
        **timing,
        every=check_in["every"],
        starts=first,
        ends=plan.period_end,
        check_in=True,
        occurrences=occurrences,
        targets=_held(item, [o.due for o in occurrences if o.key]),
    )


def _milestones(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    targets = _targets(ctx, item["targets"], False, hint=False)  # no after_period here
    return Due(
        **common,
        targets=targets,
        occurrences=deadlines.milestones(targets, ctx.plan.period_start),
    )


def _follow_up(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    # its dates are set later by the supervising office's records
    return Due(**common, trigger=item.get("trigger"), occurrences=())


# deadlines counted from an event, and windows
def _after(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    # the event's date may come from a holder's report: occurrences are the evaluation's
    # (duban.evaluation.occurrences), like a follow-up's
    written = item["after"]
    after = After(
        written["event"],
        written.get("days"),
        written.get("months"),
        written.get("working_days", False),
        written.get("record"),
    )
    if after.is_record and not after.record:
        ctx.problem(
            ("after", "event"), "record needs after.record: the kind of record it counts from"
        )
    elif after.record and not after.is_record:
        ctx.problem(("after", "record"), "is only for event: record")
    event = {"signed": ctx.plan.signed, "published": ctx.plan.published}.get(after.event)
    if event is not None and after.working_days:
        try:
            deadlines.due_after(event, after)
        except deadlines.WorkingDaysUnknown as error:
            # the message names the field: the reporter adds file and line
            ctx.problem(("after", "working_days"), str(error).partition(": ")[2])
    return Due(**common, after=after, starts=duties_start(ctx.plan), occurrences=())


def _window(ctx: DueContext, item: dict[str, Any], common: dict[str, Any]) -> Due:
    if "window" in item:
        first, last = parse_date(item["window"]["from"]), parse_date(item["window"]["to"])
        assert first and last
        keys: KeyPath = ("window", "to")
        if last < first:
            ctx.problem(keys, "is before from")
    else:
        around = parse_date(item["around"]["date"])
        assert around
        first = around - dt.timedelta(days=item["around"]["days"])
        last = around + dt.timedelta(days=item["around"]["days"])
        keys = ("around", "date")
    ctx.in_period(keys, last, item.get("after_period", False))
    starts = min(ctx.plan.period_start, first)
    occurrence = Occurrence("", last, starts, opens=first)
    return Due(**common, date=last, starts=first, ends=last, occurrences=(occurrence,))


STEP_KINDS = ("date", "period", "year", "after", "window")
"""Deadlines another can be counted from (``after: {event: <its id>}``): one-off ones."""


def check_steps(ctx: DueContext, dues: list[Due]) -> None:
    """Each ``after`` counted from a step names another one-off deadline of the same task."""
    by_id = {d.id: d for d in dues}
    for index, due in enumerate(dues):
        if due.after is None or not due.after.is_step:
            continue
        step = by_id.get(due.after.event)
        keys: KeyPath = (index, "after", "event")
        if step is None or step is due:
            known = ", ".join(d.id for d in dues if d is not due and d.kind in STEP_KINDS)
            ctx.problem(
                keys,
                f"{due.after.event!r} is not signed, published or another deadline of this task"
                f" (its one-off deadlines: {known or 'none'})",
            )
        elif step.kind not in STEP_KINDS:
            ctx.problem(
                keys, f"deadline {step.id!r} is {step.kind}: count only from a one-off step"
            )


def check_figures_from(ctx: DueContext, dues: list[Due]) -> None:
    """An indicator's ``figures_from`` names another recurring deadline of the same task."""
    for index, due in enumerate(dues):
        own = [((index, "indicator"), due.indicator)] if due.indicator else []
        amounts = [
            ((index, "amounts", n, "indicator"), a.indicator) for n, a in enumerate(due.amounts)
        ]
        for keys, indicator in own + amounts:
            wanted = indicator.figures_from
            if wanted is None:
                continue
            source = next((d for d in dues if d.id == wanted and d is not due), None)
            if source is not None and source.kind == "recurring":
                continue
            known = ", ".join(d.id for d in dues if d is not due and d.kind == "recurring")
            ctx.problem(
                (*keys, "figures_from"),
                f"{wanted!r} is not a recurring deadline of this task"
                f" (its recurring deadlines: {known or 'none'})",
            )


BUILDERS: dict[str, Callable[[DueContext, dict[str, Any], dict[str, Any]], Due]] = {
    "date": _date,
    "period": _period,
    "year": _year,
    "recurring": _recurring,
    "ongoing": _ongoing,
    "milestones": _milestones,
    "follow-up": _follow_up,
    "after": _after,
    "window": _window,
}


def build_due(ctx: DueContext, item: dict[str, Any], due_id: str, holders: tuple[str, ...]) -> Due:
    indicator = Indicator(**item["indicator"]) if "indicator" in item else None
    if indicator is not None:
        _check_indicator(ctx, indicator)
    common: dict[str, Any] = {
        "id": due_id,
        "kind": item["kind"],
        "as_written": item.get("as_written"),
        "label": item.get("label"),
        "holder_ids": holders,
        "indicator": indicator,
        "source": source_of(ctx.doc, ctx.keys),
        "shared": item.get("shared"),
        "written": frozenset(item),
    }
    due = BUILDERS[item["kind"]](ctx, item, common)
    if "amounts" in item:
        due = replace(due, amounts=_amounts(ctx, item["amounts"], due))
    return due


def _amounts(ctx: DueContext, items: list[dict[str, Any]], due: Due) -> tuple[Amount, ...]:
    """Several amounts under one deadline: each its own indicator, with a target at each of the
    deadline's due dates (the holder reports once, with every figure)."""
    days = sorted({o.due for o in due.occurrences})
    amounts = []
    seen: set[str] = set()
    for index, written in enumerate(items):
        indicator = Indicator(**written["indicator"])
        _check_indicator(ctx, indicator, ("amounts", index))
        if indicator.id in seen or (due.indicator and indicator.id == due.indicator.id):
            ctx.problem(("amounts", index, "indicator", "id"), "is used twice in this deadline")
        seen.add(indicator.id)
        low, high = written.get("min"), written.get("max")
        if low is not None and high is not None and high < low:
            ctx.problem(("amounts", index, "max"), "is below min")
        targets = tuple(Target(day, low, high, written.get("as_written")) for day in days)
        amounts.append(Amount(indicator, targets))
    return tuple(amounts)


def _targets(
    ctx: DueContext, items: list[dict[str, Any]], after: bool, hint: bool = True
) -> tuple[Target, ...]:
    targets: list[Target] = []
    for t_index, target in enumerate(items):
        day = parse_date(target["date"])
        assert day
        t_keys: KeyPath = ("targets", t_index)
        ctx.in_period((*t_keys, "date"), day, after, hint)
        if targets and day <= targets[-1].date:
            ctx.problem((*t_keys, "date"), "milestones must be in date order")
        low, high = target.get("min"), target.get("max")
        if low is not None and high is not None and high < low:
            ctx.problem((*t_keys, "max"), "is below min")
        targets.append(Target(day, low, high, target.get("as_written")))
    return tuple(targets)


def _check_indicator(ctx: DueContext, indicator: Indicator, within: KeyPath = ()) -> None:
    needs = {"ratio-of-figures": ("numerator", "denominator"), "sum-of-figures": ("figure",)}
    for name in needs.get(indicator.measure, ()):
        if getattr(indicator, name) is None:
            ctx.problem(
                (*within, "indicator", name), f"is required when measure is {indicator.measure}"
            )
