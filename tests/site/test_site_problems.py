"""The page `mkdocs serve` shows while the data has problems, without a server (the real server:
test_site_serve.py)."""

from __future__ import annotations

from duban.model.problems import Problem
from duban.site.page_problems import nav_pages, page_title, problem_list, problems_page
from duban.site.render import front_matter
from duban.site.theme import not_found_words

PROBLEM = Problem("data/status/a.yaml", 12, 5, "obligations[0].summary", "<script>x</script>")


def test_the_page_lists_each_problem_escaped_with_its_place():
    page = problems_page([PROBLEM], "zh", title="任务（三） <b>")
    assert page_title(page) == "任务（三） <b>"  # the title, escaped in front matter
    assert "&lt;b&gt;" in page.splitlines()[1]
    assert 'search: {"exclude": true}' in page
    assert "data/status/a.yaml:12:5: obligations[0].summary: &lt;script&gt;" in page
    assert "<script>" not in page
    assert "<h1>数据有误，预览未能更新</h1>" in page
    assert "数据中有 1 个问题，涉及 1 个文件" in page
    assert page_title(problems_page([PROBLEM], "zh")) == "数据有误"
    # on a hand-written page the list has no heading of its own
    assert "<h1" not in problem_list([PROBLEM], "zh")
    english = problems_page([PROBLEM], "en")
    assert "The data has problems" in english and "数据有误" not in english


def test_titles_come_back_from_front_matter_unescaped():
    assert page_title(front_matter("督办清单 <b> & “引号”")) == "督办清单 <b> & “引号”"
    assert page_title("no front matter") is None


def test_nav_pages_are_every_page_the_nav_names():
    nav = [
        "index.md",
        {"说明": [{"关于": "about.md"}, "https://example.org/x.md"]},
        {"a": "b/c.md"},
    ]
    assert nav_pages(nav) == {"index.md", "about.md", "b/c.md"}
    assert nav_pages(None) == frozenset()


def test_the_404_page_has_words_in_both_languages():
    assert not_found_words("zh")["home"] == "返回首页"
    assert not_found_words("en")["title"] == "Page not found"
