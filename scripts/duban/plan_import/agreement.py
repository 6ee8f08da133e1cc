"""Comparing an imported plan with hand-curated data, field by field.

Roles are compared as sets of the units, groups or bodies they name (resolved through the
hand-curated org file, so 法规处 and 市局法规处 agree); deadlines as the computable fields of each
due item (kind, date, period, year, every, month, day, due_in, times, amount, from, targets,
check-in, applies_to), ids and labels aside. ``python -m duban.plan_import.agreement`` prints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from duban.model.problems import printable
from duban.plan_import.clauses import ROLE_ORDER
from duban.plan_import.deadlines import UNDATED_ID, UNWRITTEN_ID
from duban.plan_import.units import UNNAMED_HOLDER, ImportOrg

DUE_FIELDS = (
    "kind",
    "date",
    "period",
    "year",
    "every",
    "month",
    "day",
    "due_in",
    "times",
    "amount",
    "from",
)


@dataclass
class Agreement:
    tasks: tuple[int, int] = (0, 0)  # (agreeing, compared)
    texts: tuple[int, int] = (0, 0)
    roles: tuple[int, int] = (0, 0)
    deadlines: tuple[int, int] = (0, 0)
    differences: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        def share(pair: tuple[int, int]) -> str:
            return f"{pair[0]}/{pair[1]} ({100 * pair[0] / pair[1]:.0f}%)" if pair[1] else "0/0"

        return (
            f"{name}: tasks {share(self.tasks)}, texts {share(self.texts)}, "
            f"roles {share(self.roles)}, deadlines {share(self.deadlines)}"
        )


def load_tasks(folder: Path) -> dict[str, dict]:
    tasks = {}
    for path in sorted(folder.glob("*.yaml")):
        task = yaml.safe_load(path.read_text(encoding="utf-8"))
        tasks[str(task["id"])] = task
    return tasks


def _walk(item: dict, path: str) -> Iterator[tuple[str, dict]]:
    yield path, item
    for child in item.get("items") or []:
        yield from _walk(child, f"{path}/{child['id']}")


def _value(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _resolve(org: ImportOrg, names: Iterable[object] | None) -> frozenset[str]:
    """The entries ``names`` name; the marker of a holder not named (UNNAMED_HOLDER) is none."""
    out = set()
    for name in names or []:
        if name == UNNAMED_HOLDER:
            continue
        found = org.find(str(name))
        out.add(found.entry.id if found else f"?{name}")
    return frozenset(out)


def due_signature(
    org: ImportOrg, due: list[dict] | None, holders: frozenset[str] = frozenset()
) -> list[tuple]:
    """The computable fields of each due item; applies_to naming the default holders is left
    out (it means the same as no applies_to). The importer's marked 'no deadline written' item
    (deadlines.UNWRITTEN_ID) is no deadline: the document wrote none; nor (h18ai) is its
    'no year to date it' item (deadlines.UNDATED_ID: 4月 in a plan with no year), which the
    review counts as no computable deadline too."""
    signature = []
    for item in due or []:
        if item.get("id") in (UNWRITTEN_ID, UNDATED_ID):
            continue
        fields = tuple((k, _value(item[k])) for k in DUE_FIELDS if k in item)
        targets = tuple((_value(t["date"]), float(t["min"])) for t in item.get("targets") or [])
        check = tuple(
            sorted((k, _value(v)) for k, v in (item.get("check_in") or {}).items() if k != "label")
        )
        applies_to = _resolve(org, item.get("applies_to"))
        applies = () if applies_to == holders else tuple(sorted(applies_to))
        signature.append((fields, targets, check, applies))
    return sorted(signature)


def _holders(org: ImportOrg, item: dict) -> frozenset[str]:
    roles = item.get("roles") or {}
    return _resolve(org, roles.get("responsible") or roles.get("lead"))


def compare(imported: dict[str, dict], curated: dict[str, dict], org: ImportOrg) -> Agreement:
    result = Agreement()
    agree = {"tasks": 0, "texts": 0, "roles": 0, "deadlines": 0}
    total = {"tasks": 0, "texts": 0, "roles": 0, "deadlines": 0}
    for task_id, hand in curated.items():
        total["tasks"] += 1
        mine = imported.get(task_id)
        if mine is None:
            result.differences.append(f"{task_id}: missing")
            continue
        same_shape = [p for p, _ in _walk(hand, task_id)] == [p for p, _ in _walk(mine, task_id)]
        if (
            same_shape
            and mine.get("section") == hand.get("section")
            and mine.get("number") == hand.get("number")
        ):
            agree["tasks"] += 1
        else:
            result.differences.append(f"{task_id}: numbering or sub-items differ")
        mine_items = dict(_walk(mine, task_id))
        for path, hand_item in _walk(hand, task_id):
            mine_item = mine_items.get(path, {})
            if "text" not in hand_item:
                pass
            elif " ".join(str(hand_item.get("text", "")).split()) == " ".join(
                str(mine_item.get("text", "")).split()
            ):
                agree["texts"] += 1
                total["texts"] += 1
            else:
                total["texts"] += 1
                result.differences.append(f"{path}: text differs")
            for role in ROLE_ORDER:
                want = _resolve(org, (hand_item.get("roles") or {}).get(role))
                got = _resolve(org, (mine_item.get("roles") or {}).get(role))
                if not want and not got:
                    continue
                total["roles"] += 1
                if want == got:
                    agree["roles"] += 1
                else:
                    result.differences.append(f"{path}: {role} {sorted(want)} != {sorted(got)}")
            want_due = due_signature(org, hand_item.get("due"), _holders(org, hand_item))
            got_due = due_signature(org, mine_item.get("due"), _holders(org, mine_item))
            if want_due or got_due:
                total["deadlines"] += 1
                if want_due == got_due:
                    agree["deadlines"] += 1
                else:
                    result.differences.append(f"{path}: due {want_due} != {got_due}")
    result.tasks = (agree["tasks"], total["tasks"])
    result.texts = (agree["texts"], total["texts"])
    result.roles = (agree["roles"], total["roles"])
    result.deadlines = (agree["deadlines"], total["deadlines"])
    return result


def compare_folders(imported: Path, curated: Path, org_file: Path) -> Agreement:
    org = ImportOrg.from_data(yaml.safe_load(org_file.read_text(encoding="utf-8")))
    return compare(load_tasks(imported / "tasks"), load_tasks(curated / "tasks"), org)


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print(
            "usage: python -m duban.plan_import.agreement "
            "IMPORTED_PLAN_DIR CURATED_PLAN_DIR ORG_YAML"
        )
        return 2
    result = compare_folders(Path(args[0]), Path(args[1]), Path(args[2]))
    for difference in result.differences:
        print(printable(difference))  # text from the document: escaped
    print(result.line("agreement"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
