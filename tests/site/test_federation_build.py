"""A site build with sources (data/federation.yaml): one read in place from a local data folder,
one over HTTPS that never answers, one over HTTPS whose export is hostile. The strict build
succeeds within the silent source's timeout, its open data carries the rows rolled up, the
province's task page shows the rows below it with every text from elsewhere escaped, and the
downloads page says which source is fine and which cannot be fetched."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.outputs.open_data import export_json
from federation_kit import (
    AS_OF,
    CASCADE,
    Server,
    https_server,
    never_answer,
    send_json,
    split_cascade,
)
from helpers import ROOT
from sitekit import mkdocs_build


def test_a_build_with_a_local_and_a_silent_source_succeeds_and_says_so(
    tmp_path: Path, chinese: None
) -> None:
    top, city = split_cascade(tmp_path)
    root = top.parent
    config = (CASCADE.parent / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../../mkdocs.yml", str(ROOT / "mkdocs.yml"))
    config = config.replace(
        "      language: zh\n", "      language: zh\n      refresh_sources: true\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# 说明\n", encoding="utf-8")
    state: list[Server] = []
    routes = {"/slow": never_answer(lambda: state[0]), "/hostile.json": send_json(_hostile(city))}
    with https_server(tmp_path, routes) as server:
        state.append(server)
        federation = top / "federation.yaml"
        federation.write_text(
            federation.read_text(encoding="utf-8")
            + f"  - id: silent\n    name: 某县\n    export: {server.url}/slow\n"
            f"    ca_bundle: {server.ca}\n    timeout: 1\n"
            f"  - id: rogue\n    name: 某区\n    export: {server.url}/hostile.json\n"
            f"    ca_bundle: {server.ca}\n",
            encoding="utf-8",
        )
        started = time.monotonic()
        build = mkdocs_build(root / "mkdocs.yml", root / "site")
        took = time.monotonic() - started
    assert build.returncode == 0, build.stderr
    assert len(server.requests) == 2 and took < 60
    assert "duban: 数据来源 某县（silent）：无法获取：1 秒内没有应答（超时）" in build.stderr
    data = json.loads((root / "site" / "downloads" / "duban.json").read_text(encoding="utf-8"))
    assert data["repository"] == {"id": "top", "name": "测试省"}
    city_rows = [r for r in data["linked"] if r["source_id"] == "city"]
    assert sorted((r["target"], r["holder_id"], r["bucket"]) for r in city_rows) == [
        ("prov/1", "qu-a", "done"),
        ("prov/1", "qu-b", "done_late"),
        ("prov/1", "qu-c", "overdue"),
        ("prov/2", "qu-a", "ongoing"),
        ("prov/2", "qu-b", "open"),
        ("prov/2/1", "qu-a", "not_reported"),
        ("prov/2/1", "qu-b", "done"),
    ]
    page = (root / "site" / "downloads.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<tr data-duban-health="(\w+)"><th scope="row">(.*?)</th><td>(.*?)</td>', page
    )
    assert rows[0] == (
        "ok",
        '<a href="https://city.example.gov.cn/">测试市</a>',
        "正常，数据截至 2024-09-30",
    )
    assert rows[1][:2] == ("unreachable", "某县")
    assert rows[1][2] == "无法获取：1 秒内没有应答（超时）"
    assert rows[2][0] == "ok"
    # the province's task page lists the city's implementing obligations (h20a's section)
    task = (root / "site" / "plans" / "prov" / "tasks" / "1.html").read_text(encoding="utf-8")
    below = task[task.index('id="below-table"') :]
    below = below[: below.index("</table>")]
    assert re.findall(r'<tr data-bucket="(\w+)">', below) == ["done", "done_late", "overdue"] * 2
    # the rogue source names no site: its rows link nowhere
    assert below.count('href="https://city.example.gov.cn/plans/city/tasks/1.html"') == 3
    assert below.count("<a ") == 3
    assert "测试市 · 测试市落实省法治建设实施方案分工方案" in below
    # the hostile source's texts arrive as text: escaped, without their control characters
    assert "<img" not in task and "<script" not in below and "\x07" not in task
    assert "&lt;img src=x onerror=alert(1)&gt;" in below
    assert "&lt;script&gt;alert(1)&lt;/script&gt;制定执法制度" in below
    # the silent source has no rows: the roll-up says it is missing, on every task page
    for page_name in ("1.html", "2.html"):
        shown = (root / "site" / "plans" / "prov" / "tasks" / page_name).read_text(encoding="utf-8")
        notice = shown[shown.index("data-duban-missing-sources") :]
        notice = notice[: notice.index("</ul>")]
        assert re.findall(r'<li data-duban-health="(\w+)">', notice) == ["unreachable"]
        assert "某县</span>：无法获取：1 秒内没有应答（超时）" in notice


def _hostile(city: Path) -> bytes:
    """The city's export with markup and control characters in every text a row shows."""
    project = load_project(city)
    assert project.model is not None
    data = json.loads(export_json(project.model, evaluation=evaluate(project.model, AS_OF)))
    for plan in data["plans"]:
        plan["title"] = "<img src=x onerror=alert(1)>\x07方案"
    for task in data["tasks"]:
        task["title"] = "<script>alert(1)</script>" + task["title"] + "\x1b[0m"
    for unit in data["units"]:
        unit["name"] = '"><svg onload=alert(1)>' + unit["name"]
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
