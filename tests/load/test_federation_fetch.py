"""Sources served over a local HTTPS server (a self-signed certificate from openssl, trusted
through ``ca_bundle``): fetching, the cache and 304, a source that never answers or drips, an
invalid export, a 50 MB body, plain http refused. ``duban sources refresh`` and ``duban check``
report each in one line and never fail for a source."""

from __future__ import annotations

import datetime as dt
import json
import time
import tracemalloc
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.evaluation.evaluate import evaluate
from duban.federation.sources import federation_rows
from duban.i18n.messages import set_language
from duban.load.fetch import FAILED, fetch
from duban.load.project import load_project
from duban.load.source_cache import cache_dir, copy_path, read_meta
from duban.model.federation import INVALID, OK, STALE, UNREACHABLE
from duban.outputs.open_data import export_json
from federation_kit import (
    AS_OF,
    Server,
    drip,
    flood,
    https_server,
    never_answer,
    send_json,
    split_cascade,
    write_federation,
)

MB = 1_000_000


def _city_export(city: Path) -> bytes:
    project = load_project(city)
    assert project.model is not None
    text = export_json(
        project.model, evaluation=evaluate(project.model, AS_OF), repository=("city", "测试市")
    )
    return text.encode("utf-8")


def _point(top: Path, server: Server, path: str, more: str = "") -> None:
    lines = f"    ca_bundle: {server.ca}\n    timeout: 1\n" + more
    write_federation(top, "top", "测试省", [("city", "测试市", server.url + path, lines)])


def test_a_source_is_fetched_cached_and_a_304_keeps_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, city = split_cascade(tmp_path)
    body = _city_export(city)
    with https_server(tmp_path, {"/duban.json": send_json(body)}) as server:
        _point(top, server, "/duban.json")
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        assert capsys.readouterr().out == "测试市（city）: updated\n"
        folder = cache_dir(top)
        assert copy_path(folder, "city").read_bytes() == body
        meta = read_meta(folder, "city")
        assert meta.etag == '"v1"' and meta.last_modified and meta.error is None
        assert main(["sources", "refresh", "--data", str(top), "--source", "city"]) == 0
        assert capsys.readouterr().out == "测试市（city）: unchanged\n"
        assert server.requests[-1]["If-None-Match"] == '"v1"'
        assert server.requests[-1]["If-Modified-Since"] == meta.last_modified
    assert copy_path(folder, "city").read_bytes() == body
    # the build reads the copy: the city's rows under the province's tasks, all healthy
    _config, rows, healths = federation_rows(load_project(top), AS_OF)
    assert [h.state for h in healths] == [OK]
    assert {r.holder_id: r.bucket for r in rows["prov/1"]} == {
        "qu-a": "done",
        "qu-b": "done_late",
        "qu-c": "overdue",
    }
    assert rows["prov/1"][0].url == "https://city.example.gov.cn/plans/city/tasks/1.html"
    assert not list(folder.glob("*.tmp"))


def test_a_copy_older_than_stale_after_days_is_stale(tmp_path: Path) -> None:
    top, city = split_cascade(tmp_path)
    with https_server(tmp_path, {"/duban.json": send_json(_city_export(city))}) as server:
        _point(top, server, "/duban.json", "    stale_after_days: 3\n")
        assert main(["sources", "refresh", "--data", str(top)]) == 0
    late = AS_OF + dt.timedelta(days=4)
    _config, rows, [health] = federation_rows(load_project(top), late)
    assert (health.state, health.copy_date) == (STALE, AS_OF)
    assert rows["prov/1"]  # a stale copy still counts, and says how old it is


def test_a_source_that_never_answers_times_out_and_the_check_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, _city = split_cascade(tmp_path)
    state: list[Server] = []
    with https_server(tmp_path, {"/slow": never_answer(lambda: state[0])}) as server:
        state.append(server)
        _point(top, server, "/slow")
        started = time.monotonic()
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        assert time.monotonic() - started < 1 + 1
        assert (
            capsys.readouterr().out == "测试市（city）: cannot be fetched: no answer within 1 s\n"
        )
        started = time.monotonic()
        code = main(["check", "--data", str(top), "--as-of", AS_OF.isoformat(), "--refresh"])
        assert time.monotonic() - started < 1 + 1 + 5  # the fetch, then the check itself
    assert code == 0
    err = capsys.readouterr().err
    assert err.count("warning: source 测试市（city）: cannot be fetched: no answer within 1 s") == 1
    _config, rows, [health] = federation_rows(load_project(top), AS_OF)
    assert (health.state, rows) == (UNREACHABLE, {})


def test_a_source_that_drips_is_stopped_by_the_whole_fetchs_deadline(tmp_path: Path) -> None:
    state: list[Server] = []
    with https_server(tmp_path, {"/drip": drip(lambda: state[0])}) as server:
        state.append(server)
        started = time.monotonic()
        got = fetch(server.url + "/drip", timeout=1, max_bytes=MB, ca_bundle=server.ca)
        assert time.monotonic() - started < 2
    assert got.outcome == FAILED and got.reason == "no answer within 1 s"


@pytest.mark.parametrize("declare", [False, True])
def test_a_50_mb_body_stops_at_the_limit(tmp_path: Path, declare: bool) -> None:
    state: list[Server] = []
    with https_server(tmp_path, {"/big": flood(lambda: state[0], 50 * MB, declare)}) as server:
        state.append(server)
        tracemalloc.start()
        got = fetch(server.url + "/big", timeout=10, max_bytes=2 * MB, ca_bundle=server.ca)
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        time.sleep(0.2)
        sent = server.sent.get("/big", 0)
    assert got.outcome == FAILED
    assert got.reason == "larger than the 2 MB limit (max_bytes): reading stopped"
    assert peak < 6 * MB, peak
    assert sent < 20 * MB, sent  # the server was cut off long before its 50 MB


