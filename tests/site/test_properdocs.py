"""The shipped site built with ProperDocs (PyPI ``properdocs``, the MkDocs 1.x continuation by
MkDocs' maintainers) and with MkDocs 1.6 is the same site: the same files, byte for byte, but
for the one thing that must differ, each page's ``<meta name="generator">`` (it names the tool).

ProperDocs installs its own module (``properdocs``) beside ``mkdocs`` in one environment and runs
plugins and themes registered for MkDocs (the duban plugin, Material). The test skips when it
is not installed; .ci/run sets DUBAN_REQUIRE_PROPERDOCS=1, where it fails instead
(docs/ci.md: MkDocs 1.x 之后)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from sitekit import mkdocs_build, site_files

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
ENV = {
    # a fixed day and every setting that puts a link in the pages, so that those are compared
    "DUBAN_AS_OF": "2011-03-15",
    "DUBAN_EDIT_URL": "https://git.example.org/office/duban/edit/main/",
    "DUBAN_REPOSITORY": "https://github.com/example-office/duban",
    "DUBAN_SITE_URL": "https://example.org/duban/",
    "NO_MKDOCS_2_WARNING": "1",  # Material's end-of-life banner (docs/ci.md)
}


def _require_properdocs() -> None:
    if importlib.util.find_spec("properdocs") is None:
        reason = "properdocs is not installed (pip install -e '.[test]')"
        if os.environ.get("DUBAN_REQUIRE_PROPERDOCS") == "1":
            pytest.fail(f"DUBAN_REQUIRE_PROPERDOCS=1 but {reason}")
        pytest.skip(reason)


def _build(tool: str, site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **ENV},
        timeout=600,
    )
    assert result.returncode == 0, f"{tool}: {result.stderr[-3000:]}"


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    _require_properdocs()
    # MkDocs' build as every other test makes it (sitekit.mkdocs_build, a warm fork of
    # ``python -m mkdocs``); ProperDocs' in a process of its own
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "mkdocs", ENV)
    assert build.returncode == 0, f"mkdocs: {build.stderr[-3000:]}"
    _build("properdocs", tmp_path / "properdocs")
    mkdocs, properdocs = site_files(tmp_path / "mkdocs"), site_files(tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    assert sum(name.endswith(".html") for name in mkdocs) > 40  # the plugin's pages are there
    generators = set()
    for name, content in mkdocs.items():
        other = properdocs[name]
        if name.endswith(".html"):
            generators |= {
                (m, o)
                for m, o in zip(GENERATOR.findall(content), GENERATOR.findall(other), strict=True)
            }
            content, other = GENERATOR.sub(b"", content), GENERATOR.sub(b"", other)
        assert content == other, f"{name} differs"
    # the one difference, and it is what it says
    [(by_mkdocs, by_properdocs)] = generators
    assert by_mkdocs.startswith(b"mkdocs-1.6") and b"ProperDocs" in by_properdocs
