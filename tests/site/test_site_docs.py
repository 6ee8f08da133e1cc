"""The hand-written pages stay true: the editing guide shows an example made from the
repository's own data (tests/site/test_guide_examples.py checks it is valid), and the error it
shows is the one the validator prints for the mistake it describes."""

from __future__ import annotations

import re
import shutil

from duban.cli.main import main
from duban.load.project import load_project
from duban.site.examples import MARKERS, example_unit, status_example
from sitekit import ROOT

GUIDE = ROOT / "docs" / "guide.md"


def test_the_guide_shows_examples_made_from_the_data():
    guide = GUIDE.read_text("utf-8")
    assert MARKERS[0] in guide and MARKERS[1] in guide
    assert "```yaml\nunit:" not in guide  # no hand-written example naming one plan's unit


def test_the_guides_error_message_is_what_the_validator_says(tmp_path, monkeypatch, capsys):
    documented = re.search(
        r"^\s+data/status/<单位标识>\.yaml:\d+:\d+: (obligations\[0\]\.done: '(\d{4})-06-31' .*)$",
        GUIDE.read_text("utf-8"),
        re.M,
    )
    assert documented
    model = load_project(ROOT / "data").model
    assert model is not None
    holder, _ = example_unit(model)
    example = status_example(model).removeprefix("```yaml\n").removesuffix("\n```")
    broken = re.sub(
        r"done: \d{4}-\d{2}-\d{2}", f"done: {documented.group(2)}-06-31", example, count=1
    )
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "data" / "status" / f"{holder}.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "zh", "validate"]) == 1
    line = capsys.readouterr().err.splitlines()[0]
    assert line.startswith(f"data/status/{holder}.yaml:")
    assert line.split(": ", 1)[1] == documented.group(1)


def test_no_published_page_links_to_a_page_left_out_of_the_site():
    # developer docs stay in the repository (exclude_docs); a link to one from a page readers
    # see would be a 404 on the published site (MkDocs only logs it, at INFO)
    # mkdocs.yml has tags only MkDocs reads (!ENV): take the exclude_docs block as text
    block = re.search(
        r"^exclude_docs: \|\n((?:  \S.*\n)+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M
    )
    assert block is not None
    excluded = {line.strip() for line in block.group(1).splitlines()}
    assert {"architecture.md", "ci.md"} <= excluded
    link = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")
    offending = [
        f"{page.name} -> {target}"
        for page in sorted((ROOT / "docs").glob("*.md"))
        if page.name not in excluded
        for target in link.findall(page.read_text("utf-8"))
        if target in excluded
    ]
    assert offending == []
