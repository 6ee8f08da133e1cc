"""A valid, realistic, deterministic data repository of any size, in the current data format.

    python tests/benchmarks/generate.py --units 1500 [--plans N] [--seed 1] [--profile P] --out DIR

What it writes (DIR/data/ and DIR/schemas/, a copy of the project's schemas):

* org.yaml: kinds, ``units`` district offices in groups of about 12 (a province's counties), the
  office that issues the plans, and one member-less group (县直各部门);
* ``plans`` plans of three years each, every one with 6 sections and 20 tasks numbered per
  section: dated deadlines, year and quarter ends, monthly reports due the 25th, quarterly
  reports due the 10th of the next quarter, yearly counts (至少2次), ongoing duties with a
  half-yearly check-in;
* a status file per unit: one entry per occurrence due before the repository's "today"
  (about 20 per unit), each with 3 to 10 dated updates in Chinese and evidence links, some done,
  some late, some in progress, some never reported.

``--profile heavy`` (:class:`Heavy`, three plans unless ``--plans`` says otherwise) writes what
three years of real reporting look like: a report every month over each plan's three years
(a sentence with the month's numbers), quarterly and half-yearly duties over all three years,
every other entry with one or two reports a month apart of one to three sentences of progress
text that differ from unit to unit (meetings, cases, trainings, inspections, problems, next
steps), evidence on most entries (nine in ten; half of the monthly reports), and two tasks per
plan with indicators whose yearly reports carry figures (a coverage ratio with yearly targets,
training hours summed against a yearly minimum). About 46 KB of YAML per unit against the
light profile's 18 KB; the third plan began in 2024, so it has a year of reports.
``--profile light`` (the default) writes what it always wrote.

The same arguments always give the same bytes (a seeded generator, no clock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

from progress_text import CLOSINGS, EVIDENCE, THINGS, progress

ROOT = Path(__file__).resolve().parents[2]
GROUP_SIZE = 12
SECTIONS = ("总体要求", "深化改革", "依法行政", "执法监督", "化解矛盾", "组织保障")
VERBS = ("健全", "完善", "推进", "落实", "规范", "加强", "深化", "建立")
PROGRESS = (
    "已召开专题会议部署",
    "已印发工作方案",
    "完成阶段性自查",
    "组织业务培训一次",
    "报送半年工作总结",
    "整改问题三项",
    "建立工作台账",
    "开展专项检查",
)


def header(kind: str, depth: int) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n"


def q(text: str) -> str:
    """A double-quoted YAML scalar (the generated text never holds quotes or backslashes)."""
    return f'"{text}"'


class Repository:
    MONTHLY_FROM = 2
    """The monthly reports start this many years into the plan."""

    def __init__(self, units: int, plans: int, seed: int):
        self.random = random.Random(seed)
        self.units = [f"u{i:05d}" for i in range(units)]
        self.groups = [self.units[i : i + GROUP_SIZE] for i in range(0, units, GROUP_SIZE)]
        self.plans = [f"plan-{p + 1}" for p in range(plans)]
        self.today = dt.date(2024, 11, 30)
        # task key -> (plan, local id, deadline kind, group index)
        self.tasks: list[tuple[str, str, str, int | None]] = []

    def write(self, out: Path) -> Path:
        data = out / "data"
        (data / "status").mkdir(parents=True, exist_ok=True)
        shutil.copytree(ROOT / "schemas", out / "schemas", dirs_exist_ok=True)
        (data / "org.yaml").write_text(self.org(), encoding="utf-8")
        for index, plan in enumerate(self.plans):
            self.plan(data / "plans" / plan, plan, index)
        for unit in self.units:
            (data / "status" / f"{unit}.yaml").write_text(self.status(unit), encoding="utf-8")
        return data

    def org(self) -> str:
        lines = [
            header("org", 1),
            "kinds:",
            "  - {id: office, name: 办公室}",
            "  - {id: county, name: 县区部门}",
            "units:",
            "  - {id: ban, name: 省政府办公厅, short_name: 办公厅, kind: office}",
        ]
        lines += [
            f"  - {{id: {u}, name: 合成第{i + 1}县区司法局}}".replace("}", ", kind: county}")
            for i, u in enumerate(self.units)
        ]
        lines += [
            "groups:",
            "  - {id: xianzhi, name: 县直各部门}",
            "  - id: quansheng",
            "    name: 各县区",
            "    members:",
        ]
        lines += [f"      - g{g:04d}" for g in range(len(self.groups))]
        for g, members in enumerate(self.groups):
            lines.append(f"  - id: g{g:04d}\n    name: 第{g + 1}市各县区\n    members:")
            lines += [f"      - {m}" for m in members]
        return "\n".join(lines) + "\n"

    def start_year(self, index: int) -> int:
        """Plans of three years from 2022 and 2023, one after the other."""
        return 2022 + index % 2

    def plan(self, folder: Path, plan: str, index: int) -> None:
        (folder / "tasks").mkdir(parents=True, exist_ok=True)
        start = self.start_year(index)
        sections = "\n".join(
            f"  - {{number: {n + 1}, numeral: {'一二三四五六'[n]}, title: {q(title)}}}"
            for n, title in enumerate(SECTIONS)
        )
        (folder / "plan.yaml").write_text(
            header("plan", 3)
            + f"id: {plan}\ntitle: 合成第{index + 1}号重点任务分工方案\nissuer: ban\n"
            f"signed: {start}-03-15\nperiod: {{start: {start}-01-01, end: {start + 2}-12-31}}\n"
            f"task_numbering: section\nsections:\n{sections}\n",
            encoding="utf-8",
        )
        for number in range(20):
            section, local = number // 4 + 2, number % 4 + 1
            task_id = f"{section}-{local}"
            kind = ("date", "monthly", "quarterly", "count", "ongoing")[number % 5]
            group = self.random.randrange(len(self.groups)) if number % 3 else None
            self.tasks.append((plan, task_id, kind, group))
            (folder / "tasks" / f"{task_id}.yaml").write_text(
                self.task(task_id, section, local, kind, group, start), encoding="utf-8"
            )

    def task(self, task_id, section, local, kind, group, start) -> str:
        title = f"{self.random.choice(VERBS)}{self.random.choice(THINGS)}"
        # a third of the tasks bind every county (a province-wide duty), the rest one city's
        responsible = "[各县区]" if group is None else f"[第{group + 1}市各县区]"
        due = {
            "date": f"  - kind: date\n    date: {start}-06-30\n    as_written: {start}年6月底前",
            "monthly": "  - kind: recurring\n    every: month\n    day: 25\n"
            f"    from: {start + self.MONTHLY_FROM}-01-01\n    as_written: 每月25日前报送",
            "quarterly": "  - kind: recurring\n    every: quarter\n    due_in: next-period\n"
            "    month: 1\n    day: 10\n    as_written: 每季度第一个月10日前报送上一季度情况",
            "count": "  - kind: recurring\n    every: year\n    times: 2\n"
            "    as_written: 每年至少2次",
            "ongoing": "  - kind: ongoing\n    check_in: {every: half-year}\n"
            "    as_written: 长期坚持",
        }[kind]
        text = f"{title}。各县区要结合实际抓好落实（牵头单位：办公厅；责任单位：各县区）。"
        return (
            header("task", 4) + f'id: "{task_id}"\nsection: {section}\nnumber: {local}\n'
            f"numeral: {'一二三四'[local - 1]}\ntitle: {q(title)}\ntext: {q(text)}\n"
            f"roles:\n  lead: [办公厅]\n  responsible: {responsible}\n"
            f"deadline_as_written: {q('按期完成')}\ndue:\n{due}\n"
        )

    def status(self, unit: str) -> str:
        group = self.units.index(unit) // GROUP_SIZE
        entries = []
        for plan, task_id, kind, task_group in self.tasks:
            if task_group is not None and task_group != group:
                continue
            for period, due in self.occurrences(plan, kind):
                if due > self.today or self.random.random() < 0.15:
                    continue  # not due yet, or never reported
                entries.append(self.entry(plan, task_id, kind, period, due))
        return (
            header("status", 2) + f"unit: {unit}\nobligations:\n" + "".join(entries)
            if entries
            else header("status", 2) + f"unit: {unit}\nobligations: []\n"
        )

    def occurrences(self, plan: str, kind: str) -> list[tuple[str, dt.date]]:
        start = self.start_year(self.plans.index(plan))
        if kind == "date":
            return [("", dt.date(start, 6, 30))]
        if kind == "monthly":
            return [(f"{start + 2}-{m:02d}", dt.date(start + 2, m, 25)) for m in range(1, 13)][:3]
        if kind == "quarterly":
            return [
                (f"{y}-Q{q_}", dt.date(y + (q_ == 4), 3 * q_ % 12 + 1, 10))
                for y in range(start, start + 3)
                for q_ in range(1, 5)
            ][:6]
        if kind == "count":
            return [(str(y), dt.date(y, 12, 31)) for y in range(start, start + 3)]
        return [(f"{start}-H{h}", dt.date(start, 6 * h, 30 + (h == 2))) for h in (1, 2)]

    def entry(self, plan, task_id, kind, period, due) -> str:
        rnd = self.random
        lines = [f"  - plan: {plan}", f'    task: "{task_id}"']
        if period:
            lines.append(f'    period: "{period}"')
        state = rnd.choice(("done", "done", "done", "in-progress"))
        if kind == "count":
            year = int(period)
            lines.append("    state: in-progress")
            lines.append("    instances:")
            for n in range(rnd.randint(1, 3)):
                lines.append(f"      - {{date: {year}-{3 + 4 * n:02d}-15, note: 第{n + 1}次}}")
        else:
            lines.append(f"    state: {state}")
            if state == "done":
                done = due + dt.timedelta(days=rnd.randint(-20, 12))
                lines.append(f"    done: {min(done, self.today)}")
        lines.append(f"    summary: {q(rnd.choice(PROGRESS) + '，按计划推进。')}")
        lines.append("    evidence:")
        lines.append(
            f"      - title: {q('工作台账')}\n        url: https://gov.example.cn/{task_id}/{rnd.randrange(10**6)}.pdf"
        )
        lines.append("    updates:")
        day = due - dt.timedelta(days=60)
        for _ in range(rnd.randint(3, 10)):
            day += dt.timedelta(days=rnd.randint(1, 6))
            lines.append(f"      - date: {day}\n        text: {q(rnd.choice(PROGRESS))}")
        return "\n".join(lines) + "\n"


# -- the heavy profile: three years of reporting ----------------------------------------------
EVIDENCE_SHARE = (0.9, 0.5)
"""The share of entries with evidence: other duties, monthly reports."""


class Heavy(Repository):
    """Three years of monthly reporting (``--profile heavy``): see the module's docstring."""

    MONTHLY_FROM = 0

    def start_year(self, index: int) -> int:
        """From 2022, 2023 and 2024: the third plan is in its first year on 2024-11-30."""
        return 2022 + index % 3

    def plan(self, folder: Path, plan: str, index: int) -> None:
        super().plan(folder, plan, index)
        start = self.start_year(index)
        for section, kind in ((2, "ratio"), (3, "hours")):
            task_id = f"{section}-5"
            self.tasks.append((plan, task_id, kind, None))
            (folder / "tasks" / f"{task_id}.yaml").write_text(
                self.indicator_task(task_id, section, kind, start), encoding="utf-8"
            )

    def indicator_task(self, task_id: str, section: int, kind: str, start: int) -> str:
        if kind == "ratio":
            title = "推进村（社区）法律顾问全覆盖"
            said = f"村（社区）法律顾问覆盖率{start}年底达到60%，{start + 2}年底达到100%"
            targets = "".join(
                f"      - {{date: {start + n}-12-31, min: {(60, 80, 100)[n]}}}\n" for n in range(3)
            )
            due = (
                "  - id: target\n    kind: milestones\n"
                f"    as_written: {q(said)}\n    indicator:\n"
                "      {id: fugailv, name: 村（社区）法律顾问覆盖率, unit: percent,"
                " measure: ratio-of-figures, numerator: covered-villages,"
                " denominator: total-villages, figures_from: report}\n"
                f"    targets:\n{targets.replace('      - ', '      - ')}"
                "  - id: report\n    kind: recurring\n    every: year\n    month: 11\n"
                "    as_written: 每年11月底前报送本年度覆盖情况\n"
            )
        else:
            title = "落实执法人员年度培训学时"
            said = "每年组织执法人员培训不少于40学时"
            due = (
                "  - kind: recurring\n    every: year\n"
                f"    as_written: {q(said)}\n    amounts:\n"
                "      - indicator: {id: peixun-xueshi, name: 执法人员培训学时, unit: count,"
                " measure: sum-of-figures, figure: training-hours}\n"
                "        min: 40\n        as_written: 不少于40学时\n"
            )
        text = f"{title}。{said}（牵头单位：办公厅；责任单位：各县区）。"
        return (
            header("task", 4) + f'id: "{task_id}"\nsection: {section}\nnumber: 5\n'
            f"numeral: 五\ntitle: {q(title)}\ntext: {q(text)}\n"
            "roles:\n  lead: [办公厅]\n  responsible: [各县区]\n"
            f"deadline_as_written: {q(said)}\ndue:\n{due}"
        )

    def occurrences(self, plan: str, kind: str) -> list[tuple[str, dt.date]]:
        start = self.start_year(self.plans.index(plan))
        years = range(start, start + 3)
        if kind == "monthly":
            return [(f"{y}-{m:02d}", dt.date(y, m, 25)) for y in years for m in range(1, 13)]
        if kind == "quarterly":
            return [
                (f"{y}-Q{q_}", dt.date(y + (q_ == 4), 3 * q_ % 12 + 1, 10))
                for y in years
                for q_ in range(1, 5)
            ]
        if kind == "ongoing":
            return [(f"{y}-H{h}", dt.date(y, 6 * h, 30 + (h == 2))) for y in years for h in (1, 2)]
        if kind == "ratio":
            return [(str(y), dt.date(y, 11, 30)) for y in years]
        if kind == "hours":
            return [(str(y), dt.date(y, 12, 31)) for y in years]
        return super().occurrences(plan, kind)

    def entry(self, plan, task_id, kind, period, due) -> str:
        rnd = self.random
        lines = [f"  - plan: {plan}", f'    task: "{task_id}"']
        if kind == "ratio":
            lines.append("    due: report")
        if period:
            lines.append(f'    period: "{period}"')
        if kind == "count":
            lines.append("    state: in-progress\n    instances:")
            for n in range(rnd.randint(1, 3)):
                lines.append(f"      - {{date: {period}-{3 + 4 * n:02d}-15, note: 第{n + 1}次}}")
            end = due
        else:
            state = rnd.choice(("done", "done", "done", "in-progress"))
            lines.append(f"    state: {state}")
            end = min(due + dt.timedelta(days=rnd.randint(-20, 12)), self.today)
            if state == "done":
                lines.append(f"    done: {end}")
        if kind != "monthly":  # a monthly report is its update
            lines.append(f"    summary: {q(rnd.choice(CLOSINGS))}")
        if kind == "ratio":
            total = rnd.randint(8, 40)
            covered = min(total, round(total * rnd.uniform(0.5, 1.05)))
            lines.append(f"    figures: {{covered-villages: {covered}, total-villages: {total}}}")
        elif kind == "hours":
            lines.append(f"    figures: {{training-hours: {rnd.randint(24, 72)}}}")
        if rnd.random() < EVIDENCE_SHARE[kind == "monthly"]:
            lines.append("    evidence:")
            for _ in range(1 + (rnd.random() < 0.2)):
                lines.append(
                    f"      - title: {q(rnd.choice(EVIDENCE))}\n"
                    f"        url: https://gov.example.cn/{plan}/{task_id}/{rnd.randrange(10**8)}.pdf"
                )
        # a month's report for a monthly duty; one or two reports a month apart for the rest
        months = 1 if kind == "monthly" else rnd.randint(1, 2)
        lines.append("    updates:")
        day = end - dt.timedelta(days=30 * months - 3)
        for _ in range(months):
            day = min(day + dt.timedelta(days=rnd.randint(24, 34)), end)
            text = progress(self.random, day, 1 if kind == "monthly" else rnd.randint(1, 3))
            lines.append(f"      - date: {day}\n        text: {q(text)}")
        return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, required=True)
    parser.add_argument("--plans", type=int, default=None, help="2 (light) or 3 (heavy)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", choices=("light", "heavy"), default="light")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    kind = Heavy if args.profile == "heavy" else Repository
    plans = args.plans or (3 if args.profile == "heavy" else 2)
    data = kind(args.units, plans, args.seed).write(args.out)
    print(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
