"""What is late and what falls due soon, grouped by the unit that answers for it.

:func:`check_report` selects from an evaluation; the ``render_*`` functions turn the report into
the formats of ``duban check`` (text, JSON, Markdown, GitHub workflow commands) and the body of
the issue the daily overdue workflow keeps up to date. All of them build strings; the command
line writes them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .escalation import Escalation
from .evaluate import Evaluation, ItemState, State
from .flags import Flag
from .model import Due, Holder, Model, Source, Task
from .problems import printable
from .render import urls

FAIL_ON = ("overdue", "due-soon", "never")
DEFAULT_FAIL_ON = "never"
"""A pull request that records progress on something already late must not fail: lateness is
a fact about the calendar, not about the change (docs/ci.md)."""


# slots: a province lists tens of thousands; not frozen, for speed (see ItemState)
@dataclass(slots=True)
class CheckItem:
    """One overdue or due-soon occurrence, with what a supervisor needs to act on it."""

    item: ItemState
    task: Task
    due: Due
    supervisors: tuple[Holder, ...]
    supervisor_role: str
    """``supervise`` (监督单位), else ``lead`` (牵头单位) when the task names no supervisor."""
    escalation: Escalation | None
    where: Source
    """The line that defines the obligation: the status entry if there is one, else the due."""
    plan_name: str | None = None
    """The plan's short name when the report spans several plans (None for one plan)."""
    stage_rank: int = -1
    """The escalation stage's place on its ladder (0 = first stage); -1 without a stage."""

    @property
    def reported(self) -> bool:
        """未报送 when False: no holder has recorded anything for this occurrence."""
        return self.item.reported


@dataclass(frozen=True)
class UnitSummary:
    """One unit's line of the 督办清单 summary: how much is late, how late, how escalated."""

    holder: Holder
    overdue: int
    overdue_not_reported: int
    due_soon: int
    longest_days_late: int | None
    highest_stage: str | None
    """The name of the most advanced escalation stage among its overdue items."""
    highest_stage_rank: int


@dataclass(frozen=True)
class Summary:
    """Counts over every occurrence evaluated (not only the listed ones): the 总体情况 of the
    督办通报 and the ledger come from here, so they equal ``duban check --format json``.

    ``states`` counts occurrences by state (not-applicable included, under its own key);
    ``total`` leaves not-applicable out. ``reported`` counts occurrences with a status entry
    (not-applicable left out). ``units_on_time``: holders with something due by ``as_of``, all
    of it done on time (按期完成). ``units_reported``: holders that recorded anything at all.
    ``plans_ended``: plans whose period ended before ``as_of``.
    """

    total: int
    states: dict[str, int]
    reported: int
    overdue_reported: int
    overdue_not_reported: int
    due_soon_not_reported: int
    units_on_time: tuple[str, ...]
    units_reported: tuple[str, ...]
    plans_ended: tuple[str, ...]

    @property
    def not_reported(self) -> int:
        return self.total - self.reported

    @property
    def nothing_reported(self) -> bool:
        return self.reported == 0 and not self.units_reported


