"""``duban gitlab-issue`` against a local HTTP server standing in for GitLab's REST API (v4):
the one overdue issue is opened, updated and closed as ``overdue.yml`` does on GitHub, the token
goes in the PRIVATE-TOKEN header and nowhere else, and every refusal is one line."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from duban.cli.common import UsageError
from duban.cli.gitlab_issue import LABEL, checked_api_url
from duban.cli.main import main
from helpers import ROOT

TOKEN = "glpat-secret-token-0123"


class FakeGitLab:
    """Issues of project 7 in memory; every request kept as (method, path, fields, token)."""

    def __init__(self) -> None:
        self.issues: dict[int, dict[str, str]] = {}
        self.requests: list[tuple[str, str, dict[str, str], str | None]] = []
        self.status = 200
        self.redirect: str | None = None


@pytest.fixture
def gitlab(monkeypatch) -> Iterator[tuple[FakeGitLab, str]]:
    fake = FakeGitLab()

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
            fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            url = urllib.parse.urlsplit(self.path)
            token = self.headers.get("PRIVATE-TOKEN")
            fake.requests.append((self.command, url.path, fields, token))
            if fake.redirect:
                self.send_response(302)
                self.send_header("Location", fake.redirect)
                self.end_headers()
                return
            if fake.status != 200 or token != TOKEN:
                self._answer(fake.status if fake.status != 200 else 401, {"message": "no"})
                return
            prefix = "/api/v4/projects/7/issues"
            if not url.path.startswith(prefix):
                self._answer(404, {"message": "404 Project Not Found"})
                return
            rest = url.path[len(prefix) :].strip("/").split("/")
            if self.command == "GET":
                query = dict(urllib.parse.parse_qsl(url.query))
                found = [
                    {"iid": iid, **issue}
                    for iid, issue in sorted(fake.issues.items())
                    if issue["state"] == query.get("state")
                    and query.get("labels") in issue["labels"].split(",")
                ]
                self._answer(200, found[: int(query.get("per_page", 20))])
            elif self.command == "POST" and rest == [""]:
                iid = len(fake.issues) + 1
                fake.issues[iid] = {**fields, "state": "opened", "notes": ""}
                self._answer(201, {"iid": iid})
            elif self.command == "POST" and rest[1:] == ["notes"]:
                fake.issues[int(rest[0])]["notes"] += fields["body"]
                self._answer(201, {"id": 1})
            elif self.command == "PUT":
                issue = fake.issues[int(rest[0])]
                if fields.pop("state_event", None) == "close":
                    issue["state"] = "closed"
                issue.update(fields)
                self._answer(200, {"iid": int(rest[0])})
            else:
                self._answer(405, {})

        do_GET = do_POST = do_PUT = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("DUBAN_GITLAB_TOKEN", TOKEN)
    monkeypatch.delenv("CI_API_V4_URL", raising=False)
    monkeypatch.delenv("CI_PROJECT_ID", raising=False)
    try:
        yield fake, f"http://127.0.0.1:{server.server_address[1]}/api/v4"
    finally:
        server.shutdown()
        server.server_close()


def run(api: str, as_of: str, *more: str) -> int:
    data = str(ROOT / "tests" / "fixtures" / "demo" / "data")
    return main(["gitlab-issue", "--data", data, "--as-of", as_of, "--api", api, *more])


def test_the_issue_is_opened_updated_and_closed(gitlab, capsys, monkeypatch):
    fake, api = gitlab
    monkeypatch.setenv("CI_PROJECT_ID", "7")  # as GitLab CI sets it
    assert run(api, "2024-06-30", "--site-url", "https://example.org/duban/") == 0
    assert capsys.readouterr().out == "opened issue #1\n"
    [issue] = fake.issues.values()
    assert issue["labels"] == LABEL and issue["state"] == "opened"
    assert issue["title"].startswith("督办：") and "截至 2024-06-30" in issue["title"]
    assert "https://example.org/duban/" in issue["description"]
    assert run(api, "2024-07-31") == 0
    assert capsys.readouterr().out == "updated issue #1\n"
    assert len(fake.issues) == 1 and "截至 2024-07-31" in fake.issues[1]["title"]
    # every request carried the token in its header, and only there
    assert {token for *_, token in fake.requests} == {TOKEN}
    assert not any(TOKEN in path or TOKEN in str(fields) for _, path, fields, _ in fake.requests)


def test_nothing_overdue_closes_the_issue_with_a_note(gitlab, capsys):
    fake, api = gitlab
    fake.issues[1] = {"title": "t", "labels": LABEL, "state": "opened", "notes": ""}
    assert run(api, "2000-01-01", "--project", "7") == 0
    assert capsys.readouterr().out == "closed issue #1\n"
    assert fake.issues[1]["state"] == "closed" and "Nothing is overdue" in fake.issues[1]["notes"]
    assert run(api, "2000-01-01", "--project", "7") == 0
    assert capsys.readouterr().out == "nothing is overdue and no issue is open\n"
    assert [m for m, *_ in fake.requests[-1:]] == ["GET"]  # nothing opened


@pytest.mark.parametrize(
    ("status", "words"), [(401, "token was refused"), (404, "not found"), (500, "HTTP 500")]
)
def test_a_refusal_is_one_line_without_the_token(gitlab, capsys, status, words):
    fake, api = gitlab
    fake.status = status
    assert run(api, "2024-06-30", "--project", "7") == 1
    out, err = capsys.readouterr()
    assert words in err and len(err.strip().splitlines()) == 1
    assert TOKEN not in out + err and "Traceback" not in err


def test_a_redirect_is_not_followed_with_the_token(gitlab, capsys):
    fake, api = gitlab
    fake.redirect = api.replace("/api/v4", "/elsewhere")
    assert run(api, "2024-06-30", "--project", "7") == 1
    assert "redirect" in capsys.readouterr().err
    assert len(fake.requests) == 1  # the Location was not requested


def test_no_token_no_request(gitlab, capsys, monkeypatch):
    fake, api = gitlab
    monkeypatch.setenv("DUBAN_GITLAB_TOKEN", " ")
    assert run(api, "2024-06-30", "--project", "7") == 2
    assert "DUBAN_GITLAB_TOKEN is not set" in capsys.readouterr().err
    assert fake.requests == []


def test_only_https_or_loopback_http():
    assert checked_api_url("https://git.example.gov.cn/api/v4/") == (
        "https://git.example.gov.cn/api/v4"
    )
    assert checked_api_url("http://[::1]:8080/api/v4").startswith("http://[::1]")
    for url in (
        "http://git.example.gov.cn/api/v4",
        "http://127.0.0.1.example.org/api/v4",
        "ftp://127.0.0.1/api/v4",
        "https:///api/v4",
        "file:///etc/passwd",
    ):
        with pytest.raises(UsageError):
            checked_api_url(url)


def test_invalid_data_leaves_the_issue_alone(gitlab, tmp_path, capsys):
    fake, api = gitlab
    (tmp_path / "org.yaml").write_text("units: [\n", encoding="utf-8")
    args = ["gitlab-issue", "--data", str(tmp_path), "--api", api, "--project", "7"]
    assert main(args) == 2
    assert fake.requests == []
