"""Every character of a document goes somewhere (issue 18, part 5): task text, a field of the
plan, a kept provision, chrome, or a line of the review. Checked on every plan text of the
tests (and on the corpus, when it is there); a clause dropped on purpose is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.plan_import import ImportError_, ReadError, import_file, load_org
from duban.plan_import.accounting import account, destinations
from duban.plan_import.units import ImportOrg
from helpers import ROOT

pytestmark = pytest.mark.usefixtures("chinese")  # the review is read in Chinese

IMPORT = ROOT / "tests" / "fixtures" / "import"
CORPUS = IMPORT / "corpus"
SEED = ROOT.parent / "shared" / "seed" / "000_f572bcd16cf0a2fa.txt"
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".doc", ".xlsx")
DOCUMENTS = sorted(
    p
    for p in [*IMPORT.rglob("*"), SEED, ROOT / "examples" / "county" / "source.txt"]
    if p.is_file() and p.suffix in SUFFIXES and CORPUS not in p.parents
)
CORPUS_DOCUMENTS = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def _org(path: Path) -> ImportOrg:
    beside = path.with_name("city-org.yaml") if path.name == "city-plan.txt" else None
    return load_org(beside)[0] if beside else ImportOrg()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_character_of_every_fixture_has_one_destination(path):
    result = import_file(path, _org(path), "p", 2024)
    accounting = result.accounting
    assert accounting is not None
    assert accounting.accounted == accounting.total > 0
    assert [(x.line, x.text) for x in accounting.leftovers] == []
    assert accounting.chars["tasks"] > accounting.total / 3


@pytest.mark.parametrize("path", CORPUS_DOCUMENTS, ids=lambda p: p.name)
def test_every_character_of_the_corpus_is_placed_or_in_the_review(path):
    """The real documents of the corpus (when it is there): every character is in a field, set
    aside as chrome, or quoted in the review as not understood: none is dropped silently."""
    try:
        result = import_file(path, ImportOrg(), "p", 2024)
    except (ImportError_, ReadError):
        pytest.skip("refused with a message (test_corpus.py scores refusals)")
    accounting = result.accounting
    assert accounting is not None
    assert accounting.accounted == accounting.total > 0
    unread = {(f.line, f.text) for f in result.unread}
    assert all((x.line, x.text) in unread for x in accounting.leftovers)


def _without(text: str, clause: str) -> str:
    assert clause in text
    return text.replace(clause, "")


def test_a_clause_dropped_on_purpose_is_caught_and_listed_with_its_line():
    path = IMPORT / "city-plan.txt"
    result = import_file(path, _org(path), "p")
    document = path.read_text(encoding="utf-8")
    dropped = "（市政务服务局牵头，市司法局、市财政局配合）"
    task = next(t for t in result.tasks if dropped in t["text"])
    task["text"] = _without(task["text"], dropped)  # what a bug in the importer would do
    claims = destinations(
        result.plan, result.tasks, result.chrome, result.issuer_as_written, result.labels
    )
    accounting = account(document.replace("\t", " "), claims)
    [(line, text)] = [(x.line, x.text) for x in accounting.leftovers]
    assert line == 17 and text in (dropped, dropped + "。")  # its line, and nothing else
    assert accounting.chars["review"] == len(text)


def test_the_review_ends_with_the_accounting_and_lists_what_it_did_not_place(tmp_path):
    from duban.plan_import import run_import

    source = tmp_path / "plan.txt"
    source.write_text(
        "当前位置：首页 > 政务公开 > 规划计划\n索引号：11610100/2024-00012  发布日期：2024-03-01\n"
        "字号：大 中 小\n"
        "某县2024年法治政府建设工作方案\n一、工作任务\n"
        "（一）开展培训。专业法律知识培训不少于60学时（牵头单位：县司法局；完成时限：年底前）。\n"
        "打印本页 关闭窗口\n",
        encoding="utf-8",
    )
    written = run_import(source, tmp_path / "data", None, "p", None)
    review = written.review.read_text(encoding="utf-8")
    assert review.rstrip().endswith("打印本页 关闭窗口」")
    assert "- 合计：" in review.split("## 八、原文文字的去向")[1]
    assert "「专业法律知识培训不少于60学时」" not in review  # the figure alone is quoted
    assert "任务 1-1：「不少于60学时」" in review
    plan = written.result.plan
    assert plan["title"] == "某县2024年法治政府建设工作方案"
    assert "首页" not in str(plan) and "索引号" not in str(plan)
    assert written.result.accounting.leftovers == []


def test_the_review_in_english_with_lang_en(tmp_path, monkeypatch):
    from duban.i18n.messages import set_language
    from duban.plan_import import run_import

    monkeypatch.setenv("DUBAN_LANG", "en")
    set_language(None)
    source = IMPORT / "city-plan.txt"
    written = run_import(source, tmp_path / "data", IMPORT / "city-org.yaml", "p", None)
    review = written.review.read_text(encoding="utf-8")
    assert review.startswith("# Import review: 云州市2024—2025年营商环境优化提升实施方案")
    assert "## 8. Where the document's text went" in review
    assert "- total: 1022 of 1022 characters" in review
    assert "## 八" not in review and "合计" not in review
