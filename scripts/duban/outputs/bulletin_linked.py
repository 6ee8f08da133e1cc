"""The 通报's section on the levels below (``duban bulletin --include-linked``): under each
upper task, how the tasks implementing it are doing and which of their obligations are overdue
or not reported.

Read from the same :class:`~duban.evaluation.cascade.LinkedReport` as ``duban check
--include-linked``; returned as (kind, text) pairs that :mod:`duban.outputs.bulletin` makes into
blocks.
"""

from __future__ import annotations

import datetime as dt

from duban.evaluation.cascade import LinkedReport
from duban.evaluation.rollup import BUCKETS
from duban.outputs.check_linked import BUCKET_WORDS
from duban.outputs.official_words import cn_number


def linked_paragraphs(linked: LinkedReport, as_of: dt.date) -> list[tuple[str, str]]:
    """("h2" | "p", text) in the order of the 通报."""
    if not linked.late:
        return [("p", "落实上级任务的下级事项中，没有逾期或逾期未报送的事项。")]
    result = []
    for n, (key, rows) in enumerate(linked.late.items(), 1):
        plan, heading = linked.headings.get(key, ("", key))
        counts = linked.linked.get(key, {})
        result.append(("h2", f"（{cn_number(n)}）《{plan}》{heading}"))
        parts = "，".join(f"{BUCKET_WORDS[b]}{counts[b]}项" for b in BUCKETS if counts.get(b))
        total = sum(counts.values())
        result.append(("p", f"落实该任务的下级事项共{total}项，其中{parts}。"))
        for row in rows:
            line = (
                f"{row.holder_name}：《{row.plan_title}》{row.task_label}{row.task_title}，"
                f"{BUCKET_WORDS.get(row.bucket or '', '')}"
            )
            if row.source_id:
                line += f"（来源：{row.source_name or row.source_id}"
                line += f"，数据截至{row.as_of.isoformat()}）" if row.as_of != as_of else "）"
            result.append(("p", " ".join(line.split()) + "。"))
    return result
