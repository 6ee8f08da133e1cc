"""Helpers for the site tests: build a fixture site with MkDocs, and read built pages.

Sites are built through the real command line (``mkdocs build --strict``, MkDocs' own ``cli``
in a process of its own: forked from a warmed-up one, tests/warm_build.py), so the tests see
exactly what a user's build produces, warnings and exit code included. A site no test
changes is built once per test run, whichever test file or worker asks for it
(``shared_build``, ``built_site``, ``built_province``).
"""

from __future__ import annotations

import atexit
import datetime as dt
import fcntl
import functools
import hashlib
import http.server
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_commands
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

import warm_build
from duban.evaluation.evaluate import Evaluation, evaluate
from duban.evaluation.update import LiveEvaluation
from duban.load.project import load_project
from duban.load.update import LiveLoad
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, render_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = FIXTURES / "demo"
HOSTILE = FIXTURES / "hostile"
DEMO_AS_OF = "2010-12-15"
DEMO_PLAN = "xian-sfj-2010-zfgfh"
HOSTILE_PLAN = "hostile-plan"


def plan_path(plan_id: str, page: str) -> str:
    """The built page of a plan (plain .html URLs): ``index``, ``progress``, ``tasks/03`` ..."""
    return f"plans/{plan_id}/{page}.html"


_TMP = Path(tempfile.mkdtemp(prefix="duban-sites-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


@dataclass
class Build:
    site: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if "WARNING" in line]


def mkdocs_build(config: Path, site: Path, env: dict[str, str] | None = None) -> Build:
    """Run ``mkdocs build --strict`` on ``config`` into ``site``: in a new process forked from a
    warmed-up one (tests/warm_build.py), or with ``DUBAN_COLD_BUILDS=1`` started afresh."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    args = ["build", "--strict", "-f", str(config), "-d", str(site)]
    if os.environ.get("DUBAN_COLD_BUILDS") != "1":
        # forked from a process that has imported and warmed up MkDocs (tests/warm_build.py)
        with tempfile.TemporaryDirectory(prefix="mkdocs-output-", dir=_TMP) as output:
            out, err = Path(output) / "stdout", Path(output) / "stderr"
            code = warm_build.build(args, environment, config.parent, out, err)
            return Build(site, code, out.read_text("utf-8"), err.read_text("utf-8"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=config.parent,
        timeout=600,
    )
    return Build(site, result.returncode, result.stdout, result.stderr)


# -- builds shared by every test file and every worker of a run -----------------------------------
# A build of a configuration no test changes (the repository's, an example's, a fixture's) with
# the same environment is the same site: it is made once per run, by whichever worker (pytest-
# xdist) asks first, in a folder all workers of the run see (conftest.shared_builds points
# _SHARED at the run's pytest tmp base). A lock file per build makes another worker wait for it
# instead of building it again; what mkdocs printed and its exit code are kept beside the site.
# The tests only read these sites (a test that changes one copies it first).

_SHARED: list[Path] = []
_DONE: dict[str, Build] = {}


def share_builds_in(folder: Path) -> None:
    """Keep the shared builds in ``folder`` (one per test run; conftest.shared_builds)."""
    folder.mkdir(parents=True, exist_ok=True)
    _SHARED[:] = [folder]


def _once(name: str, make: Callable[[Path], Build]) -> Build:
    """``make(folder)``'s build, made once per run under the name ``name``."""
    if name in _DONE:
        return _DONE[name]
    if not _SHARED:
        share_builds_in(_TMP / "shared")
    folder = _SHARED[0] / name
    saved = folder.with_name(f"{name}.json")
    with open(folder.with_name(f"{name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not saved.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a build cut short
            folder.mkdir()
            build = make(folder)
            record = {"site": str(build.site), "returncode": build.returncode}
            record |= {"stdout": build.stdout, "stderr": build.stderr}
            partial = saved.with_suffix(".part")
            partial.write_text(json.dumps(record), encoding="utf-8")
            partial.replace(saved)
    record = json.loads(saved.read_text(encoding="utf-8"))
    build = Build(Path(record["site"]), record["returncode"], record["stdout"], record["stderr"])
    _DONE[name] = build
    return build


def shared_build(config: Path, **env: str) -> Build:
    """``mkdocs_build`` of ``config`` with the environment variables ``env``, once per run.
    The variables the site depends on are the build's name: those given and the DUBAN_ ones
    of the environment. DUBAN_LANG is the site's own (mkdocs.yml) unless ``env`` names one, so
    that a build asked for inside a test (English messages, conftest.english_messages) is the
    one asked for by a module's fixture."""
    variables = {k: v for k, v in os.environ.items() if k.startswith("DUBAN_")}
    variables |= {"DUBAN_LANG": "", **env}
    key = json.dumps([str(config.resolve()), sorted(variables.items())])
    name = f"{config.parent.name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"
    return _once(name, lambda folder: mkdocs_build(config, folder / "site", variables))


def built_site(name: str) -> Build:
    """The demo or hostile fixture, built once per run."""
    return shared_build({"demo": DEMO, "hostile": HOSTILE}[name] / "mkdocs.yml")


def scratch(name: str) -> Path:
    """A fresh folder for a test's own builds."""
    path = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=_TMP))
    return path


def demo_data(tmp_path: Path) -> Path:
    """A copy of the demo's data folder under ``tmp_path`` (to edit)."""
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    return data


def model_bytes(project: Any) -> bytes:
    """A loaded project's model pickled: two loads made the same model when these are equal."""
    assert project.ok, project.problems[:3]
    return pickle.dumps(project.model)


def demo_project(root: Path) -> Path:
    """A project folder at ``root`` that builds the demo site on its own: the demo's data and
    docs, its mkdocs.yml pointing at the repository's, and the schemas."""
    for part in ("data", "docs"):
        shutil.copytree(ROOT / "tests" / "fixtures" / "demo" / part, root / part)
    config = (ROOT / "tests" / "fixtures" / "demo" / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("../../../mkdocs.yml", str(ROOT / "mkdocs.yml"))
    )
    shutil.copytree(ROOT / "schemas", root / "schemas")
    return root


def ci_project(root: Path) -> Path:
    """:func:`demo_project` with a page cache where ``DUBAN_PAGE_CACHE`` says (a CI build's)."""
    project = demo_project(root)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        'as_of: "2010-12-15"', 'as_of: "2010-12-15"\n      page_cache: !ENV [DUBAN_PAGE_CACHE, ""]'
    )
    assert "page_cache" in text
    config.write_text(text, "utf-8")
    return project