@dataclass(frozen=True)
class CheckReport:
    as_of: dt.date
    due_soon_days: int
    units: tuple[tuple[Holder, tuple[CheckItem, ...]], ...]
    flags: tuple[Flag, ...]
    holders: dict[str, Holder]
    summary: Summary | None = None

    # cached: every format asks for these counts, and a province lists tens of thousands of items
    @cached_property
    def items(self) -> list[CheckItem]:
        return [item for _, items in self.units for item in items]

    @cached_property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.item.state is State.OVERDUE)

    @cached_property
    def due_soon(self) -> int:
        return sum(1 for i in self.items if i.item.state is State.DUE_SOON)

    @cached_property
    def overdue_not_reported(self) -> int:
        """Overdue with nothing recorded (逾期未报送)."""
        return sum(1 for i in self.items if i.item.state is State.OVERDUE and not i.reported)

    @property
    def overdue_reported(self) -> int:
        return self.overdue - self.overdue_not_reported

    def unit_summaries(self) -> list[UnitSummary]:
        """One line per listed unit, most overdue items first, then the longest delay."""
        result = []
        for holder, items in self.units:
            late = [i for i in items if i.item.state is State.OVERDUE]
            staged = max(late, key=lambda i: i.stage_rank, default=None)
            result.append(
                UnitSummary(
                    holder,
                    len(late),
                    sum(1 for i in late if not i.reported),
                    len(items) - len(late),
                    max((i.item.days_late or 0 for i in late), default=None),
                    staged.escalation.stage_name
                    if staged is not None and staged.escalation is not None
                    else None,
                    staged.stage_rank if staged is not None else -1,
                )
            )
        return sorted(
            result,
            key=lambda u: (-u.highest_stage_rank, -u.overdue, -(u.longest_days_late or 0)),
        )

    def fails(self, fail_on: str) -> bool:
        if fail_on == "overdue":
            return self.overdue > 0
        if fail_on == "due-soon":
            return self.overdue + self.due_soon > 0
        return False


def supervisors_of(model: Model, task: Task) -> tuple[str, tuple[Holder, ...]]:
    role, ids = model.supervisors(task)
    return role, tuple(h for h in (model.entity(i) for i in ids) if h is not None)


def check_report(model: Model, evaluation: Evaluation, only_overdue: bool = False) -> CheckReport:
    """Overdue (and, unless ``only_overdue``, due-soon) occurrences by holder, most late first."""
    wanted = (State.OVERDUE,) if only_overdue else (State.OVERDUE, State.DUE_SOON)
    holders = {**model.holders, **model.groups}
    by_holder: dict[str, list[CheckItem]] = {}
    # a province lists tens of thousands of items over a few dozen tasks: what depends only on
    # the task or the deadline is worked out once
    per_task: dict[str, tuple[Task, str, tuple[Holder, ...], str | None]] = {}
    dues: dict[tuple[str, str], Due] = {}
    for item in evaluation.items:
        if item.state not in wanted:
            continue
        known = per_task.get(item.task_id)
        if known is None:
            task = model.tasks[item.task_id]
            role, supervisors = supervisors_of(model, task)
            plan_name = None if model.single_plan else model.plans[task.plan_id].display_name
            known = per_task[item.task_id] = (task, role, supervisors, plan_name)
        task, role, supervisors, plan_name = known
        due = dues.get((item.task_id, item.due_id))
        if due is None:
            found_due = task.due_item(item.due_id)
            assert found_due is not None
            due = dues[(item.task_id, item.due_id)] = found_due
        where = item.entry.source if item.entry is not None else due.source
        found = evaluation.escalations.get(item.ref) if evaluation.escalations else None
        by_holder.setdefault(item.holder_id, []).append(
            CheckItem(
                item,
                task,
                due,
                supervisors,
                role,
                found,
                where,
                plan_name=plan_name,
                stage_rank=stage_rank(model, item, found),
            )
        )
    order = {holder_id: index for index, holder_id in enumerate(holders)}
    units = tuple(
        (holders[holder_id], tuple(sorted(items, key=_item_order)))
        for holder_id, items in sorted(by_holder.items(), key=lambda kv: order.get(kv[0], 0))
    )
    return CheckReport(
        evaluation.as_of,
        evaluation.due_soon_days,
        units,
        evaluation.flags,
        holders,
        summarize(model, evaluation),
    )


def stage_rank(model: Model, item: ItemState, found: Escalation | None) -> int:
    """Where a stage stands on its ladder (escalation order, not alphabetical); -1 for none."""
    if found is None:
        return -1
    ladder = model.rules.ladder_for(item.task_id)
    ids = [s.id for s in ladder.stages] if ladder is not None else []
    return ids.index(found.stage) if found.stage in ids else -1


_SETTLED = frozenset({State.DONE_ON_TIME, State.DONE_LATE, State.OVERDUE, State.MISSED})
"""States in which an occurrence's outcome is known: done (on time or late), overdue or missed."""