def test_an_invalid_export_keeps_the_last_good_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, city = split_cascade(tmp_path)
    body = _city_export(city)
    bad = json.loads(body)
    bad["obligations"][0]["bucket"] = "finished"
    routes = {"/duban.json": send_json(body)}
    with https_server(tmp_path, routes) as server:
        _point(top, server, "/duban.json")
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        routes["/duban.json"] = send_json(json.dumps(bad).encode(), etag='"v2"')
        capsys.readouterr()
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("测试市（city）: invalid data: does not match the export schema: ")
        assert "obligations[0].bucket" in out
        routes["/duban.json"] = send_json(b"<html>not json</html>", etag='"v3"')
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        assert capsys.readouterr().out.startswith("测试市（city）: invalid data: not JSON: ")
    assert copy_path(cache_dir(top), "city").read_bytes() == body  # the good copy stays
    _config, rows, [health] = federation_rows(load_project(top), AS_OF)
    assert health.state == OK and rows["prov/1"]
    assert health.reason is not None and "not JSON" in health.reason


def test_an_invalid_export_with_no_copy_is_invalid_and_named_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, _city = split_cascade(tmp_path)
    with https_server(tmp_path, {"/x.json": send_json(b'{"format": "duban-export/4"}')}) as srv:
        _point(top, srv, "/x.json")
        assert main(["check", "--data", str(top), "--as-of", "2024-09-30", "--refresh"]) == 0
    err = capsys.readouterr().err
    assert "warning: source 测试市（city）: invalid data: does not match the export schema" in err
    _config, rows, [health] = federation_rows(load_project(top), AS_OF)
    assert (health.state, rows) == (INVALID, {})


def test_an_unknown_certificate_is_refused_with_the_hint_for_ca_bundle(tmp_path: Path) -> None:
    with https_server(tmp_path, {"/duban.json": send_json(b"{}")}) as server:
        got = fetch(server.url + "/duban.json", timeout=2, max_bytes=MB)
    assert got.outcome == FAILED and got.reason is not None
    assert got.reason.startswith("the certificate could not be verified")
    assert got.reason.endswith("set ca_bundle")


def test_plain_http_is_refused_without_a_connection() -> None:
    got = fetch("http://127.0.0.1:9/duban.json", timeout=1, max_bytes=MB)
    assert got.outcome == FAILED and got.reason is not None
    assert got.reason.startswith("only https:// addresses are fetched")
    set_language("zh")
    got = fetch("http://127.0.0.1:9/duban.json", timeout=1, max_bytes=MB)
    assert got.reason is not None and got.reason.startswith("只获取 https:// 地址")


def test_check_reads_only_the_cache_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, city = split_cascade(tmp_path)
    with https_server(tmp_path, {"/duban.json": send_json(_city_export(city))}) as server:
        _point(top, server, "/duban.json")
        assert main(["check", "--data", str(top), "--as-of", "2024-09-30"]) == 0
        assert server.requests == []
        err = capsys.readouterr().err
        assert "cannot be fetched: not fetched yet: run duban sources refresh" in err
        assert main(["check", "--data", str(top), "--as-of", "2024-09-30", "--refresh"]) == 0
        assert len(server.requests) == 1
        assert "warning" not in capsys.readouterr().err


def test_refresh_names_a_wrong_source_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top, _city = split_cascade(tmp_path)
    assert main(["sources", "refresh", "--data", str(top), "--source", "nope"]) == 2
    err = capsys.readouterr().err
    assert err == ("duban sources: --source: no source 'nope' in federation.yaml (sources: city)\n")
    assert main(["sources", "refresh", "--data", str(top)]) == 0
    assert capsys.readouterr().out == "测试市（city）: local, read in place at each build\n"
    (top / "federation.yaml").write_text("id: top\n", encoding="utf-8")
    assert main(["sources", "refresh", "--data", str(top)]) == 1
    assert capsys.readouterr().err == (
        f"duban sources: no sources: list them in {top}/federation.yaml (docs/sources.md)\n"
    )


def test_refresh_and_check_speak_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chinese: None
) -> None:
    top, city = split_cascade(tmp_path)
    routes = {"/duban.json": send_json(_city_export(city))}
    with https_server(tmp_path, routes) as server:
        _point(top, server, "/duban.json")
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        assert capsys.readouterr().out == "测试市（city）：已更新\n测试市（city）：未变化\n"
        routes["/duban.json"] = send_json(b"[]", etag='"v2"')
        assert main(["sources", "refresh", "--data", str(top)]) == 0
        out = capsys.readouterr().out
        assert out.startswith(
            "测试市（city）：数据无效：不符合开放数据格式（export.schema.json）："
        )
    assert main(["sources", "refresh", "--data", str(top)]) == 0
    assert capsys.readouterr().out.startswith("测试市（city）：无法获取：")
    late = ["check", "--data", str(top), "--as-of", "2024-12-31"]
    assert main(late) == 0
    assert "警告：数据来源 测试市（city）：数据截至 2024-09-30\n" in capsys.readouterr().err


def test_a_name_that_takes_forever_to_look_up_is_stopped_by_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The system resolver takes no timeout (its own can add up to tens of seconds): the fetch
    stops waiting for the name at its deadline all the same."""

    def slow_lookup(*args: object, **kwargs: object) -> list[object]:
        time.sleep(5)
        return []

    monkeypatch.setattr("socket.getaddrinfo", slow_lookup)
    started = time.monotonic()
    got = fetch("https://slow-dns.example.gov.cn/duban.json", timeout=1, max_bytes=1000)
    assert time.monotonic() - started < 2
    assert got.outcome == FAILED and "1 s" in (got.reason or "")
