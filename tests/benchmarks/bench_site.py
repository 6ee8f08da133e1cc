"""Benchmark: how the site build scales, as ratios against baselines measured in the same run.

    python tests/benchmarks/bench_site.py [--units 20] [--tasks 12] [--repeat 2]

For synthetic plans (see synthetic.py) of N and 10*N units it reports:

* build scaling: seconds for 10*N units divided by seconds for N (10 or less means linear; the
  fixed cost of a build, theme and search included, pulls it below 10);
* render scaling: the same ratio for duban's renderer alone (no MkDocs);
* page size: a unit page with 10*N units divided by the same page with N (1.0 means constant);
* navigation baseline: the same unit page when every unit page is listed in the navigation,
  divided by the page as built (the design choice this guards: Material renders the whole
  navigation into every page, so listing unit pages makes every page grow with the units).

Absolute seconds are printed too, but mean little on a shared machine: the ratios are the result.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from duban.load.project import load_project
from duban.site import Settings, render_site
from site_floor import site_facts
from synthetic import make_project  # beside this file: on sys.path as script and under pytest

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2011-03-01"
CONFIG = """INHERIT: {parent}
site_name: synthetic
docs_dir: docs
plugins:
  - search
  - duban:
      data_dir: data
      as_of: "{as_of}"
nav:
  - index.md
  - overdue.md
  - units/index.md
  - about.md
{extra_nav}"""


def make_site_project(
    root: Path, units: int, tasks: int, nav_units: bool = False, group_size: int = 12
) -> Path:
    """A synthetic data folder with the schemas, a docs folder and a mkdocs.yml inheriting the
    repository's; with ``nav_units`` every unit page is listed in the navigation; units in
    groups of ``group_size`` (cities)."""
    root.mkdir(parents=True, exist_ok=True)
    make_project(root, units=units, tasks=tasks, group_size=group_size)
    shutil.copytree(ROOT / "schemas", root / "schemas")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# about\n", encoding="utf-8")
    extra = "".join(f"  - units/u{i:04d}.md\n" for i in range(units)) if nav_units else ""
    config = CONFIG.format(parent=ROOT / "mkdocs.yml", as_of=AS_OF, extra_nav=extra)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def build_seconds(root: Path, repeat: int) -> tuple[float, Path]:
    best = float("inf")
    site = root / "site"
    for _ in range(repeat):
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
        started = time.perf_counter()
        build(config)
        best = min(best, time.perf_counter() - started)
    return best, site


def render_seconds(root: Path, repeat: int) -> float:
    project = load_project(root / "data", root / "schemas")
    assert project.ok, project.problems[:3]
    settings = Settings(as_of=dt.date.fromisoformat(AS_OF))
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        render_site(project.model, settings)
        best = min(best, time.perf_counter() - started)
    return best


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def run(units: int = 20, tasks: int = 12, repeat: int = 2) -> dict[str, float]:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp_path = Path(tmp)
        small = make_site_project(tmp_path / "small", units, tasks)
        large = make_site_project(tmp_path / "large", units * 10, tasks)
        listed = make_site_project(tmp_path / "listed", units * 10, tasks, nav_units=True)
        build_seconds(small, 1)  # warm up: imports, jieba's dictionary, theme templates
        t_small, s_small = build_seconds(small, repeat)
        t_large, s_large = build_seconds(large, repeat)
        _, s_listed = build_seconds(listed, 1)
        r_small = render_seconds(small, repeat)
        r_large = render_seconds(large, repeat)
        page = "units/u0000.html"
        size_small = (s_small / page).stat().st_size
        size_large = (s_large / page).stat().st_size
        size_listed = (s_listed / page).stat().st_size
        facts_small, facts_large = site_facts(s_small), site_facts(s_large)
        return {
            "units": units,
            "tasks": tasks,
            "build_seconds_small": t_small,
            "build_seconds_large": t_large,
            "build_seconds_per_100_units_small": 100 * t_small / units,
            "build_seconds_per_100_units_large": 100 * t_large / (10 * units),
            "build_scaling_ratio": t_large / t_small,
            "render_seconds_small": r_small,
            "render_seconds_large": r_large,
            "render_scaling_ratio": r_large / r_small,
            "unit_page_bytes_small": size_small,
            "unit_page_bytes_large": size_large,
            "page_size_ratio": size_large / size_small,
            "unit_page_bytes_listed_in_nav": size_listed,
            "nav_baseline_ratio": size_listed / size_large,
            "site_bytes_small": site_bytes(s_small),
            "site_bytes_large": site_bytes(s_large),
            "largest_page_bytes_small": facts_small["largest_page_bytes"],
            "largest_page_bytes_large": facts_large["largest_page_bytes"],
            "largest_page_large": facts_large["largest_page"],
            "search_index_bytes_large": facts_large["search_index_bytes"],
            "page_text_bytes_large": facts_large["page_text_bytes"],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--tasks", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    result = run(args.units, args.tasks, args.repeat)
    n, big = result["units"], result["units"] * 10
    print(f"synthetic plan: {result['tasks']} tasks; {n} units vs {big} units")
    print(
        f"build:  {result['build_seconds_small']:.2f} s vs {result['build_seconds_large']:.2f} s"
        f"  -> ratio {result['build_scaling_ratio']:.2f} for 10x units (10 = linear)"
    )
    print(
        f"        per 100 units: {result['build_seconds_per_100_units_small']:.2f} s vs "
        f"{result['build_seconds_per_100_units_large']:.2f} s"
    )
    print(
        f"render: {result['render_seconds_small']:.3f} s vs {result['render_seconds_large']:.3f} s"
        f"  -> ratio {result['render_scaling_ratio']:.2f}"
    )
    print(
        f"unit page: {result['unit_page_bytes_small']} B vs {result['unit_page_bytes_large']} B"
        f"  -> ratio {result['page_size_ratio']:.3f} (1 = constant)"
    )
    print(
        f"baseline, unit pages listed in the nav: {result['unit_page_bytes_listed_in_nav']} B"
        f"  -> {result['nav_baseline_ratio']:.1f}x the page as built"
    )
    small, large = result["site_bytes_small"] / 1e6, result["site_bytes_large"] / 1e6
    print(f"site: {small:.1f} MB vs {large:.1f} MB")
    print(
        f"largest page: {result['largest_page_bytes_small']} B vs "
        f"{result['largest_page_bytes_large']} B ({result['largest_page_large']})"
    )
    print(
        f"search index {result['search_index_bytes_large']} B vs page text "
        f"{result['page_text_bytes_large']} B"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
