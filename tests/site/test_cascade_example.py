"""The three-level example (examples/cascade, issue 20): the province's roll-ups are the sum of
what each level below reports about itself.

Four data folders, each its own repository in miniature: the province's plan, the city's plan
carrying out its tasks, two counties' plans carrying out the city's; each parent names its
children by local path in ``data/federation.yaml``. At the example's fixed date every level is
checked on its own (``duban check --format json``, as each office would run it) and the
province's roll-up for each of its tasks must equal, bucket by bucket, the sum of the city's
implementing obligations and the counties' (the counties' reaching the province through the
city). The province's site is built once and its task pages must show every city and county
task that carries them out. The expected counts are also written out by hand (the table in
examples/cascade/README.md), so a rule that went wrong the same way at every level still fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from sitekit import mkdocs_build

CASCADE = ROOT / "examples" / "cascade"
LEVELS = ("province", "city", "county-dongxi", "county-xichuan")
AS_OF = "2024-10-15"
"""The example's fixed date (``as_of`` in each level's mkdocs.yml)."""
PLAN = "jl-yshj-2024"

# What the province should show under each of its tasks and sub-items, counted by hand from
# the status files (examples/cascade/README.md): city obligations + county obligations.
BY_HAND = {
    "1-1": {"done": 2, "done_late": 2},
    "1-1/2": {"done": 2, "done_late": 2},
    "1-2": {"done": 1},
    "2-1": {"done": 1, "done_late": 2, "overdue": 2},
    "2-2": {"ongoing": 2},
    "3-1": {"done": 1, "open": 3},
    "3-1/1": {"done": 1},
    "3-1/2": {"open": 3},
    "3-2": {"done": 2, "not_reported": 2},
    "4-1": {"open": 2},
}
BUCKETS = ("done", "done_late", "overdue", "not_reported", "ongoing", "open")


def full(counts: dict[str, int]) -> dict[str, int]:
    return {bucket: counts.get(bucket, 0) for bucket in BUCKETS}


def duban(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "duban", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DUBAN_LANG": "en"},
        timeout=300,
    )


def data_of(level: str) -> Path:
    return CASCADE / level / "data"


def federation(level: str) -> dict:
    return yaml.safe_load((data_of(level) / "federation.yaml").read_text(encoding="utf-8"))


def children(level: str) -> list[str]:
    """The levels a level names as its sources (local paths, relative to federation.yaml)."""
    found = []
    for source in federation(level).get("sources", []):
        folder = (data_of(level) / source["export"]).resolve()
        assert folder.parent.parent == CASCADE.resolve(), source
        found.append(folder.parent.name)
    return found


def links(level: str) -> list[tuple[str, str, str]]:
    """(implementing task or sub-item, upper repository id, upper target) declared at a level,
    read from its task files: ``<plan>/<task>[/<item>]`` on both sides."""
    found = []
    for path in sorted((data_of(level) / "plans").glob("*/tasks/*.yaml")):
        plan = path.parent.parent.name
        task = yaml.safe_load(path.read_text(encoding="utf-8"))
        nodes = [(f"{plan}/{task['id']}", task)]
        nodes += [(f"{plan}/{task['id']}/{item['id']}", item) for item in task.get("items", [])]
        for key, node in nodes:
            for entry in node.get("implements", []):
                ref = entry["to"] if isinstance(entry, dict) else entry
                source, _, target = ref.partition(":")
                found.append((key, source, target))
    return found


@pytest.fixture(scope="module")
def checks() -> dict[str, dict]:
    """``duban check --format json`` of every level on its own, at the fixed date."""
    reports = {}
    for level in LEVELS:
        result = duban("check", "--data", str(data_of(level)), "--as-of", AS_OF, "--format", "json")
        assert result.returncode == 0, result.stderr
        reports[level] = json.loads(result.stdout)
    return reports


def own_counts(report: dict, key: str) -> Counter[str]:
    """A level's own obligations of one task or sub-item by bucket, as its check report says."""
    return Counter(report["tasks"][key])