def summarize(model: Model, evaluation: Evaluation) -> Summary:
    """Counts over every occurrence of the evaluation (see :class:`Summary`), in one pass."""
    by_state: Counter[State] = Counter()
    reported = overdue_reported = due_soon_not_reported = 0
    all_on_time: dict[str, bool] = {}
    """holder -> whether everything it had to do by now was done on time"""
    for item in evaluation.items:
        state = item.state
        by_state[state] += 1
        if state is State.NOT_APPLICABLE or not item.reported:
            if state is State.DUE_SOON:
                due_soon_not_reported += 1
        else:
            reported += 1
            overdue_reported += state is State.OVERDUE
        if state in _SETTLED:
            on_time = state is State.DONE_ON_TIME
            for holder in item.holders:
                all_on_time[holder] = all_on_time.get(holder, True) and on_time
    tasks = set(model.tasks)
    reporters = {entry.holder_id for entry in model.status.values() if entry.task_id in tasks}
    return Summary(
        total=len(evaluation.items) - by_state[State.NOT_APPLICABLE],
        states={state.value: by_state[state] for state in State},
        reported=reported,
        overdue_reported=overdue_reported,
        overdue_not_reported=by_state[State.OVERDUE] - overdue_reported,
        due_soon_not_reported=due_soon_not_reported,
        units_on_time=tuple(h for h in model.holders if all_on_time.get(h, False)),
        units_reported=tuple(h for h in {**model.holders, **model.groups} if h in reporters),
        plans_ended=tuple(p.id for p in model.plans_in_order() if p.period_end < evaluation.as_of),
    )


def _item_order(check_item: CheckItem) -> tuple[Any, ...]:
    item = check_item.item
    return (
        item.state is not State.OVERDUE,
        item.due,
        check_item.task.order,
        item.due_id,
        item.key,
    )


# -- words shared by every format ----------------------------------------------------------------
def task_label(task: Task) -> str:
    return f"{task.label}{task.title}"


def occurrence_label(check_item: CheckItem) -> str:
    """Which deadline of the task and which period, when the task has more than one."""
    due, item = check_item.due, check_item.item
    parts = []
    if len(check_item.task.due) > 1:
        parts.append(due.label or due.id)
    if item.key:
        parts.append(item.key)
    return " ".join(parts)


def lateness(item: ItemState) -> str:
    if item.state is State.OVERDUE:
        return f"逾期 {item.days_late} 天" + ("" if item.reported else "（未报送）")
    if item.days_left == 0:
        return "今天到期"
    return f"还剩 {item.days_left} 天"


def escalation_text(escalation: Escalation | None) -> str:
    if escalation is None:
        return ""
    text = escalation.stage_name
    if escalation.since is not None:
        text += f"（{escalation.since.isoformat()} 起）"
    if escalation.respond_by is not None:
        text += f"，期限 {escalation.respond_by.isoformat()}"
    if escalation.next_step:
        text += f"；下一步：{escalation.next_step}"
    return text


def supervisor_text(check_item: CheckItem) -> str:
    if not check_item.supervisors:
        return ""
    role = "监督单位" if check_item.supervisor_role == "supervise" else "牵头单位"
    return f"{role}：{'、'.join(h.display_name for h in check_item.supervisors)}"


def count_line(report: CheckReport) -> str:
    return (
        f"逾期 {report.overdue} 项（其中未报送 {report.overdue_not_reported} 项），"
        f"临期 {report.due_soon} 项，标记 {len(report.flags)} 个"
        f"（截至 {report.as_of.isoformat()}） / {report.overdue} overdue "
        f"({report.overdue_not_reported} not reported), "
        f"{report.due_soon} due soon, {len(report.flags)} flagged as of {report.as_of.isoformat()}"
    )


