"""Benchmark: the plugin's hand-off of generated pages, old way against new, in the same run.

    python tests/benchmarks/site_handoff.py --units 1500 [--work /tmp/duban-handoff] [--profile]

The old way (``DUBAN_SITE_HANDOFF=markdown``, duban.plugin.handoff) hands MkDocs each generated
page whole: Python-Markdown parses the HTML duban rendered, and Material's search parses it again,
excluded tables and all. The new way hands Markdown only the headings and gives search the page
without the elements it leaves out. Both build the same generated repository (site_floor.py's:
generate.py --plans 2, the project's mkdocs.yml and docs/), each in a child process of its own,
one after the other; the script then checks that every page's visible text and the search index
are the same, and prints the wall and CPU times (all the build's processes; steadier than wall
time on a shared machine), their ratios and the peak memory of each build.

``--profile`` builds once more each way under cProfile and prints where the main process's time
went (own time by package: Markdown, Material's search, jieba, duban, Jinja, MkDocs, ...). The
render's second process (duban.site.split) is not in the profile; its time overlaps the pages'.
"""

from __future__ import annotations

import argparse
import json
import pstats
import subprocess
import sys
from collections import Counter
from pathlib import Path

from site_floor import build_and_report, page_text, prepare

OLD, NEW = "markdown", "html"


def measured_build(project: Path, site: Path, way: str, profile: Path | None = None) -> dict:
    """``mkdocs build`` of ``project`` the ``way`` given, in a child of a child (its peak memory
    is that build's alone)."""
    child = [sys.executable, __file__, "--child", str(project), str(site), way]
    if profile is not None:
        child.append(str(profile))
    out = subprocess.run(child, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the {way} way's build failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(project: Path, site: Path, way: str, profile: str | None) -> None:
    handoff = OLD if way == OLD else None  # the new way is the default: no variable
    build_and_report(project, site, {"DUBAN_SITE_HANDOFF": handoff}, profile)


def page_texts(site: Path) -> dict[str, str]:
    """Every built page's visible text (site_floor.page_text: the article without tags)."""
    return {
        p.relative_to(site).as_posix(): page_text(p.read_text("utf-8"))
        for p in sorted(site.rglob("*.html"))
    }


def search_entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def differences(old_site: Path, new_site: Path) -> list[str]:
    """What differs between the two sites' pages (visible text) and search indexes."""
    old, new = page_texts(old_site), page_texts(new_site)
    found = (
        [f"pages only in one site: {sorted(set(old) ^ set(new))[:5]}"]
        if old.keys() != new.keys()
        else []
    )
    found += [
        f"text differs: {uri}" for uri in sorted(old.keys() & new.keys()) if old[uri] != new[uri]
    ]
    if search_entries(old_site) != search_entries(new_site):
        found.append("search index differs")
    return found


# own time (tottime) grouped by where the function lives
_GROUPS = (
    ("markdown/", "Python-Markdown"),
    ("material/plugins/search", "Material search"),
    ("jieba", "jieba"),
    ("/duban/", "duban"),
    ("jinja2", "Jinja"),
    ("mkdocs/", "MkDocs"),
    ("html/parser", "html.parser"),
    ("_markupbase", "html.parser"),
    ("regex", "regex"),
)


def profile_groups(path: Path) -> dict[str, float]:
    stats = pstats.Stats(str(path))
    groups: Counter[str] = Counter()
    for (filename, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        own = row[2]
        where = next((label for key, label in _GROUPS if key in filename), None)
        if where is None:
            where = "builtins" if filename == "~" else "other"
            if filename == "~" and ("re.Pattern" in name or "_sre" in name):
                where = "re (C)"
        groups[where] += own
    return dict(groups.most_common())


def run(units: int, work: Path, profile: bool = False, pairs: int = 1) -> dict:
    """The two ways built in turn, ``pairs`` times (old, new, old, new …): each way's figures
    are those of its build with the least CPU, the least disturbed by whatever else the machine
    ran (a single pair on a shared machine has put the new way 40% above its usual time)."""
    root = prepare(work, units)
    olds, news = [], []
    for _ in range(pairs):
        olds.append(measured_build(root, work / f"old-{units}", OLD))
        print(f"old way: {olds[-1]}", flush=True)
        news.append(measured_build(root, work / f"new-{units}", NEW))
        print(f"new way: {news[-1]}", flush=True)
    old = min(olds, key=lambda build: build["cpu_s"])
    new = min(news, key=lambda build: build["cpu_s"])
    result = {
        "units": units,
        "old_s": old["seconds"],
        "old_mb": old["peak_mb"],
        "new_s": new["seconds"],
        "new_mb": new["peak_mb"],
        "old_cpu_s": old["cpu_s"],
        "new_cpu_s": new["cpu_s"],
        "ratio": new["seconds"] / old["seconds"],
        "cpu_ratio": new["cpu_s"] / old["cpu_s"],
        "pages": len(list((work / f"new-{units}").rglob("*.html"))),
        "differences": differences(work / f"old-{units}", work / f"new-{units}"),
    }
    if profile:
        for way in (OLD, NEW):
            out = work / f"profile-{way}-{units}.pstats"
            measured_build(root, work / f"profiled-{way}-{units}", way, out)
            result[f"profile_{way}"] = profile_groups(out)
    return result


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--child"]:
        _child(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], (sys.argv[5:6] or [None])[0])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-handoff"))
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--pairs", type=int, default=1, help="builds of each way, in turn")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.units, args.work, args.profile, args.pairs)
    print(
        f"{result['units']} units, {result['pages']} pages: old way {result['old_s']:.1f} s "
        f"{result['old_mb']:.0f} MB | new way {result['new_s']:.1f} s {result['new_mb']:.0f} MB | "
        f"new/old {result['ratio']:.2f} | CPU old {result['old_cpu_s']:.1f} s, new "
        f"{result['new_cpu_s']:.1f} s, new/old {result['cpu_ratio']:.2f} | "
        f"differences: {result['differences'] or 'none'}"
    )
    for way in (OLD, NEW):
        if f"profile_{way}" in result:
            groups = result[f"profile_{way}"]
            print(
                f"profile, {way} way (own time, s): "
                + ", ".join(f"{k} {v:.1f}" for k, v in groups.items())
            )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