def below(level: str, key: str) -> list[tuple[str, str]]:
    """Every (level, task or sub-item) that carries out ``key`` of ``level``, directly (it or
    one of its sub-items named in ``implements``) or through a task in between."""
    found = []
    me = federation(level)["id"]
    for child in children(level):
        for lower, source, target in links(child):
            if source == me and (target == key or target.startswith(key + "/")):
                found += [(child, lower), *below(child, lower)]
    return found


def rolled_up(level: str, key: str, checks: dict[str, dict]) -> Counter[str]:
    """What ``level`` should count under its task ``key``: the obligations of every task below
    that carries it out, as that task's own level reports them."""
    total: Counter[str] = Counter()
    for child, lower in below(level, key):
        total += own_counts(checks[child], lower)
    return total


def province_rollups(report: dict) -> dict[str, dict[str, int]]:
    return {key.removeprefix(PLAN + "/"): counts for key, counts in report["linked"].items()}


def test_every_level_validates():
    for level in LEVELS:
        result = duban("validate", "--data", str(data_of(level)))
        assert result.returncode == 0, (level, result.stdout, result.stderr)


def test_the_example_is_said_to_be_synthetic_in_every_file():
    for path in sorted(CASCADE.rglob("*")):
        if path.suffix in (".yaml", ".yml", ".md"):
            head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:6])
            assert "虚构示例" in head, path


def test_every_link_is_wired_and_every_bucket_appears():
    assert children("province") == ["city"]
    assert sorted(children("city")) == ["county-dongxi", "county-xichuan"]
    assert children("county-dongxi") == children("county-xichuan") == []
    depths = {target.count("/") for _, _, target in links("city")}
    assert depths == {1, 2}  # the city implements tasks and sub-items of the province
    city_3_2 = yaml.safe_load(
        (data_of("city") / "plans/np-yshj-2024/tasks/3-2.yaml").read_text(encoding="utf-8")
    )
    assert city_3_2["implements"][0]["as_written"] == "落实《省方案》第三（二）项"
    seen = {bucket for counts in BY_HAND.values() for bucket, n in counts.items() if n}
    assert seen == set(BUCKETS)


def test_the_provinces_rollups_equal_the_sum_of_each_levels_own_check(checks):
    rollups = province_rollups(checks["province"])
    for key, counts in BY_HAND.items():
        expected = rolled_up("province", f"{PLAN}/{key}", checks)
        assert full(expected) == full(counts), (key, "the levels' check reports")
        assert full(rollups[key]) == full(counts), (key, "the province's roll-up")
    assert set(rollups) == set(BY_HAND)  # 四（二） has no implementing task below
    # the city counts its counties the same way
    city = {k.removeprefix("np-yshj-2024/"): v for k, v in checks["city"]["linked"].items()}
    for key, counts in city.items():
        assert full(counts) == full(rolled_up("city", f"np-yshj-2024/{key}", checks)), key


def test_the_provinces_late_rows_are_what_each_level_lists_as_overdue(checks):
    """``check --include-linked`` at the province lists, under each of its tasks, exactly the
    overdue obligations each level's own check lists for the tasks below it, each with the
    words of its state (reported late, or never reported)."""
    result = duban(
        *("check", "--data", str(data_of("province")), "--as-of", AS_OF),
        *("--include-linked", "--format", "json"),
    )
    assert result.returncode == 0, result.stderr
    late = json.loads(result.stdout)["linked_late"]
    listed = {}
    for level, report in checks.items():
        for unit in report["units"]:
            for item in unit["items"]:
                key = f"{item['plan']}/{item['task']}"
                key += f"/{item['item']}" if item.get("item") else ""
                bucket = "overdue" if item["reported"] else "not_reported"
                listed[level, key, unit["id"]] = bucket
    for task in sorted({key.split("/")[0] for key in BY_HAND}):
        expected = {
            (level, lower, holder, bucket)
            for level, lower in below("province", f"{PLAN}/{task}")
            for (at, key, holder), bucket in listed.items()
            if at == level and (key == lower or key.startswith(lower + "/"))
        }
        names = {"nanping": "city", "dongxi": "county-dongxi", "xichuan": "county-xichuan"}
        rows = {
            (names[r["source_id"]], f"{r['plan_id']}/{r['task_id']}", r["holder_id"], r["bucket"])
            for r in late.get(f"{PLAN}/{task}", [])
        }
        assert rows == expected, task
    assert sorted(late) == [f"{PLAN}/2-1", f"{PLAN}/3-2"]