class ServeRenders:
    """duban's part of `mkdocs serve`'s builds, in this process: the live load and evaluation,
    the memo in memory; a build after an edit loads only the files it is told changed."""

    def __init__(self, data: Path, settings: Settings, as_of: dt.date) -> None:
        self.data, self.settings, self.as_of = data, settings, as_of
        self.live, self.evaluations = LiveLoad(), LiveEvaluation()
        self.memo = SourceMemo(None, keep=True)

    def build(self, changed: list[str] | None) -> tuple[dict[str, str], Evaluation]:
        """Every page and file made (path -> text), and the evaluation."""
        project = self.live.load(self.data, changed=changed)
        assert project.model is not None
        self.memo.start(data_digests(self.data))
        evaluation = self.evaluations.evaluate(
            project.model, self.as_of, self.settings.due_soon_days
        )
        site = render_site(project.model, self.settings, evaluation, processes=1, memo=self.memo)
        return site_texts(site), evaluation


def site_texts(site: Any) -> dict[str, str]:
    """A render's pages and files (path -> text)."""
    return {**site.pages, **{p: str(c) for p, c in site.files.items()}}


def fresh_texts(data: Path, settings: Settings, as_of: dt.date) -> dict[str, str]:
    """What a fresh build renders from ``data`` (path -> text): the oracle for serve's."""
    model = load_project(data).model
    assert model is not None
    evaluation = evaluate(model, as_of, settings.due_soon_days)
    return site_texts(render_site(model, settings, evaluation, processes=1))


def ci_province_files(data: Path, memo: SourceMemo | None, as_of: dt.date) -> dict[str, Any]:
    """The downloads of ``data`` rendered as a province (group pages, summary rows of 5: the
    caller lowers ``groups.SUMMARY_HOLDERS``) in one process, ``memo`` started and finished as a
    CI build does (the kept 台账 rows', open data's tests)."""
    return ci_province_site(data, memo, as_of).files


