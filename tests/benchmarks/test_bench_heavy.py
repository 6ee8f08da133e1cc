"""generate.py's heavy profile: valid, deterministic, and what it says it is (three years of
monthly reports, evidence on most entries, figures for the indicator tasks, three plans)."""

from __future__ import annotations

import re

from duban.load.project import load_project
from generate import Heavy, Repository


def test_the_heavy_profile_is_valid_and_deterministic(tmp_path):
    first = Heavy(30, 3, seed=3).write(tmp_path / "a")
    second = Heavy(30, 3, seed=3).write(tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    project = load_project(first)
    assert project.ok, [str(p) for p in project.problems[:3]]
    assert project.model is not None
    assert len(project.model.plans) == 3


def test_the_heavy_profile_reports_monthly_for_three_years_with_evidence_and_figures(tmp_path):
    data = Heavy(24, 3, seed=1).write(tmp_path / "heavy")
    text = (data / "status" / "u00000.yaml").read_text("utf-8")
    entries = text.split("\n  - plan: ")[1:]
    months = set(re.findall(r'task: "3-3"\n    period: "(\d{4}-\d\d)"', text))
    # plan-1's monthly duty, 35 months due by 2024-11-30, some never reported
    assert len(months) > 24 and {m[:4] for m in months} == {"2022", "2023", "2024"}
    assert sum("    evidence:" in e for e in entries) > 0.6 * len(entries)
    assert "figures: {covered-villages: " in text and "figures: {training-hours: " in text
    updates = re.findall(r"        text: \"(.*)\"", text)
    assert len(set(updates)) > 0.9 * len(updates)  # the text differs from report to report
    assert max(len(u) for u in updates) > 80  # several sentences, not a word


def test_heavy_is_much_heavier_than_light(tmp_path):
    def size(folder):
        return sum(p.stat().st_size for p in (folder / "status").glob("*.yaml"))

    light = size(Repository(48, 2, seed=1).write(tmp_path / "light"))
    heavy = size(Heavy(48, 3, seed=1).write(tmp_path / "heavy"))
    assert heavy > 2 * light
