"""Page sizes of the generated site, rendered without MkDocs (fast enough for the test suite).

    python tests/benchmarks/site_pages.py [--units 60] [--tasks 3]

Renders a synthetic plan (synthetic.py, units in cities of 12) of N and 4*N units and prints the
largest page at each size and how much it grows per added unit, and a unit page at each size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from duban.load.project import load_project
from duban.site import Settings, render_site
from synthetic import make_project  # beside this file: on sys.path as script and under pytest

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2011, 3, 1)


def page_sizes(units: int, tasks: int, group_size: int = 12) -> dict[str, int]:
    """Every generated page's size in bytes (its Markdown source: raw HTML)."""
    with tempfile.TemporaryDirectory(prefix="site-pages-") as tmp:
        data = make_project(Path(tmp), units=units, tasks=tasks, group_size=group_size)
        project = load_project(data, ROOT / "schemas")
        assert project.ok and project.model is not None, project.problems[:3]
        site = render_site(project.model, Settings(as_of=AS_OF))
        return {uri: len(text.encode()) for uri, text in site.pages.items()}


def growth(units: int = 60, tasks: int = 3) -> dict[str, object]:
    small, large = page_sizes(units, tasks), page_sizes(4 * units, tasks)
    top_small, top_large = max(small, key=small.get), max(large, key=large.get)
    added = 3 * units
    return {
        "largest_small": (top_small, small[top_small]),
        "largest_large": (top_large, large[top_large]),
        "largest_bytes_per_added_unit": (large[top_large] - small[top_small]) / added,
        "unit_page_small": small["units/u0000.md"],
        "unit_page_large": large["units/u0000.md"],
        "pages_over_1mb": sorted(k for k, v in large.items() if v > 1_000_000),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--tasks", type=int, default=3)
    args = parser.parse_args(argv)
    for key, value in growth(args.units, args.tasks).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