def ci_province_site(
    data: Path, memo: SourceMemo | None, as_of: dt.date, processes: int = 1
) -> Any:
    """:func:`ci_province_files`'s render, whole (its pages too), in ``processes``."""
    if memo is not None:
        memo.start(data_digests(data))
    model = load_project(data).model
    assert model is not None
    settings = Settings(as_of=as_of, summary_rows=5)
    evaluation = evaluate(model, as_of, settings.due_soon_days)
    site = render_site(model, settings, evaluation, processes=processes, memo=memo)
    if memo is not None:
        memo.finish()
    return site


def ci_open_data_gz(data: Path, memo: SourceMemo | None, as_of: dt.date) -> bytes:
    """A province's ``duban.json.gz`` as :func:`ci_province_files` renders it."""
    gz = ci_province_files(data, memo, as_of)[urls.EXPORT_JSON_GZ]
    assert isinstance(gz, bytes)
    return gz


def edit_update(data: Path, unit: str, words: str) -> None:
    """``words`` put before the first update's text of ``unit``'s status file."""
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", rf"\g<1>{words}", text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")


class Compressed(list[int]):
    """The length of every text ``module`` compressed (its ``deflated``, patched to count)."""

    def __init__(self, monkeypatch: Any, module: Any) -> None:
        super().__init__()
        real = module.deflated

        def counted(text: bytes, before: bytes = b"") -> Any:
            self.append(len(text))
            return real(text, before)

        monkeypatch.setattr(module, "deflated", counted)


SERVE_URL = "http://127.0.0.1:8000/"


def demo_served(name: str) -> tuple[Path, Path, Path]:
    """A scratch folder ``name``, the demo project in it and an empty folder to serve it into."""
    work = scratch(name)
    project = demo_project(work / "project")
    served = work / "served"
    served.mkdir()
    return work, project, served


def serve_started(project: Path, served: Path, dirty: bool = False) -> MkDocsConfig:
    """The project's plugins started in this process as `mkdocs serve` starts them, building
    into ``served`` (the caller ends them: ``config.plugins.on_shutdown()``)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    for plugin in config.plugins.values():
        # MkDocs keeps plugin instances for the whole process (its plugins' cache), and
        # Material's search plugin keeps a `serve --dirty` session's index to merge the next
        # build's into (search_index_prev), never cleared by on_startup: a session started after
        # a dirty one in the same test process indexed every page three times. A new `mkdocs
        # serve` is a new process, so each session here starts without it.
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None
    config.plugins.on_startup(command="serve", dirty=dirty)
    return config


def serve_rebuild(project: Path, served: Path, dirty: bool = False) -> None:
    """One build as `mkdocs serve` makes it: the config read again (the started plugins kept),
    the server's address as its site_url."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    config.site_url = SERVE_URL  # as `mkdocs serve` sets it before every build
    mkdocs_commands.build(config, serve_url=SERVE_URL, dirty=dirty)


def text_edited(status: Path, words: str) -> None:
    """One update's text changed (``words`` put before the status file's first update text):
    the unit's page, its tasks' pages and the summaries read it."""
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", rf"\g<1>{words}", text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_served_as_built(project: Path, served: Path, full: Path) -> None:
    """Every file ``mkdocs serve`` serves from ``served`` is the one a fresh ``mkdocs build`` of
    the same project makes (built into ``full``); names the files that differ when it fails."""
    built = mkdocs_build(project / "mkdocs.yml", full, {"DUBAN_SITE_URL": SERVE_URL})
    assert built.returncode == 0, built.stderr[-3000:]
    served_files, full_files = site_files(served), site_files(full)
    differ = sorted(
        name
        for name in served_files.keys() | full_files.keys()
        if served_files.get(name) != full_files.get(name)
    )
    assert not differ, differ[:10]  # the names, not megabytes of bytes, when it fails


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# pages made from one template per unit, task or group: a family (each plan's tasks, groups ...
# a family of their own; the units' history pages one)
FAMILY = re.compile(
    r"^(?:(units|plans/[^/]+/[^/]+)/(?!index\.html$)[^/]+|units/[^/]+/(history)[^/]*)\.html$"
)


