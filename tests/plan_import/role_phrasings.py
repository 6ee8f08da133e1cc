"""The roles as offices phrase them (issue 18, branch h18bd): a matrix of made-up plans whose
roles are known by construction, each written in the ways real documents write roles.

corpus_variants.py, corpus_layouts.py and corpus_pages.py vary the container of the corpus's own
files; every new batch of real plans still brought a way of WRITING roles the corpus had not
shown. This tool writes the same made-up tasks in every phrasing real documents use, along five
dimensions (each value a row of role_phrasing_forms.py, which cites a corpus file or the grammar
where the form occurs):

- placement: where the roles sit (a bracket after the task, before or after its full stop; label
  lines under it; a sentence closing it; a label glued after its full stop; a chapter heading's
  lead over its items);
- phrasing: the label words or verbs and the role each gives (牵头单位：/配合单位：, X牵头，A配合,
  X牵头，A按职责分工负责, X会同A负责, A、B分别牵头 …);
- units: how a list of units is written (one, A、B、C, A和B, A、B等有关部门, 各县(市、区)人民政府,
  a bracketed alias, ten names …);
- separator between the roles and their order (lead first or last);
- deadline beside them (none, ，2023年6月底前完成, 完成时限：2023年底前, （2023年12月底前）,
  长期坚持).

Each cell of the matrix is one short plan file (a title, a preamble, three tasks written the same
way with different units, a closing paragraph, the office and its date) and its oracle, written
from the construction following SOURCES.md's reading rules (等 dropped, level groups one unit,
按职责分工负责 responsible …). Placement × phrasing × units is crossed in full; separator, order,
deadline and numbering rotate over the cells, so that every value meets many partners. Each cell
is imported in-process and scored with corpus_score.py's own score_file (tasks found and fields
counted as ``--found`` counts them: tasks under other ids paired in order), and the table printed
is by dimension value: cells, broken cells (a task missing, or a role or deadline field wrong),
fields lost.

``--only VALUE`` keeps the cells having that value in some dimension (repeatable, all must
match); ``-v`` prints the first differences of each broken cell; ``--write DIR`` writes the cells.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_score import FileScore, score_file
from corpus_variants import _values
from role_phrasing_forms import (
    DEADLINES,
    NUMBERINGS,
    PHRASINGS,
    PLACEMENTS,
    TASKS,
    UNIT_LISTS,
    WRITINGS,
    Deadline,
    Phrasing,
    Placement,
    UnitList,
    unit_pool,
)

DIMENSIONS = (
    "placement",
    "phrasing",
    "units",
    "separator",
    "order",
    "deadline",
    "numbering",
    "writing",
)
YEAR = 2023
HEAD = "2023年优化营商环境重点任务分工方案"
PREAMBLE = "为进一步优化营商环境，激发市场主体活力，结合工作实际，现将重点任务分工如下。"
CLOSING = "各责任单位要高度重视，细化工作措施，确保各项任务按期完成。"
FOOT = ("市人民政府办公室", "2023年3月15日")


@dataclass
class Cell:
    """One made-up plan of a matrix and its oracle (table_headers.py's cells are these too,
    written in their own container)."""

    DIMENSIONS: ClassVar[tuple[str, ...]] = DIMENSIONS
    values: dict[str, str]
    text: str
    oracle: dict
    score: FileScore | None = None

    @property
    def name(self) -> str:
        return "--".join(self.values[d] for d in self.DIMENSIONS)

    def write(self, stem: Path) -> Path:
        """The plan written as the file the import reads (``stem`` and its suffix)."""
        source = stem.with_suffix(".txt")
        source.write_text(self.text, encoding="utf-8")
        return source

    def lost(self) -> int:
        """Fields lost: expected tasks not found, role fields and deadline fields wrong."""
        s = self.score
        assert s is not None
        if s.refused:
            return s.expected + self.fields()
        return (
            (s.expected - s.found_tasks)
            + (s.found_roles[1] - s.found_roles[0])
            + (s.found_deadlines[1] - s.found_deadlines[0])
            + (s.found_leaders[1] - s.found_leaders[0])
            + self.missing_fields(s)
        )

    def fields(self) -> int:
        """Role, deadline and leader fields of the oracle (leaders: the tables' 责任领导)."""
        return sum(
            len(task.get("roles", {})) + (1 if task.get("due") else 0) + bool(task.get("leaders"))
            for task in self.oracle["tasks"]
        )

    def missing_fields(self, s: FileScore) -> int:
        """Fields of tasks the import did not find count as lost (as corpus_score counts)."""
        if s.found_tasks == s.expected:
            return 0
        counted = s.found_roles[1] + s.found_deadlines[1] + s.found_leaders[1]
        return max(0, self.fields() - counted)


@dataclass
class Task:
    text: str
    roles: dict[str, list[str]] = field(default_factory=dict)
    due: list[dict] | None = None


def _task(
    index: int,
    phrasing: Phrasing,
    placement: Placement,
    units: UnitList,
    separator: str,
    lead_last: bool,
    deadline: Deadline,
) -> tuple[list[str], Task]:
    """One task's lines and its oracle: the phrasing's parts filled with units (the list shape
    on the last part, one unit of the pool on the others), placed, with its deadline."""
    pool = unit_pool(index)
    parts = []
    for number, (role, word) in enumerate(phrasing.parts):
        last = number == len(phrasing.parts) - 1
        written, names = units.write(pool, number) if last else (pool[number], [pool[number]])
        parts.append((role, word, written, names))
    roles = phrasing.roles(parts)
    ordered = parts[1:] + parts[:1] if lead_last and len(parts) > 1 else parts
    body = TASKS[index % len(TASKS)]
    lines = placement.place(body, phrasing, ordered, separator, deadline, index == 0)
    return lines, Task(body, roles, deadline.due)


def cell(values: dict[str, str]) -> Cell:
    phrasing = next(p for p in PHRASINGS if p.name == values["phrasing"])
    placement = next(p for p in PLACEMENTS if p.name == values["placement"])
    units = next(u for u in UNIT_LISTS if u.name == values["units"])
    deadline = next(d for d in DEADLINES if d.name == values["deadline"])
    separator = values["separator"]
    numbering = NUMBERINGS[values["numbering"]]
    lines = [HEAD, "", PREAMBLE, ""]
    tasks = []
    heading, numbering = placement.heading(phrasing, numbering)
    lines.extend(heading)
    for index in range(3):
        mine, task = _task(
            index, phrasing, placement, units, separator, values["order"] == "lead-last", deadline
        )
        lines.append(numbering(index + 1) + mine[0])
        lines.extend(mine[1:])
        roles = placement.oracle_roles(phrasing, task.roles)
        entry: dict = {"id": f"{index + 1:02d}", "number": index + 1, "roles": roles}
        if task.due:
            entry["due"] = task.due
        tasks.append(entry)
    lines.extend(["", CLOSING, "", *FOOT])
    written = WRITINGS[values["writing"]]  # the names too: 市交通委(市道运局)
    for entry in tasks:
        entry["roles"] = {r: [written(n) for n in names] for r, names in entry["roles"].items()}
    text = written("\n".join(lines) + "\n")
    return Cell(values, text, {"plan": {"year": YEAR}, "tasks": tasks})


def _reorderable(phrasing: Phrasing, placement: Placement) -> bool:
    """Lead last is a word order only where there are two parts to order (X会同A负责 is one)."""
    return len(phrasing.parts) > 1 and not phrasing.joint and not placement.chapter


def matrix() -> Iterator[dict[str, str]]:
    """Placement × phrasing × units in full (where the placement can hold the phrasing and the
    phrasing the list); separator, order, deadline and numbering rotating."""
    turn = 0
    for placement in PLACEMENTS:
        for phrasing in PHRASINGS:
            if not placement.holds(phrasing):
                continue
            for units in UNIT_LISTS:
                if not phrasing.takes(units):
                    continue
                separators = placement.separators(phrasing)
                deadlines = [d for d in DEADLINES if placement.takes_deadline(phrasing, d)]
                yield {
                    "placement": placement.name,
                    "phrasing": phrasing.name,
                    "units": units.name,
                    "separator": separators[turn % len(separators)],
                    "order": "lead-last"
                    if _reorderable(phrasing, placement) and turn % 3 == 2
                    else "lead-first",
                    "deadline": deadlines[turn % len(deadlines)].name,
                    "numbering": list(NUMBERINGS)[turn % len(NUMBERINGS)],
                    "writing": list(WRITINGS)[turn // 4 % len(WRITINGS)],
                }
                turn += 1


def run(only: list[str], write: Path | None = None, cells: list[Cell] | None = None) -> list[Cell]:
    """The cells having every value of ``only`` (or the ``cells`` given) scored."""
    if cells is None:
        cells = [cell(values) for values in matrix() if all(o in values.values() for o in only)]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(write or tmp)
        work.mkdir(parents=True, exist_ok=True)
        for number, one in enumerate(cells):
            source = one.write(work / f"cell-{number:04d}")
            oracle = source.with_name(source.stem + ".expected.yaml")
            oracle.write_text(yaml.safe_dump(one.oracle, allow_unicode=True), encoding="utf-8")
            one.score = score_file(source, Path(tmp) / f"out-{number}", held_out=False)
    return cells


def broken(one: Cell) -> bool:
    return one.lost() > 0 or bool(one.score and one.score.refused)


def table(cells: list[Cell], verbose: bool = False) -> list[str]:
    """By dimension value: cells, broken cells, fields lost; the total; ``verbose``: each broken
    cell's first differences."""
    lines = [f"{'dimension':<10} {'value':<34} {'cells':>5} {'broken':>6} {'fields lost':>11}"]
    for dimension in cells[0].DIMENSIONS if cells else ():
        seen = dict.fromkeys(c.values[dimension] for c in cells)
        for value in seen:
            mine = [c for c in cells if c.values[dimension] == value]
            bad = [c for c in mine if broken(c)]
            lost = sum(c.lost() for c in mine)
            lines.append(f"{dimension:<10} {value:<34} {len(mine):>5} {len(bad):>6} {lost:>11}")
    bad = [c for c in cells if broken(c)]
    lines.append(
        f"TOTAL: {len(cells)} cells, {len(bad)} broken, "
        f"{sum(c.lost() for c in cells)} of "
        f"{sum(c.fields() + len(c.oracle['tasks']) for c in cells)} "
        "(tasks + fields) lost"
    )
    if verbose:
        for one in bad:
            s = one.score
            assert s is not None
            lines.append(f"  {one.name}: tasks {s.found_tasks}/{s.expected} lost {one.lost()}")
            if s.refused:
                lines.append(f"      refused: {s.refused[:150]}")
            lines.extend(f"      {d[:170]}" for d in s.differences[:4])
    return lines


def main(argv: list[str] | None = None) -> list[Cell]:
    args = sys.argv[1:] if argv is None else argv
    write = _values(args, "--write")
    cells = run(_values(args, "--only"), Path(write[0]) if write else None)
    print("\n".join(table(cells, verbose="-v" in args)))
    return cells


if __name__ == "__main__":
    main()
