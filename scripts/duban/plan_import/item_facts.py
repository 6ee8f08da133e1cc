"""What an item read from a plan holds: an assignment, named holders, a deadline (at its own
level or below). Shared by the reading of tasks and the choice between readings (h18c moved
them out of task_reading)."""

from __future__ import annotations


def assigns(item: dict) -> bool:
    if item.get("roles") or item.get("due"):
        return True
    return any(assigns(child) for child in item.get("items", []))


def names_units(item: dict) -> bool:
    """h18y: whether the item or one below it names any unit (a deadline alone names none)."""
    return any((item.get("roles") or {}).values()) or any(
        names_units(child) for child in item.get("items", [])
    )


def names_holders(item: dict) -> bool:
    """Whether the item or one below it names lead or responsible units (they take the due of
    the level above when they have none of their own)."""
    roles = item.get("roles") or {}
    if roles.get("lead") or roles.get("responsible"):
        return True
    return any(names_holders(child) for child in item.get("items", []))


def has_due(item: dict) -> bool:
    return bool(item.get("due")) or any(has_due(child) for child in item.get("items", []))


def indicator_ids(item: dict, task_id: str) -> None:
    """The ids of an item's milestone indicators, from its task's id (moved from task_reading,
    h18cc)."""
    for number, due in enumerate(item.get("due", []), start=1):
        if due["kind"] == "milestones":
            due["indicator"]["id"] = f"t{task_id}-{number}".replace("/", "-")
    for child in item.get("items", []):
        indicator_ids(child, f"{task_id}-{child['id']}")
