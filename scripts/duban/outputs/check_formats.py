"""The formats of ``duban check``: text, JSON, Markdown and GitHub workflow commands, and the body
of the issue the daily overdue workflow keeps up to date.

Each turns a :class:`~duban.evaluation.check_report.CheckReport` into a string; the command line
writes it. A format is one entry of :data:`FORMATS`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from duban.evaluation.check_report import CheckItem, CheckReport, Summary
from duban.evaluation.escalation import Escalation
from duban.evaluation.evaluate import ItemState, State
from duban.model.problems import workflow_command
from duban.outputs import urls


# -- words shared by every format ----------------------------------------------------------------
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
        what = check_item.task.heading
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
    """Links into the published site, by the site's own URL rules (duban.outputs.urls).

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
            what = f"{ci.task.heading} {occurrence_label(ci)}".strip()
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
def render_github(report: CheckReport) -> str:
    """One ``::error`` (overdue) or ``::warning`` (due soon) per item, at the defining line."""
    lines = []
    for holder, items in report.units:
        for ci in items:
            level = "error" if ci.item.state is State.OVERDUE else "warning"
            title = f"{holder.display_name}：{lateness(ci.item)}"
            message = " · ".join(_item_parts(ci))
            where = ci.where
            lines.append(
                workflow_command(level, message, file=where.path, line=where.line, title=title)
            )
    lines.append(count_line(report))
    return "\n".join(lines) + "\n"


# -- the formats of ``duban check --format`` -----------------------------------------------------
@dataclass(frozen=True)
class CheckOptions:
    """What a format may need beyond the report."""

    fail_on: str | None = None
    site_url: str | None = None


CHECK_FORMATS: dict[str, Callable[[CheckReport, CheckOptions], str]] = {
    "text": lambda report, options: render_text(report),
    "json": lambda report, options: render_json(report, options.fail_on),
    "markdown": lambda report, options: render_markdown(report, options.site_url),
    "github": lambda report, options: render_github(report),
}
"""Each format of ``duban check``: a new one is a function here and a line in this table."""
