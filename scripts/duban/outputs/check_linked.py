"""The links in ``duban check`` and the 通报: the roll-up per upper task and, with
``--include-linked``, the overdue and not-reported obligations below each upper task.

Text from another repository's export is untrusted like any data: Markdown escapes it
(:func:`~duban.outputs.check_markdown.md`) and links only to https addresses.
"""

from __future__ import annotations

from typing import Any

from duban.evaluation.cascade import LinkedReport
from duban.evaluation.rollup import BUCKETS, Implementer
from duban.model.problems import printable
from duban.outputs.open_data import linked_row

BUCKET_WORDS = {
    "done": "已完成",
    "done_late": "逾期完成",
    "overdue": "逾期",
    "not_reported": "逾期未报送",
    "ongoing": "长期坚持",
    "open": "推进中",
}
"""The roll-up buckets as the office's Chinese lists name them (the site's words: locale)."""


NOTHING_LATE = "下级落实情况 linked：落实上级任务的下级事项中没有逾期或逾期未报送的事项"


def counts_words(counts: dict[str, int]) -> str:
    """下级 3 项：已完成 1、逾期 2 (the buckets with something in them, in BUCKETS order)."""
    total = sum(counts.values())
    parts = [f"{BUCKET_WORDS[b]} {counts[b]}" for b in BUCKETS if counts.get(b)]
    return f"下级 {total} 项" + ("：" + "、".join(parts) if parts else "")


def row_parts(row: Implementer, as_of_here: Any) -> list[str]:
    """One late row: its bucket, its plan and task, its holder, and where it comes from."""
    parts = [
        BUCKET_WORDS.get(row.bucket or "", row.bucket or ""),
        f"《{row.plan_title}》{row.task_label}{row.task_title}",
        row.holder_name,
    ]
    if row.source_id:
        parts.append(f"来源：{row.source_name or row.source_id}")
    if row.as_of != as_of_here:
        parts.append(f"数据截至 {row.as_of.isoformat()}")
    if row.via:
        parts.append("经 " + " → ".join(row.via))
    return [" ".join(p.split()) for p in parts]


def text_lines(linked: LinkedReport, as_of: Any) -> list[str]:
    """The ``--include-linked`` section of the text format ([] when no task has rows below)."""
    if not linked.late:
        return ["", NOTHING_LATE] if linked.linked and linked.late is not None else []
    lines = ["", "下级落实情况 linked（逾期、逾期未报送）"]
    for key, rows in linked.late.items():
        plan, heading = linked.headings.get(key, ("", key))
        counts = linked.linked.get(key, {})
        lines.append(printable(f"《{plan}》{heading}（{key}）：{counts_words(counts)}"))
        lines += [printable("  " + " · ".join(row_parts(r, as_of))) for r in rows]
    return lines


def json_data(linked: LinkedReport) -> dict[str, Any]:
    """The keys ``duban check --format json`` adds after ``flags``."""
    data: dict[str, Any] = {"tasks": linked.tasks, "linked": linked.linked}
    if linked.late is not None:
        data["linked_late"] = {
            key: [linked_row(r) for r in rows] for key, rows in linked.late.items()
        }
    return data
