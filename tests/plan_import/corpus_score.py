"""How well import-plan reads real published plans: every file of tests/fixtures/import/corpus/
(excerpts of real 分工方案, 工作要点, 任务分解… and three other containers made from two of them)
is imported with the current importer and compared with its oracle, written by hand before the
importer ever ran on it (``<name>.expected.yaml``). Run alone with
``python3 tests/plan_import/corpus_score.py`` (``-v`` lists every difference); printed by
tests/plan_import/test_corpus.py.

Counted per file and in total, separately for the files the importer may be tuned against and
the held-out ones (SOURCES.md, "held out: never tune against"):

- tasks: expected tasks whose id the import produced (found) and, of those, the ones whose
  numbering and sub-items agree (shape);
- roles: role fields (each role of each task and sub-item that either side names) whose units
  agree, as duban.plan_import.agreement.compare counts them; every role of a missing task is wrong;
- deadlines: tasks and sub-items whose computable due fields agree, likewise;
- leaders (牵头领导 etc., which the comparer ignores): tasks whose named leaders agree;
- year: files whose plan year agrees.

A file the importer refuses (an error it reports, or a crash, shown apart) counts as all-missing.
When the importer says the document names no year and asks for ``--year`` (it imports without
dating the year-less deadlines), the scorer answers as a clerk would, with the oracle's plan year,
and imports again; such files are marked ``--year N given (asked for)`` in the status column (and
their year is then not counted as read from the text). No other file is ever given a year; a file
whose oracle has no year either is scored on its year-less import.

Held-out files are scored only when asked for, and then in their totals only (no row of their
own, no differences: nobody tunes against them, and a row per file named the form a file uses):
a plain run, and the test that prints it into every test run's output, scores the tuned files
alone, so that no log shows a held-out total that nobody asked for (session 36). ``-v`` lists
every difference of the tuned files; ``--held-out`` scores the held-out files only (their
totals, one line for all and one for each batch SOURCES.md lists them in); ``-k WORD`` scores
only the files whose name contains WORD; ``--found`` counts the roles, deadlines and leaders
of the tasks the import found only (a missing task not counted as wrong; tasks found under other
ids, as many as the oracle's not found, paired in order), so that the reading of fields is
measured apart from the finding and numbering of tasks.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "import" / "corpus"
sys.path.insert(0, str(ROOT / "scripts"))

from duban.model.problems import printable  # noqa: E402
from duban.plan_import import ImportError_, ReadError, run_import  # noqa: E402
from duban.plan_import.agreement import compare  # noqa: E402
from duban.plan_import.chinese import simplified  # noqa: E402
from duban.plan_import.clauses import ROLE_ORDER  # noqa: E402
from duban.plan_import.units import ImportOrg  # noqa: E402

SUFFIXES = (".txt", ".html", ".docx", ".pdf", ".xlsx")
HELD_OUT_HEADING = "## held out: never tune against"

Pair = tuple[int, int]  # (right, counted)


@dataclass
class FileScore:
    name: str
    held_out: bool
    expected: int = 0
    found: int = 0
    shape: int = 0
    roles: Pair = (0, 0)
    deadlines: Pair = (0, 0)
    leaders: Pair = (0, 0)
    year: Pair = (0, 0)
    found_roles: Pair = (0, 0)
    found_deadlines: Pair = (0, 0)
    found_leaders: Pair = (0, 0)
    found_tasks: int = 0
    """the same three fields counted over the tasks the import found only (``--found``; a task
    found under another id is paired with its oracle's, see :func:`in_order`)"""
    refused: str | None = None
    crashed: bool = False
    year_given: int | None = None
    """the oracle's plan year, given as --year because the importer asked for it"""
    differences: list[str] = field(default_factory=list)


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES)


def oracle_path(source: Path) -> Path:
    return source.with_name(source.stem + ".expected.yaml")


def sources_text(folder: Path = CORPUS) -> str:
    return (folder / "SOURCES.md").read_text(encoding="utf-8")


def cited_files(text: str) -> set[str]:
    """The file names the tables of SOURCES.md cite (first cell of a row)."""
    kinds = "|".join(re.escape(suffix) for suffix in SUFFIXES)
    return set(re.findall(rf"^\| ([^|\s]+(?:{kinds})) \|", text, re.MULTILINE))


def held_out_files(text: str) -> set[str]:
    """The bullets under the "held out: never tune against" heading of SOURCES.md."""
    return set().union(*held_out_batches(text).values())


def held_out_batches(text: str) -> dict[str, set[str]]:
    """The held-out bullets by batch: each list under its line (``第十五批（h18af）8份 / …``),
    named by that line's Chinese part, so each batch's total can be printed apart (h18ag)."""
    _, _, rest = text.partition(HELD_OUT_HEADING)
    batches: dict[str, set[str]] = {}
    name = ""
    for line in rest.split("\n## ", 1)[0].splitlines():
        bullet = re.match(r"^- (\S+)$", line)
        if bullet:
            batches.setdefault(name, set()).add(bullet.group(1))
        elif line.strip():
            name = line.split(" / ", 1)[0].strip()
    return batches


