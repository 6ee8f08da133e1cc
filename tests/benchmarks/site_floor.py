"""Benchmark: the site build at province scale against a floor measured in the same run.

    python tests/benchmarks/site_floor.py --sizes 250,500,1000,1500 [--work /tmp/site-floor]

For each size it generates a repository (generate.py: units in groups of 12, two plans), puts
the repository's mkdocs.yml and docs/ beside it and measures, each build in a child process
of its own (wall time; peak memory from ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of that child):

* **duban**: ``mkdocs build`` with the duban plugin, as CI builds the site;
* **floor**: MkDocs with the same theme, features and plugins (search, jieba) building the very
  same pages, already rendered and written as files into a docs folder, without the duban plugin.

and reports the ratio duban/floor (target 1.25 at 1,500 units), the growth of the duban build
from the smallest size to the largest (target 6.6 for 250 -> 1,500), the largest page, the largest
unit page, the search index against the text of the pages, and the downloads' total size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2024-11-30"
GENERATE = Path(__file__).with_name("generate.py")


def prepare(work: Path, units: int) -> Path:
    """A generated repository with the project's mkdocs.yml and docs/ beside its data."""
    root = work / f"duban-{units}"
    if not (root / "data").is_dir():
        subprocess.run(
            [sys.executable, str(GENERATE), "--units", str(units), "--plans", "2", "--out", root],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.rmtree(root / "docs", ignore_errors=True)
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def write_floor(root: Path, floor: Path) -> Path:
    """The duban plugin's pages and files as a plain MkDocs project (no duban plugin)."""
    from duban.evaluation.evaluate import evaluate
    from duban.i18n.locale import load_locale
    from duban.load.project import load_project
    from duban.outputs import urls
    from duban.site import Settings, asset_files, render_site, site_title
    from duban.site.examples import fill_examples

    project = load_project(root / "data", root / "schemas")
    assert project.ok and project.model is not None, project.problems[:3]
    settings = Settings(as_of=dt.date.fromisoformat(AS_OF))
    site = render_site(project.model, settings, evaluate(project.model, settings.as_of, 30))
    shutil.rmtree(floor, ignore_errors=True)
    docs = floor / "docs"
    shutil.copytree(root / "docs", docs)
    for page in docs.rglob("*.md"):  # the guide's examples, filled as the plugin fills them
        src = page.relative_to(docs).as_posix()
        page.write_text(fill_examples(page.read_text("utf-8"), project.model, src), "utf-8")
    generated = {**site.pages, **site.files, **asset_files()}
    for uri, content in generated.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, "utf-8")
        else:
            path.write_bytes(content)
    config = (root / "mkdocs.yml").read_text("utf-8")
    # the same configuration without the duban plugin; what the plugin sets, set here
    config = re.sub(r"\n  - duban:\n(?:      .*\n)+", "\n", config)
    name = site_title(project.model, settings, load_locale("zh"))
    config = config.replace('site_name: ""', f"site_name: {json.dumps(name)}")
    config += f"\nextra_css: [{urls.ASSET_CSS}]\nextra_javascript: [{urls.ASSET_JS}]\n"
    assert "- duban:" not in config, "the floor must not run the duban plugin"
    (floor / "mkdocs.yml").write_text(config, "utf-8")
    return floor


def measured_build(project: Path, site: Path) -> dict[str, float]:
    """``mkdocs build`` of ``project`` in a child of a child: the grandchild's peak memory is
    this measurement's alone."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(project), str(site)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(project: Path, site: Path) -> None:
    build_and_report(project, site)


def build_and_report(
    project: Path,
    site: Path,
    env_changes: dict[str, str | None] | None = None,
    profile: str | None = None,
) -> None:
    """The grandchild's side of a measured build: ``mkdocs build`` of ``project`` (with
    ``env_changes``: a value sets a variable, None removes it; ``profile``: under cProfile),
    then one JSON line of its seconds, CPU seconds and peak memory."""
    env: dict[str, str] = {**os.environ, "DUBAN_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    for name, value in (env_changes or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    python = [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else [])]
    mkdocs = [*python, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
    started = time.perf_counter()
    done = subprocess.run([*mkdocs, "-d", str(site)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(done.returncode)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime  # the build's processes: steadier than wall time
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": usage.ru_maxrss / 1024}))


_TAGS = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)


def page_text(html: str) -> str:
    """The text a reader sees in a page's article (tags, scripts and styles removed)."""
    body = _ARTICLE.search(html)
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", body.group(1) if body else "", flags=re.S)
    return re.sub(r"\s+", " ", _TAGS.sub(" ", text))


def site_facts(site: Path) -> dict[str, float]:
    """Largest page, largest unit page, search index against the pages' text, downloads."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages}
    largest = max(sizes, key=sizes.get)
    unit_pages = {k: v for k, v in sizes.items() if re.fullmatch(r"units/[^/]+\.html", k)}
    unit_pages.pop("units/index.html", None)
    text = sum(len(page_text(p.read_text("utf-8")).encode()) for p in pages)
    downloads = site / "downloads"
    return {
        "pages": len(pages),
        "largest_page": largest,
        "largest_page_bytes": sizes[largest],
        "largest_unit_page_bytes": max(unit_pages.values(), default=0),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
        "page_text_bytes": text,
        "download_bytes": sum(p.stat().st_size for p in downloads.rglob("*") if p.is_file()),
    }


def run(sizes: list[int], work: Path) -> list[dict[str, float]]:
    results = []
    for units in sizes:
        root = prepare(work, units)
        duban = measured_build(root, work / f"site-{units}")
        facts = site_facts(work / f"site-{units}")
        print(f"{units} units: duban build {duban}", flush=True)
        floor_project = write_floor(root, work / f"floor-{units}")
        floor = measured_build(floor_project, work / f"floor-site-{units}")
        row = {
            "units": units,
            "duban_s": duban["seconds"],
            "duban_mb": duban["peak_mb"],
            "floor_s": floor["seconds"],
            "floor_mb": floor["peak_mb"],
            "ratio": duban["seconds"] / floor["seconds"],
            **facts,
        }
        results.append(row)
        print(_line(row), flush=True)
    if len(results) > 1:
        growth = results[-1]["duban_s"] / results[0]["duban_s"]
        print(f"growth {results[-1]['units']}/{results[0]['units']} units: {growth:.2f}x")
    return results


def _line(r: dict) -> str:
    return (
        f"{r['units']:>5} units: duban {r['duban_s']:.1f} s {r['duban_mb']:.0f} MB | "
        f"floor {r['floor_s']:.1f} s {r['floor_mb']:.0f} MB | ratio {r['ratio']:.2f} | "
        f"{r['pages']} pages, largest {r['largest_page_bytes'] / 1e6:.2f} MB "
        f"({r['largest_page']}), unit page max {r['largest_unit_page_bytes'] / 1e3:.0f} KB | "
        f"search index {r['search_index_bytes'] / 1e6:.1f} MB vs page text "
        f"{r['page_text_bytes'] / 1e6:.1f} MB | downloads {r['download_bytes'] / 1e6:.1f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--child"]:
        _child(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,1500")
    parser.add_argument("--work", type=Path, default=Path("/tmp/duban-site-floor"))
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = run([int(s) for s in args.sizes.split(",")], args.work)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