@pytest.fixture(scope="module")
def province_site(tmp_path_factory) -> Path:
    """``mkdocs build --strict`` of the province (sitekit.mkdocs_build)."""
    target = tmp_path_factory.mktemp("province") / "site"
    build = mkdocs_build(CASCADE / "province" / "mkdocs.yml", target, {"DUBAN_AS_OF": AS_OF})
    assert build.returncode == 0, build.stderr
    return target


def page_text(path: Path) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def shown_rollups(html: str) -> dict[str, list[dict[str, int]]]:
    """The roll-up counts a task page shows, by the heading (h2) of the section they are in."""
    found: dict[str, list[dict[str, int]]] = {}
    heading = ""
    pattern = r"<h2[^>]*>([^<]*)</h2>|<ul[^>]*data-duban-rollup>(.*?)</ul>"
    for match in re.finditer(pattern, html, re.S):
        if match[1] is not None:
            heading = match[1].strip()
            continue
        pairs = re.findall(r'data-bucket="(\w+)".*?<strong>(\d+)</strong>', match[2], re.S)
        found.setdefault(heading, []).append({bucket: int(n) for bucket, n in pairs})
    return found


def test_the_provinces_task_pages_show_the_rollups(province_site):
    for task in sorted({key.split("/")[0] for key in BY_HAND} | {"4-2"}):
        html = (province_site / "plans" / PLAN / "tasks" / f"{task}.html").read_text("utf-8")
        shown = shown_rollups(html)
        if task not in BY_HAND:
            assert shown == {}, task
            continue
        assert [full(c) for c in shown["下级落实情况"]] == [full(BY_HAND[task])], task
        items = sorted(key for key in BY_HAND if key.startswith(task + "/"))
        assert [full(c) for c in shown.get("子项", [])] == [full(BY_HAND[k]) for k in items]


def test_the_provinces_task_pages_show_every_city_and_county_task(province_site):
    titles = {}
    for level in ("city", "county-dongxi", "county-xichuan"):
        for path in (data_of(level) / "plans").glob("*/tasks/*.yaml"):
            task = yaml.safe_load(path.read_text(encoding="utf-8"))
            titles[f"{path.parent.parent.name}/{task['id']}"] = task["title"]
    names = {"city": "南屏市", "county-dongxi": "东溪县", "county-xichuan": "西川县"}
    shown = Counter[str]()
    for task in sorted({key.split("/")[0] for key in BY_HAND}):
        page = page_text(province_site / "plans" / PLAN / "tasks" / f"{task}.html")
        for level, lower in below("province", f"{PLAN}/{task}"):
            title = titles["/".join(lower.split("/")[:2])]
            assert title in page, (task, level, lower)
            assert names[level] in page, (task, level)
            shown[level] += 1
    assert set(shown) == set(names)  # every city and county task that implements one is shown
    other = page_text(province_site / "plans" / PLAN / "tasks" / "4-2.html")
    assert "东溪县" not in other and "西川县" not in other  # nothing below 四（二）


def test_a_county_row_names_the_city_task_it_comes_through(province_site):
    """A county's row reaches the province through a city task: the page names that task by its
    label and title (from the city's own rows), not by a reference such as nanping:np-…/3-2."""
    city_titles = set()
    for path in (data_of("city") / "plans").glob("*/tasks/*.yaml"):
        task = yaml.safe_load(path.read_text(encoding="utf-8"))
        city_titles.add(task["title"])
        city_titles |= {item["text"] for item in task.get("items", [])}
    steps = []
    for page in (province_site / "plans" / PLAN / "tasks").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        steps += [unescape(s) for s in re.findall(r'<div class="dbn-sub">经 (.*?)</div>', html)]
    assert steps, "no county row shown through a city task"
    for step in steps:
        assert ":" not in step, step
        label, _, title = step.partition(" ")
        assert label and any(text.startswith(title) for text in city_titles), step
