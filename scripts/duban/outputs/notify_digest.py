"""The reminders of ``duban notify``: one digest per unit with something overdue or due soon, and
the office's summary of every unit, read from the check report (never a second computation of
states: the same :class:`~duban.evaluation.check_report.CheckReport` as ``duban check``).

A digest is lines of chat Markdown: a title, a few lines of counts, one line per item, and the
links. Text from data is never trusted: :func:`plain` turns the characters chat Markdown reads
(links, emphasis, mentions such as WeCom's ``<@userid>``, headings) into their full-width
look-alikes and folds line breaks, so a task's heading can neither link, mention nor format.
Splitting for a platform's limits is :mod:`duban.outputs.notify_messages`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from duban.evaluation.check_report import CheckItem, CheckReport
from duban.evaluation.escalation import Escalation
from duban.evaluation.evaluate import State
from duban.i18n.messages import say
from duban.outputs.check_markdown import SiteLinks
from duban.outputs.check_words import occurrence_label

OFFICE = "office"
"""The key of the office's summary (a unit's digest is keyed by its id)."""

# what chat Markdown reads, and a look-alike that it does not
_MARKUP = str.maketrans(
    {
        "[": "［",
        "]": "］",
        "(": "（",
        ")": "）",
        "<": "＜",
        ">": "＞",
        "*": "＊",
        "_": "＿",
        "`": "｀",
        "#": "＃",
        "|": "｜",
        "~": "～",
        "\\": "＼",
        "@": "＠",
        "!": "！",
    }
)
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text from data, safe in any chat Markdown: one line, no markup, no mention, no link."""
    return _SPACE.sub(" ", text).strip().translate(_MARKUP)


def link(text: str, url: str | None) -> str:
    """A Markdown link to an https address (the site's, the form's), else the words alone."""
    if url and url.startswith("https://") and not re.search(r"[\s()<>\"']", url):
        return f"[{plain(text)}]({url})"
    return plain(text)


@dataclass(frozen=True)
class Digest:
    """One reminder before splitting: ``key`` is the unit's id, or ``office``."""

    key: str
    title: str
    intro: tuple[str, ...]
    items: tuple[str, ...]
    links: tuple[str, ...]
    units: tuple[str, ...] = ()
    """The units it is about (its own id, or every unit the office's summary lists)."""


def lateness(check_item: CheckItem) -> str:
    item = check_item.item
    if item.state is State.OVERDUE:
        days = item.days_late or 0
        words = say(f"**{days} days overdue**", f"**逾期 {days} 天**")
        return words + ("" if item.reported else say(" (not reported)", "（未报送）"))
    if item.days_left == 0:
        return say("due today", "今天到期")
    return say(f"due in {item.days_left} days", f"还剩 {item.days_left} 天")


def stage_words(escalation: Escalation | None) -> str:
    if escalation is None:
        return ""
    text = plain(escalation.stage_name)
    if escalation.since is not None:
        text += say(
            f" since {escalation.since.isoformat()}", f"（{escalation.since.isoformat()} 起）"
        )
    if escalation.respond_by is not None:
        text += say(
            f", answer by {escalation.respond_by.isoformat()}",
            f"，{escalation.respond_by.isoformat()} 前答复",
        )
    if escalation.next_step:
        text += say("; next: ", "；下一步：") + plain(escalation.next_step)
    return say("stage: ", "督办阶段：") + text


def item_line(number: int, check_item: CheckItem) -> str:
    """One item: how late, which task and deadline, the due date, the escalation stage."""
    what = check_item.task.heading
    if check_item.plan_name:
        what = f"《{check_item.plan_name}》{what}"
    occurrence = occurrence_label(check_item)
    parts = [
        lateness(check_item),
        plain(f"{what} {occurrence}".strip()),
        say(f"due {check_item.item.due.isoformat()}", f"到期 {check_item.item.due.isoformat()}"),
        stage_words(check_item.escalation),
    ]
    return f"{number}. " + " · ".join(p for p in parts if p)


def _counts(overdue: int, not_reported: int, due_soon: int, days: int) -> str:
    return say(
        f"Overdue: {overdue} (not reported: {not_reported}); due within {days} days: {due_soon}.",
        f"逾期 {overdue} 项（其中未报送 {not_reported} 项），{days} 天内到期 {due_soon} 项。",
    )


def unit_digests(
    report: CheckReport, links: SiteLinks, form_url: str | None = None
) -> list[Digest]:
    """One digest per unit the report lists, in the report's order."""
    digests = []
    summaries = {s.holder.id: s for s in report.unit_summaries()}
    as_of = report.as_of.isoformat()
    for holder, items in report.units:
        summary = summaries[holder.id]
        name = plain(holder.display_name)
        title = say(f"Reminder for {name} (as of {as_of})", f"督办提醒：{name}（截至 {as_of}）")
        intro = [
            _counts(
                summary.overdue,
                summary.overdue_not_reported,
                summary.due_soon,
                report.due_soon_days,
            )
        ]
        if summary.highest_stage:
            stage = plain(summary.highest_stage)
            intro.append(say(f"Highest stage: {stage}.", f"已到督办阶段：{stage}。"))
        lines = [item_line(n, ci) for n, ci in enumerate(items, 1)]
        found = [
            link(say("this unit's page", "本单位公开页"), links.unit(holder.id)),
            link(say("report progress", "填报落实情况"), form_url),
        ]
        shown = tuple(f for f in found if f.startswith("["))
        digests.append(Digest(holder.id, title, tuple(intro), tuple(lines), shown, (holder.id,)))
    return digests


def office_digest(report: CheckReport, links: SiteLinks) -> Digest:
    """The office's summary: the counts, then one line per unit (most escalated first)."""
    as_of = report.as_of.isoformat()
    title = say(f"Reminders sent: summary as of {as_of}", f"督办提醒汇总（截至 {as_of}）")
    summaries = report.unit_summaries()
    intro = [
        _counts(report.overdue, report.overdue_not_reported, report.due_soon, report.due_soon_days),
        say(
            f"Units with something overdue or due soon: {len(summaries)}.",
            f"有逾期或临期事项的单位 {len(summaries)} 个。",
        ),
    ]
    if not summaries:
        intro.append(say("Nothing is overdue or due soon.", "没有逾期或临期事项。"))
    lines = []
    for number, unit in enumerate(summaries, 1):
        name = link(unit.holder.display_name, links.unit(unit.holder.id))
        words = say(
            f"overdue {unit.overdue} (not reported {unit.overdue_not_reported}), "
            f"due soon {unit.due_soon}",
            f"逾期 {unit.overdue} 项（未报送 {unit.overdue_not_reported} 项），"
            f"临期 {unit.due_soon} 项",
        )
        if unit.longest_days_late:
            words += say(
                f", up to {unit.longest_days_late} days late",
                f"，最长逾期 {unit.longest_days_late} 天",
            )
        if unit.highest_stage:
            words += say(", stage: ", "，督办阶段：") + plain(unit.highest_stage)
        lines.append(f"{number}. {name}{say(': ', '：')}{words}")
    overdue_page = link(say("the overdue list", "督办清单"), links.overdue())
    shown = (overdue_page,) if overdue_page.startswith("[") else ()
    units = tuple(u.holder.id for u in summaries)
    return Digest(OFFICE, title, tuple(intro), tuple(lines), shown, units)