def page_families(pages: Iterable[Path], site: Path) -> dict[str, list[Path]]:
    """The pages by family (``FAMILY``: the units' pages, each plan's task pages, group pages);
    every other page (home, lists, a plan's own pages, the docs pages) is a family of its own."""
    families: dict[str, list[Path]] = {}
    for path in sorted(pages):
        relative = path.relative_to(site).as_posix()
        family = FAMILY.match(relative)
        name = (family.group(1) or "units/*/history") if family else relative
        families.setdefault(name, []).append(path)
    return families


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]


@dataclass
class Page(HTMLParser):
    """What a page contains: every element with its attributes, script bodies and the text."""

    elements: list[Element] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def urls(self) -> list[tuple[str, str, str]]:
        """(tag, attribute, value) of every URL-bearing attribute."""
        result = []
        for el in self.elements:
            for attr in ("href", "src", "srcset", "action", "formaction", "poster", "data"):
                value = el.attrs.get(attr)
                if value:
                    result.append((el.tag, attr, value))
        return result


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


SECOND_PLAN = "demo-second-2011"
SECOND_TITLE = "第二个演示方案（合成）"


def _name_the_plan(node: object, plan_id: str) -> None:
    """Every reference to a task in a status or records file gets ``plan:`` (required once the
    repository holds several plans)."""
    if isinstance(node, dict):
        if "task" in node and "plan" not in node:
            node["plan"] = plan_id
        for value in node.values():
            _name_the_plan(value, plan_id)
    elif isinstance(node, list):
        for value in node:
            _name_the_plan(value, plan_id)


def make_two_plan_data(dest: Path) -> Path:
    """The demo data with a second plan: a copy of the demo plan under another id, title and
    date and no rules, whose tasks therefore bind the same units. Status and records name their
    plan (the demo plan): the second plan has no status yet."""
    import yaml

    shutil.copytree(DEMO / "data", dest)
    plans = dest / "plans"
    shutil.copytree(plans / DEMO_PLAN, plans / SECOND_PLAN)
    (plans / SECOND_PLAN / "rules.yaml").unlink()  # rule ids are unique across plans
    plan_file = plans / SECOND_PLAN / "plan.yaml"
    lines = []
    for line in plan_file.read_text("utf-8").splitlines():
        if line.startswith("id: "):
            line = f"id: {SECOND_PLAN}"
        elif line.startswith("title: "):
            line = f"title: {SECOND_TITLE}"
        elif line.startswith("signed: "):
            # signed before its deadlines fall due (nothing is owed before a plan is signed),
            # after the demo plan: listed first (newest first)
            line = "signed: 2010-05-20"
        lines.append(line)
    plan_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for folder in ("status", "records"):
        for path in sorted((dest / folder).glob("*.yaml")):
            text = path.read_text("utf-8")
            header = text.splitlines()[0]
            data = yaml.safe_load(text)
            _name_the_plan(data, DEMO_PLAN)
            body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            path.write_text(header + "\n" + body, encoding="utf-8")
    return dest


PROVINCE_PLAN = "synthetic"


def built_province() -> Build:
    """A synthetic plan of 60 units in cities of 12, built once per run: its half-yearly
    task has 360 rows held by 60 units, so its page is summarised by group."""
    from bench_site import make_site_project  # tests/benchmarks, on pytest's pythonpath

    def make(folder: Path) -> Build:
        root = make_site_project(folder, units=60, tasks=3, group_size=12)
        return mkdocs_build(root / "mkdocs.yml", root / "site")

    return _once("province", make)


# -- a real browser ------------------------------------------------------------------------------
# Debian's Chromium driven by Playwright; one browser a test session (conftest.browser).

CHROMIUM = Path(os.environ.get("DUBAN_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SHOTS = ROOT / "tests" / "output" / "screenshots"


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site served over HTTP on a free local port: its origin, for the browser."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def shoot(page: Any, name: str) -> None:
    """A full-page screenshot under tests/output/screenshots/, to look at: one pixel a CSS
    pixel (``scale="css"``), whatever the page's device scale factor. Only the picture is
    smaller (a phone's page at 390 px wide, not 780): the page is laid out and drawn as before,
    and no test reads the file. Encoding a phone's long page at twice the scale (four times the
    pixels) was most of a browser test's CPU."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True, scale="css")
