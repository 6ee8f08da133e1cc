"""``duban gitea-issue`` against a local HTTP server standing in for Gitea's REST API (v1, which
Forgejo shares): the one overdue issue is opened (its label made first, by id), updated and
closed; the token travels in the Authorization header only; bodies are JSON."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from duban.cli.common import UsageError
from duban.cli.gitea_issue import gitea_api
from duban.cli.main import main
from helpers import ROOT

TOKEN = "gitea-secret-0123"
LABEL = "duban-overdue"


class FakeGitea:
    def __init__(self) -> None:
        self.labels: list[dict[str, Any]] = [{"id": 3, "name": "bug"}]
        self.issues: dict[int, dict[str, Any]] = {}
        self.comments: list[str] = []
        self.requests: list[tuple[str, str, Any, str | None]] = []


@pytest.fixture
def gitea(monkeypatch) -> Iterator[tuple[FakeGitea, str]]:
    fake = FakeGitea()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _answer(self, code: int, payload: object) -> None:
            body = json.dumps(payload).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            fields = json.loads(raw) if raw else None
            url = urllib.parse.urlsplit(self.path)
            auth = self.headers.get("Authorization")
            fake.requests.append((self.command, url.path, fields, auth))
            if auth != f"token {TOKEN}":
                self._answer(401, {"message": "token is required"})
                return
            if fields is not None and self.headers.get("Content-Type") != "application/json":
                self._answer(415, {})
                return
            prefix = "/api/v1/repos/office/duban"
            rest = url.path.removeprefix(prefix).strip("/").split("/")
            query = dict(urllib.parse.parse_qsl(url.query))
            if rest == ["labels"] and self.command == "GET":
                self._answer(200, fake.labels)
            elif rest == ["labels"] and self.command == "POST":
                made = {"id": 10 + len(fake.labels), **fields}
                fake.labels.append(made)
                self._answer(201, made)
            elif rest == ["issues"] and self.command == "GET":
                names = {label["id"]: label["name"] for label in fake.labels}
                found = [
                    {"number": n, **issue}
                    for n, issue in sorted(fake.issues.items())
                    if issue["state"] == query["state"]
                    and query["labels"] in [names[i] for i in issue["labels"]]
                ]
                self._answer(200, found[: int(query["limit"])])
            elif rest == ["issues"] and self.command == "POST":
                number = len(fake.issues) + 1
                fake.issues[number] = {**fields, "state": "open"}
                self._answer(201, {"number": number})
            elif rest[0] == "issues" and rest[2:] == ["comments"]:
                fake.comments.append(fields["body"])
                self._answer(201, {"id": 1})
            elif rest[0] == "issues" and self.command == "PATCH":
                fake.issues[int(rest[1])].update(fields)
                self._answer(201, {"number": int(rest[1])})
            else:
                self._answer(404, {"message": "not found"})

        do_GET = do_POST = do_PATCH = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("DUBAN_GITEA_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_SERVER_URL", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("GITHUB_REPOSITORY", "office/duban")
    try:
        yield fake, f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()


def run(as_of: str, *more: str) -> int:
    data = str(ROOT / "tests" / "fixtures" / "demo" / "data")
    return main(["gitea-issue", "--data", data, "--as-of", as_of, *more])


def test_the_issue_is_opened_with_a_new_label_updated_and_closed(gitea, capsys):
    fake, _ = gitea
    assert run("2024-06-30", "--site-url", "https://example.org/duban/") == 0  # env defaults
    assert capsys.readouterr().out == "opened issue #1\n"
    [label] = [item for item in fake.labels if item["name"] == LABEL]
    assert fake.issues[1]["labels"] == [label["id"]] and label["color"] == "#b60205"
    assert "截至 2024-06-30" in fake.issues[1]["title"]
    assert "https://example.org/duban/" in fake.issues[1]["body"]
    assert run("2024-07-31") == 0
    assert capsys.readouterr().out == "updated issue #1\n"
    assert len(fake.issues) == 1 and "截至 2024-07-31" in fake.issues[1]["title"]
    assert run("2000-01-01") == 0
    assert capsys.readouterr().out == "closed issue #1\n"
    assert fake.issues[1]["state"] == "closed" and "Nothing is overdue" in fake.comments[0]
    assert {auth for *_, auth in fake.requests} == {f"token {TOKEN}"}
    assert not any(TOKEN in path or TOKEN in json.dumps(f) for _, path, f, _ in fake.requests)


def test_an_existing_label_is_used_not_made_again(gitea, capsys):
    fake, api = gitea
    fake.labels.append({"id": 7, "name": LABEL})
    assert run("2024-06-30", "--api", api, "--repo", "office/duban") == 0
    assert fake.issues[1]["labels"] == [7]
    assert not [r for r in fake.requests if r[0] == "POST" and r[1].endswith("/labels")]


def test_a_refused_token_is_one_line(gitea, capsys, monkeypatch):
    monkeypatch.setenv("DUBAN_GITEA_TOKEN", "wrong")
    assert run("2024-06-30") == 1
    err = capsys.readouterr().err
    assert "token was refused (HTTP 401)" in err and len(err.strip().splitlines()) == 1
    assert "wrong" not in err


def test_the_repository_must_be_owner_slash_name():
    for bad in ("duban", "a/b/c", "/duban", "office/"):
        with pytest.raises(UsageError):
            gitea_api("https://git.example.org/api/v1", bad, TOKEN)
