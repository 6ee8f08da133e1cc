"""Benchmark: where the built site's bytes and files go, per page family, and how they grow.

    python tests/benchmarks/site_bytes.py --sizes 250,1500 [--work /tmp/duban-site-bytes]
    python tests/benchmarks/site_bytes.py --site path/to/site      # an already built site
    python tests/benchmarks/site_bytes.py --render --sizes 40,160  # render_site only (seconds)

For each size it generates a repository (``generate.py --plans 2``, as ``site_floor.py`` does),
builds it with ``mkdocs build`` (the duban plugin, the project's mkdocs.yml and docs/,
``DUBAN_AS_OF=2024-11-30``) and sorts every file of the built site into a family (unit pages,
task pages, group pages, history pages, per-unit calendars, whole-plan downloads by kind, the
search index, assets…). It prints a table of bytes and files per family, and with two sizes or
more the bytes and files per unit at each size and the ratio of the largest size's to the
smallest's (1.0: linear growth; above: the site grows faster than the province).

The families are :func:`duban.site.size.family` (the same names the build's size check uses).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from duban.load.project import load_project
from duban.site import Settings, render_site
from duban.site.size import SiteSize, measure
from site_floor import AS_OF, prepare


def build(root: Path, site: Path) -> SiteSize:
    """``mkdocs build`` of the generated repository ``root`` into ``site``, then measured."""
    env = {**os.environ, "DUBAN_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(site, ignore_errors=True)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")]
    done = subprocess.run([*mkdocs, "-d", str(site)], env=env, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(done.returncode)
    return measure(site)


def rendered(root: Path) -> SiteSize:
    """The generated part of the site as ``render_site`` makes it (no MkDocs: no theme, no
    search index, no assets), by family: seconds, for the benchmark test."""
    project = load_project(root / "data", root / "schemas")
    assert project.ok and project.model is not None, project.problems[:3]
    settings = Settings(as_of=dt.date.fromisoformat(AS_OF))
    size = SiteSize()
    # downloads are counted from the sizes the render reports (a second process may make them)
    site = render_site(project.model, settings, sink=lambda path, data: None)
    for path, n in site.sizes.items():
        size.add(path, n)
    for uri, text in site.pages.items():
        size.add(uri.removesuffix(".md") + ".html", len(text.encode()))
    return size


def rendered_growth(work: Path, small: int = 40, large: int = 160) -> dict[str, float]:
    """Bytes and files per unit of the rendered site at two sizes of generated repository."""
    return growth({n: rendered(prepare(work, n)) for n in (small, large)})


def table(sizes: dict[int, SiteSize]) -> str:
    """A Markdown table: one row per family, bytes (MB) and files at each size."""
    units = sorted(sizes)
    families = sorted(
        {f for s in sizes.values() for f in s.families},
        key=lambda f: -sizes[units[-1]].families.get(f, (0, 0))[0],
    )
    head = ["family", *(f"{n} units: MB / files" for n in units)]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for fam in [*families, "total"]:
        cells = []
        for n in units:
            got = (sizes[n].bytes, sizes[n].files) if fam == "total" else sizes[n].families.get(fam)
            cells.append(f"{got[0] / 1e6:.1f} / {got[1]:,}" if got else "–")
        name = f"**{fam}**" if fam == "total" else fam
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def growth(sizes: dict[int, SiteSize]) -> dict[str, float]:
    """Bytes and files per unit at the smallest and largest size, and their ratios."""
    small, large = min(sizes), max(sizes)
    a, b = sizes[small], sizes[large]
    return {
        "units": [small, large],
        "bytes_per_unit": [a.bytes / small, b.bytes / large],
        "files_per_unit": [a.files / small, b.files / large],
        "bytes_ratio": (b.bytes / large) / (a.bytes / small),
        "files_ratio": (b.files / large) / (a.files / small),
    }


def run(units: list[int], work: Path) -> dict[int, SiteSize]:
    found: dict[int, SiteSize] = {}
    for n in units:
        root = prepare(work, n)
        found[n] = build(root, work / f"site-{n}")
        print(f"{n} units: {found[n].bytes / 1e6:.1f} MB in {found[n].files:,} files", flush=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,1500")
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-site-bytes"))
    parser.add_argument("--site", type=Path, help="measure this built site instead")
    parser.add_argument("--render", action="store_true", help="render only, without MkDocs")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.site:
        sizes = {0: measure(args.site)}
    elif args.render:
        args.work.mkdir(parents=True, exist_ok=True)
        sizes = {int(n): rendered(prepare(args.work, int(n))) for n in args.sizes.split(",")}
    else:
        args.work.mkdir(parents=True, exist_ok=True)
        sizes = run([int(s) for s in args.sizes.split(",")], args.work)
    print(table(sizes))
    result: dict = {str(n): s.as_json() for n, s in sizes.items()}
    if len(sizes) > 1:
        g = growth(sizes)
        result["growth"] = g
        print(
            f"bytes per unit: {g['bytes_per_unit'][0] / 1e3:.0f} KB at {g['units'][0]}, "
            f"{g['bytes_per_unit'][1] / 1e3:.0f} KB at {g['units'][1]} (ratio "
            f"{g['bytes_ratio']:.2f}); files per unit {g['files_per_unit'][0]:.2f}, "
            f"{g['files_per_unit'][1]:.2f} (ratio {g['files_ratio']:.2f})"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
