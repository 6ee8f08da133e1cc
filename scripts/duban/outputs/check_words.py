"""The words every format of the check report shares: which occurrence, how late, which stage,
who supervises, the count line."""

from __future__ import annotations

from duban.evaluation.check_report import CheckItem, CheckReport
from duban.evaluation.escalation import Escalation
from duban.evaluation.evaluate import ItemState, State
from duban.i18n.messages import say
from duban.i18n.periods import period_words


# -- words shared by every format ----------------------------------------------------------------
def occurrence_label(check_item: CheckItem) -> str:
    """Which deadline of the task (its label, when the task has more than one or the label says
    more than the task's heading: never the data's id, such as ``main``) and which period, in
    words (2010年上半年, not 2010-H1)."""
    due, item = check_item.due, check_item.item
    parts = []
    task = check_item.task
    if due.label and (len(task.due) > 1 or due.label not in task.heading):
        parts.append(due.label)
    if item.key:
        parts.append(period_words(item.key))
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
    """The counts in Chinese; with ``--lang en`` the English follows (the rest of the report
    is the office's Chinese)."""
    chinese = (
        f"逾期 {report.overdue} 项（其中未报送 {report.overdue_not_reported} 项），"
        f"临期 {report.due_soon} 项，标记 {len(report.flags)} 个"
        f"（截至 {report.as_of.isoformat()}）"
    )
    english = (
        f"{report.overdue} overdue ({report.overdue_not_reported} not reported), "
        f"{report.due_soon} due soon, {len(report.flags)} flagged as of {report.as_of.isoformat()}"
    )
    return say(f"{chinese} / {english}", chinese)


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


def item_parts(check_item: CheckItem, said: dict[str, tuple[str, str]] | None = None) -> list[str]:
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
