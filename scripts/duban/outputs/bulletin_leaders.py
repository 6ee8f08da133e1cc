"""The 通报's lines about leaders: for each leader the plans name beside the units,
the tasks they lead that have overdue items, so the 通报 can address 牵头领导 and 分管领导.

Read from the same :class:`~duban.evaluation.check_report.CheckReport` as the rest of the 通报;
leaders are people, never units: they are not counted in the units' figures.
"""

from __future__ import annotations

from duban.evaluation.check_report import CheckItem, CheckReport
from duban.evaluation.evaluate import State
from duban.model.leaders import leader_key


def leader_lines(report: CheckReport) -> list[str]:
    """One sentence per leader whose tasks have overdue items, in the order leaders are first
    met (units most escalated first, as the report lists them)."""
    found: dict[str, tuple[str, dict[tuple[int, ...], str], list[CheckItem]]] = {}
    for _, checked in report.units:
        for ci in checked:
            if ci.item.state is not State.OVERDUE:
                continue
            for leader in ci.task.leaders:
                _, tasks, items = found.setdefault(leader_key(leader.name), (leader.label, {}, []))
                # a task by its heading, a sub-item by its label, in plan order
                tasks.setdefault(
                    ci.task.order, ci.task.label if ci.task.is_item else ci.task.heading
                )
                items.append(ci)
    lines = []
    for label, tasks, items in found.values():
        units = len({ci.item.holder_id for ci in items})
        unreported = sum(1 for ci in items if not ci.reported)
        named = "、".join(tasks[k] for k in sorted(tasks))
        line = f"{label}：{named}，逾期未完成{len(items)}项"
        if unreported:
            line += f"（其中未报送{unreported}项）"
        lines.append(line + f"，涉及{units}个单位。")
    return lines