def _walk(item: dict, path: str) -> Iterator[tuple[str, dict]]:
    yield path, item
    for child in item.get("items") or []:
        yield from _walk(child, f"{path}/{child['id']}")


def _missing_fields(task_id: str, hand: dict) -> tuple[int, int]:
    """Role fields and deadline fields a missing task would have been counted for."""
    roles = deadlines = 0
    for _, item in _walk(hand, task_id):
        roles += sum(1 for role in ROLE_ORDER if (item.get("roles") or {}).get(role))
        deadlines += 1 if item.get("due") else 0
    return roles, deadlines


def _names(values: Iterable[object] | None) -> frozenset[str]:
    def key(value: object) -> str:
        if isinstance(value, dict):  # the importer's leaders: {name, post, text}
            value = value.get("name", "")
        text = unicodedata.normalize("NFKC", str(value))
        return simplified("".join(text.split()))

    return frozenset(key(v) for v in values or [])


def _imported_year(plan: dict) -> int | None:
    period = plan.get("period") or {}
    start, end = period.get("start"), period.get("end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and start.year == end.year:
        return start.year
    signed = plan.get("signed")
    return signed.year if isinstance(signed, dt.date) else None


def _add(a: Pair, b: Pair) -> Pair:
    return (a[0] + b[0], a[1] + b[1])


def score_file(source: Path, work: Path, held_out: bool) -> FileScore:
    oracle = yaml.safe_load(oracle_path(source).read_text(encoding="utf-8"))
    hand = {str(task["id"]): task for task in oracle["tasks"]}
    score = FileScore(source.name, held_out, expected=len(hand))
    got: dict[str, dict] = {}
    plan: dict = {}
    org = ImportOrg()
    out = work / re.sub(r"[^a-z0-9-]+", "-", source.name.lower())
    year = (oracle.get("plan") or {}).get("year")
    try:
        written = run_import(source, out, None, "corpus", None)  # the year from the document
        if written.result.year_missing and year is not None:
            score.year_given = year  # the importer asked for the year: a clerk answers it
            written = run_import(source, out / "given-year", None, "corpus", None, year)
            out = out / "given-year"
    except (ImportError_, ReadError) as error:
        message = str(error).splitlines()[0].replace(str(source), source.name)
        score.refused = printable(message)
    except Exception as error:  # a crash is a finding, not a reason to stop scoring the rest
        score.refused, score.crashed = f"{type(error).__name__}: {error}", True
    else:
        got = {str(task["id"]): task for task in written.result.tasks}
        plan = written.result.plan
        org = ImportOrg.from_data(yaml.safe_load((out / "org.yaml").read_text(encoding="utf-8")))
    agreement = compare(got, _one_section_as_read(hand, got, plan), org)
    score.found = sum(1 for task_id in hand if task_id in got)
    score.shape = agreement.tasks[0]
    score.roles, score.deadlines = agreement.roles, agreement.deadlines
    paired = in_order(got, hand)
    fields = compare(paired, hand, org)
    score.found_tasks = sum(1 for task_id in hand if task_id in paired)
    score.found_roles, score.found_deadlines = fields.roles, fields.deadlines
    score.differences = list(agreement.differences)
    for task_id, task in hand.items():
        if task_id not in got:
            roles, deadlines = _missing_fields(task_id, task)
            score.roles = _add(score.roles, (0, roles))
            score.deadlines = _add(score.deadlines, (0, deadlines))
        if task.get("leaders"):
            mine = (got.get(task_id) or {}).get("leaders")
            right = _names(mine) == _names(task["leaders"])
            score.leaders = _add(score.leaders, (int(right), 1))
            if task_id in paired:
                same = _names((paired[task_id]).get("leaders")) == _names(task["leaders"])
                score.found_leaders = _add(score.found_leaders, (int(same), 1))
            if not right:
                score.differences.append(f"{task_id}: leaders {task['leaders']} != {mine}")
    if year is not None and score.year_given is None:
        mine_year = _imported_year(plan)
        score.year = (int(mine_year == year), 1)
        if mine_year != year:
            score.differences.append(f"plan year {year} != {mine_year}")
    return score


def _one_section_as_read(
    hand: dict[str, dict], got: dict[str, dict], plan: dict
) -> dict[str, dict]:
    """An oracle writes no ``section`` for a document without chapters (SOURCES.md, 预期结果的写法);
    the import puts such a document's tasks in the one section the plan schema requires. That is
    agreement when the import made one section only (a chapter it invented still disagrees)."""
    sections = plan.get("sections") or []
    if len(sections) != 1 or any("section" in task for task in hand.values()):
        return hand
    only = {task.get("section") for task in got.values()}
    if len(only) != 1:
        return hand
    (section,) = only
    return {task_id: {**task, "section": section} for task_id, task in hand.items()}


def in_order(got: dict[str, dict], hand: dict[str, dict]) -> dict[str, dict]:
    """The imported tasks, those under ids the oracle does not use paired in document order with
    the oracle's tasks the import did not find, when there are as many of each (1-1 … for 01 …:
    the numbering read differently, the task found): the fields of tasks found, measured apart
    from how they were numbered."""
    missing = [task_id for task_id in hand if task_id not in got]
    extra = [task_id for task_id in got if task_id not in hand]
    if not missing or len(missing) != len(extra):
        return got
    paired = {task_id: task for task_id, task in got.items() if task_id in hand}
    paired.update({want: got[have] for want, have in zip(missing, extra, strict=True)})
    return paired


def _share(pair: Pair) -> str:
    return f"{pair[0]}/{pair[1]}" + (f" ({100 * pair[0] / pair[1]:.0f}%)" if pair[1] else "")


def _row(name: str, s: FileScore) -> str:
    status = ("崩溃 crash: " if s.crashed else "拒绝 refused: ") + s.refused if s.refused else ""
    if s.year_given is not None and not s.refused:
        status = f"--year {s.year_given} given (asked for)"
    return (
        f"{name:<52} {s.found:>3}/{s.expected:<3} {s.shape:>3}  {_share(s.roles):>13} "
        f"{_share(s.deadlines):>13} {_share(s.leaders):>11} {_share(s.year):>9}  {status[:70]}"
    )


def total(scores: list[FileScore], name: str) -> FileScore:
    out = FileScore(name, held_out=False)
    for s in scores:
        out.expected += s.expected
        out.found += s.found
        out.shape += s.shape
        out.roles = _add(out.roles, s.roles)
        out.deadlines = _add(out.deadlines, s.deadlines)
        out.leaders = _add(out.leaders, s.leaders)
        out.year = _add(out.year, s.year)
        out.found_roles = _add(out.found_roles, s.found_roles)
        out.found_deadlines = _add(out.found_deadlines, s.found_deadlines)
        out.found_leaders = _add(out.found_leaders, s.found_leaders)
        out.found_tasks += s.found_tasks
    return out


def found_only(s: FileScore) -> FileScore:
    """The score of the fields of the tasks the import found, a missing task not counted: the
    fields' reading measured apart from task finding."""
    return FileScore(
        s.name,
        s.held_out,
        expected=s.found_tasks,
        found=s.found_tasks,
        shape=s.shape,
        roles=s.found_roles,
        deadlines=s.found_deadlines,
        leaders=s.found_leaders,
        year=s.year,
        refused=s.refused,
        crashed=s.crashed,
        year_given=s.year_given,
    )


def report(scores: list[FileScore], verbose: bool = False, found: bool = False) -> list[str]:
    if found:  # ``--found``: every row counts the found tasks' fields only
        scores = [found_only(s) for s in scores]
    lines = [
        f"{'file (held out: totals only)':<52} {'found':>7} {'shape':>5}  {'roles':>13} "
        f"{'deadlines':>13} {'leaders':>11} {'year':>9}  status"
    ]
    # held-out files only count in their total: a row per file (its name and score) told an
    # engineer which form a held-out file uses, and the next change was tuned to it
    for s in scores:
        if s.held_out:
            continue
        lines.append(_row("  " + s.name, s))
        if verbose:
            lines.extend("      " + printable(d)[:200] for d in s.differences)
    held = [s for s in scores if s.held_out]
    batches = held_out_batches(sources_text()) if held else {}
    by_batch = [
        (f"TOTAL held out, {name}", [s for s in held if s.name in names])
        for name, names in batches.items()
    ]
    for label, group in (
        ("TOTAL tuned", [s for s in scores if not s.held_out]),
        ("TOTAL held out", held),
        *[(label, group) for label, group in by_batch if group and len(batches) > 1],
        ("TOTAL all", scores),
    ):
        refused = sum(1 for s in group if s.refused)
        crashed = sum(1 for s in group if s.crashed)
        asked = sum(1 for s in group if s.year_given is not None and not s.refused)
        lines.append(
            _row(f"{label} ({len(group)} files)", total(group, label))
            + f"  refused {refused} (crashed {crashed}), --year asked for and given {asked}"
        )
    return lines


def main(argv: list[str] | None = None) -> list[FileScore]:
    args = sys.argv[1:] if argv is None else argv
    held = held_out_files(sources_text())
    words = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "-k"]
    files = [p for p in corpus_files() if all(w in p.name for w in words)]
    # the held-out files only when asked for (their totals, without the tuned files'); else
    # the tuned files only
    asked = "--held-out" in args
    files = [p for p in files if (p.name in held) == asked]
    with tempfile.TemporaryDirectory() as work:
        scores = [score_file(p, Path(work), p.name in held) for p in files]
    print("\n".join(report(scores, verbose="-v" in args, found="--found" in args)))
    return scores


if __name__ == "__main__":
    main()