def reported_line(report: CheckReport) -> str | None:
    """The first thing to say when no unit has reported anything, or a plan has ended."""
    summary = report.summary
    if summary is None:
        return None
    parts = []
    if summary.nothing_reported:
        parts.append("尚无任何单位报送落实情况：以下逾期事项均为未报送，不代表已报送但逾期")
    if summary.plans_ended:
        parts.append(f"方案实施期已结束（{'、'.join(summary.plans_ended)}）")
    return "；".join(parts) + "。" if parts else None


def _item_parts(check_item: CheckItem, said: dict[str, tuple[str, str]] | None = None) -> list[str]:
    """The words of one listed item. ``said``: the task's words already worked out, by task id
    (a province lists tens of thousands of items over a few dozen tasks)."""
    item = check_item.item
    known = said.get(item.task_id) if said is not None else None
    if known is None:
        what = task_label(check_item.task)
        if check_item.plan_name:
            what = f"《{check_item.plan_name}》{what}"
        known = (what, supervisor_text(check_item))
        if said is not None:
            said[item.task_id] = known
    what, supervisors = known
    occurrence = occurrence_label(check_item)
    return [
        p
        for p in (
            lateness(item),
            f"{what} {occurrence}".strip(),
            f"到期 {item.due.isoformat()}",
            supervisors,
            escalation_text(check_item.escalation),
        )
        if p
    ]


def _holder_name(report: CheckReport, holder_id: str) -> str:
    holder = report.holders.get(holder_id)
    return holder.display_name if holder else holder_id


# -- text ----------------------------------------------------------------------------------------
def render_text(report: CheckReport) -> str:
    as_of = report.as_of.isoformat()
    lines = [f"督办检查 duban check：截至 {as_of}，临期窗口 {report.due_soon_days} 天"]
    first = reported_line(report)
    if first:
        lines.append(first)
    said: dict[str, tuple[str, str]] = {}
    for holder, items in report.units:
        lines += ["", f"{holder.name} ({holder.id})"]
        lines += [f"  {' · '.join(_item_parts(item, said))}" for item in items]
    if report.flags:
        lines += ["", "标记 flags"]
        for flag in report.flags:
            since = f"（{flag.since.isoformat()} 起）" if flag.since else ""
            lines.append(f"  {_holder_name(report, flag.holder_id)}：{flag.message}{since}")
    lines += ["", count_line(report)]
    return "\n".join(lines) + "\n"


# -- JSON ----------------------------------------------------------------------------------------
def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def report_data(report: CheckReport, fail_on: str | None = None) -> dict[str, Any]:
    def item_data(ci: CheckItem) -> dict[str, Any]:
        item, esc = ci.item, ci.escalation
        return {
            "plan": ci.task.plan_id,
            "task": ci.task.local_id,
            "task_label": ci.task.label,
            "task_number": ci.task.number,
            "task_title": ci.task.title,
            "holders": list(item.holders),
            "due": item.due_id,
            "period": item.key,
            "due_date": item.due.isoformat(),
            "state": item.state.value,
            "reported": item.reported,
            "days_late": item.days_late,
            "days_left": item.days_left,
            "supervisor_role": ci.supervisor_role or None,
            "supervisors": [{"id": h.id, "name": h.display_name} for h in ci.supervisors],
            "escalation": None
            if esc is None
            else {
                "stage": esc.stage,
                "stage_rank": ci.stage_rank,
                "stage_name": esc.stage_name,
                "next_step": esc.next_step,
                "since": _date(esc.since),
                "respond_by": _date(esc.respond_by),
            },
            "file": ci.where.file,
            "line": ci.where.line,
        }

    summaries = {u.holder.id: u for u in report.unit_summaries()}
    return {
        "as_of": report.as_of.isoformat(),
        "due_soon_days": report.due_soon_days,
        "fail_on": fail_on,
        "fails": report.fails(fail_on) if fail_on else None,
        "counts": {
            "overdue": report.overdue,
            "overdue_reported": report.overdue_reported,
            "overdue_not_reported": report.overdue_not_reported,
            "due_soon": report.due_soon,
            "flags": len(report.flags),
        },
        "summary": summary_data(report.summary),
        "units": [
            {
                "id": h.id,
                "name": h.name,
                "overdue": summaries[h.id].overdue,
                "overdue_not_reported": summaries[h.id].overdue_not_reported,
                "due_soon": summaries[h.id].due_soon,
                "longest_days_late": summaries[h.id].longest_days_late,
                "highest_stage": summaries[h.id].highest_stage,
                "items": [item_data(i) for i in items],
            }
            for h, items in report.units
        ],
        "flags": [
            {
                "rule": f.rule_id,
                "kind": f.kind,
                "unit": f.holder_id,
                "plan": f.task_id.partition("/")[0],
                "task": f.task_id.partition("/")[2],
                "message": f.message,
                "since": _date(f.since),
            }
            for f in report.flags
        ],
    }


