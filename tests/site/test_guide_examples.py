"""The guide's examples come from the repository's own data, and they are valid data."""

from __future__ import annotations

import shutil

import pytest

from duban.load.project import load_project
from duban.site.examples import MARKERS, example_unit, fill_examples, status_example
from helpers import ROOT


@pytest.mark.parametrize("data", ["data", "examples/county/data", "examples/office/data"])
def test_the_status_example_names_a_real_unit_and_validates(data, tmp_path):
    model = load_project(ROOT / data).model
    assert model is not None
    holder, picked = example_unit(model)
    assert holder in model.holders and len(picked) >= 2
    copy = tmp_path / "data"
    shutil.copytree(ROOT / data, copy)
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    block = status_example(model).removeprefix("```yaml\n").removesuffix("\n```")
    (copy / "status" / f"{holder}.yaml").write_text(block + "\n", encoding="utf-8")
    loaded = load_project(copy)
    assert [str(p) for p in loaded.problems] == []


def test_markers_are_replaced_and_other_pages_left_alone():
    model = load_project(ROOT / "data").model
    assert model is not None
    page = f"# 指南\n\n{MARKERS[0]}\n\n{MARKERS[1]}\n"
    filled = fill_examples(page, model)
    assert "<!-- duban:" not in filled and "```yaml" in filled and "`" in filled
    assert fill_examples("# 无标记\n", model) == "# 无标记\n"


def test_the_plan_list_links_each_plan_and_escapes_its_words():
    import dataclasses

    model = load_project(ROOT / "data").model
    assert model is not None
    (plan,) = model.plans.values()
    nasty = dataclasses.replace(plan, title="[x](javascript:alert(1)) <b>*")
    text = fill_examples(MARKERS[2], dataclasses.replace(model, plans={plan.id: nasty}))
    assert text.startswith("- [&#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41; &#60;b&#62;&#42;]")
    assert f"](plans/{plan.id}/index.md)" in text
    assert "](../plans/" in fill_examples(MARKERS[2], model, "sub/page.md")