def summary_data(summary: Summary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {
        "total": summary.total,
        "states": summary.states,
        "reported": summary.reported,
        "not_reported": summary.not_reported,
        "overdue_reported": summary.overdue_reported,
        "overdue_not_reported": summary.overdue_not_reported,
        "due_soon_not_reported": summary.due_soon_not_reported,
        "nothing_reported": summary.nothing_reported,
        "units_reported": list(summary.units_reported),
        "units_on_time": list(summary.units_on_time),
        "plans_ended": list(summary.plans_ended),
    }


def render_json(report: CheckReport, fail_on: str | None = None) -> str:
    return json.dumps(report_data(report, fail_on), ensure_ascii=False, indent=2) + "\n"


# -- Markdown ------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~@!&#])")


def md(text: str) -> str:
    """Data as literal Markdown text: no formatting, links, HTML, tables or @-mentions."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_link(text: str, url: str | None) -> str:
    return f"[{md(text)}]({url})" if url else md(text)


@dataclass(frozen=True)
class SiteLinks:
    """Links into the published site, by the site's own URL rules (duban.render.urls).

    ``directory_urls`` must match ``use_directory_urls`` in mkdocs.yml (false there, so the
    site also works from a file share: ``units/beta.html``).
    """

    base: str | None
    directory_urls: bool = False

    def _url(self, src_uri: str) -> str | None:
        if not self.base:
            return None
        page = urls.page_url(src_uri, self.directory_urls).removeprefix("./")
        return self.base.rstrip("/") + "/" + page

    def task(self, task_id: str) -> str | None:
        return self._url(urls.task_page(task_id))

    def unit(self, holder_id: str) -> str | None:
        return self._url(urls.unit_page(holder_id))

    def overdue(self) -> str | None:
        return self._url(urls.OVERDUE)


def _md_items(report: CheckReport, links: SiteLinks, budget: int | None = None) -> list[str]:
    """Items as Markdown lines by unit; with a ``budget`` (characters), the lines that would
    exceed it are left out and counted in a last line instead."""
    lines: list[str] = []
    used, left_out = 0, 0
    for holder, items in report.units:
        heading = ["", f"### {_md_link(holder.name, links.unit(holder.id))}", ""]
        rows = []
        for ci in items:
            parts = [md(p) for p in _item_parts(ci)]
            what = f"{task_label(ci.task)} {occurrence_label(ci)}".strip()
            parts[0] = f"**{parts[0]}**"
            parts[1] = _md_link(what, links.task(ci.task.id))
            rows.append("- " + " · ".join(parts))
        for row in rows:
            size = len(row) + 1 + (sum(len(h) + 1 for h in heading) if heading else 0)
            if budget is not None and used + size > budget:
                left_out += 1
                continue
            lines += [*heading, row]
            used += size
            heading = []
    if left_out:
        lines += ["", f"……另有 {left_out} 项因篇幅所限未列出，完整清单见督办清单或 `duban check`。"]
    return lines


def _md_flags(report: CheckReport, budget: int | None = None) -> list[str]:
    """Flags as Markdown lines; with a ``budget`` (characters), those beyond it are counted."""
    if not report.flags:
        return []
    lines = ["", "### 标记 Flags", ""]
    used, left_out = sum(len(line) + 1 for line in lines), 0
    for flag in report.flags:
        since = f"（{flag.since.isoformat()} 起）" if flag.since else ""
        line = f"- {md(_holder_name(report, flag.holder_id))}：{md(flag.message)}{since}"
        if budget is not None and used + len(line) + 1 > budget:
            left_out += 1
            continue
        lines.append(line)
        used += len(line) + 1
    if left_out:
        lines += ["", f"……另有 {left_out} 个标记因篇幅所限未列出，完整清单见 `duban check`。"]
    return lines


SUMMARY_BUDGET = 250_000
"""Characters the step summary's item list may take: GitHub drops a step summary over 1 MiB
whole, and a character is at most 4 bytes of UTF-8 (a province lists megabytes of items)."""


def render_markdown(
    report: CheckReport, site_url: str | None = None, budget: int | None = None
) -> str:
    """The report as Markdown (the ``--format markdown`` output and, with a ``budget`` of
    characters for its items and flags, the step summary)."""
    links = SiteLinks(site_url)
    lines = [
        f"## 督办检查：截至 {report.as_of.isoformat()}",
        "",
        f"逾期 **{report.overdue}** 项（其中未报送 {report.overdue_not_reported} 项），"
        f"临期（{report.due_soon_days} 天内）"
        f"**{report.due_soon}** 项，标记 **{len(report.flags)}** 个。",
    ]
    first = reported_line(report)
    if first:
        lines += ["", md(first)]
    lines += _md_items_and_flags(report, links, budget)
    return "\n".join(lines) + "\n"


def _md_items_and_flags(report: CheckReport, links: SiteLinks, budget: int | None) -> list[str]:
    """Items, then flags, within one ``budget`` of characters (None: all of them)."""
    items = _md_items(report, links, budget)
    if budget is None:
        return items + _md_flags(report)
    flags = _md_flags(report, budget - sum(len(line) + 1 for line in items))
    return items + flags


def issue_title(report: CheckReport) -> str:
    return f"督办：{report.overdue} 项逾期未完成（截至 {report.as_of.isoformat()}）"


ISSUE_BUDGET = 60_000
"""Characters the issue's items and flags may take: GitHub refuses issue bodies over 65,536."""


def render_overdue_issue(
    report: CheckReport, site_url: str | None = None, budget: int = ISSUE_BUDGET
) -> str:
    """The body of the issue the daily workflow keeps open while anything is overdue."""
    links = SiteLinks(site_url)
    overdue_page = links.overdue()
    lines = [
        f"截至 **{report.as_of.isoformat()}**，共有 **{report.overdue}** 项逾期未完成，"
        f"涉及 {len(report.units)} 个单位。",
        "",
        "各单位的逾期事项如下（按单位分组，逾期最久的在前）；完成后请在本单位的状态文件"
        "（`data/status/<单位>.yaml`）中登记，本议题每天自动更新，全部完成后自动关闭。",
    ]
    if overdue_page:
        lines += ["", f"督办清单：{overdue_page}"]
    lines += _md_items_and_flags(report, links, budget)
    lines += [
        "",
        "---",
        f"逾期 {report.overdue} 项 / {report.overdue} overdue as of {report.as_of.isoformat()}。"
        "本议题由 `duban report overdue-issue` 生成，请勿手工编辑。",
    ]
    return "\n".join(lines) + "\n"


# -- GitHub workflow commands ---------------------------------------------------------------------
def _escape_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CheckReport) -> str:
    """One ``::error`` (overdue) or ``::warning`` (due soon) per item, at the defining line."""
    lines = []
    for holder, items in report.units:
        for ci in items:
            level = "error" if ci.item.state is State.OVERDUE else "warning"
            title = f"{holder.display_name}：{lateness(ci.item)}"
            message = " · ".join(_item_parts(ci))
            lines.append(
                f"::{level} file={_escape_property(ci.where.path)},line={ci.where.line},"
                f"title={_escape_property(title)}::{_escape_data(message)}"
            )
    lines.append(count_line(report))
    return "\n".join(lines) + "\n"
