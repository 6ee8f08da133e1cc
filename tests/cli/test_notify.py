"""``duban notify`` end to end: dry-run on the shipped data, delivery to local stand-ins of each
platform (a threaded HTTP server that records every request, an SMTP server), the DingTalk and
Feishu signatures checked against the platforms' documented algorithm, the state file, a dead
channel, and the exit codes."""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from duban.cli.main import main
from helpers import ROOT, free_port

# apprise 2.3 imports the standard library's imghdr, deprecated in Python 3.11
pytestmark = pytest.mark.filterwarnings("ignore:'imghdr' is deprecated:DeprecationWarning")

AS_OF = "2011-03-31"
SITE = "https://example.org/duban/"
DING_SECRET = "SECtest0123456789abcdef"
FEISHU_SECRET = "feishu-test-secret"

NOTIFY_YAML = """\
routes:
  office-wecom:
    kind: wecom
    url_env: T_WECOM
  districts:
    kind: dingtalk
    url_env: T_DING
    secret_env: T_DING_SECRET
  bureau:
    kind: feishu
    url_env: T_FEISHU
    secret_env: T_FEISHU_SECRET
  mail:
    kind: email
    url_env: T_MAIL
  hook:
    kind: webhook
    url_env: T_HOOK
units:
  quxian-sfj: [districts]
  bangongshi: [bureau, mail]
default: [hook]
office: [office-wecom]
form_url: https://example.org/forms/report
"""


@pytest.fixture(autouse=True, scope="module")
def no_threads_left_behind() -> Iterator[None]:
    """Apprise sends through a process-wide thread pool whose idle worker stays alive; later
    tests (site/split.can_fork) rightly refuse to fork beside a thread, so stop it here."""
    yield
    import importlib

    core = importlib.import_module("apprise.apprise")
    for name in ("_shared_executor", "_coordinator_executor"):
        executor = getattr(core, name, None)
        if executor is not None:
            executor.shutdown(wait=True)
            setattr(core, name, None)


@dataclass
class Recorder:
    """What the stand-in bots received: (path, query, JSON body) per request."""

    requests: list[tuple[str, dict[str, list[str]], dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on(self, path: str) -> list[tuple[dict[str, list[str]], dict[str, Any]]]:
        with self.lock:
            return [(q, b) for p, q, b in self.requests if p == path]


@pytest.fixture
def bots() -> Iterator[tuple[str, Recorder]]:
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            parts = urllib.parse.urlsplit(self.path)
            with recorder.lock:
                recorder.requests.append((parts.path, urllib.parse.parse_qs(parts.query), body))
            answer = {"code": 0, "msg": "success"} if "feishu" in parts.path else {"errcode": 0}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", recorder
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def smtp() -> Iterator[tuple[int, list[Any]]]:
    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data with a notify.yaml, as the working directory."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    monkeypatch.chdir(project)
    return project


def configure(
    project: Path, monkeypatch: pytest.MonkeyPatch, base: str, smtp_port: int, dead: str = ""
) -> None:
    (project / "data" / "notify.yaml").write_text(NOTIFY_YAML, encoding="utf-8")
    monkeypatch.setenv("T_WECOM", dead or f"{base}/wecom/send?key=k1")
    monkeypatch.setenv("T_DING", f"{base}/dingtalk/robot/send?access_token=t1")
    monkeypatch.setenv("T_DING_SECRET", DING_SECRET)
    monkeypatch.setenv("T_FEISHU", f"{base}/feishu/hook/abc")
    monkeypatch.setenv("T_FEISHU_SECRET", FEISHU_SECRET)
    monkeypatch.setenv(
        "T_MAIL", f"mailto://127.0.0.1:{smtp_port}?from=office@example.org&to=clerk@example.org"
    )
    base_host = base.removeprefix("http://")
    monkeypatch.setenv("T_HOOK", f"json://{base_host}/hook")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_units() -> list[dict[str, Any]]:
    """duban check's own answer, to compare the digests with."""
    done = subprocess.run(
        [sys.executable, "-m", "duban", "check", "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    units: list[dict[str, Any]] = json.loads(done.stdout)["units"]
    return units


# -- dry run -----------------------------------------------------------------------------------
def test_dry_run_on_the_shipped_data_prints_one_digest_per_unit_and_the_summary(
    shipped: Path, capsys: pytest.CaptureFixture[str], chinese: None
) -> None:
    code, out, _ = run(capsys, "notify", "--dry-run", "--as-of", AS_OF, "--state", "s.json")
    assert code == 0
    units = check_units()
    assert len(units) == 25
    for unit in units:  # one digest per unit with items, with check's own counts
        assert out.count(f"--- {unit['id']} ---\n督办提醒：") == 1
        assert f"逾期 {unit['overdue']} 项（其中未报送 {unit['overdue_not_reported']} 项）" in out
    assert out.count(f"督办提醒汇总（截至 {AS_OF}）") == 1
    assert "逾期 214 项（其中未报送 214 项），30 天内到期 0 项。" in out
    assert "有逾期或临期事项的单位 25 个。" in out
    assert "没有发送路线" not in out  # no notify.yaml: nothing to say about routes
    assert not Path("s.json").exists()  # a dry run sends nothing and records nothing


def test_dry_run_by_route_in_english(
    shipped: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(shipped, monkeypatch, "http://127.0.0.1:9", 25)
    monkeypatch.delenv("T_HOOK")
    code, out, _ = run(
        capsys, "notify", "--dry-run", "--as-of", AS_OF, "--site-url", SITE, "--lang", "en"
    )
    assert code == 0
    assert "== route districts (dingtalk, T_DING: set): 13 messages ==" in out
    assert "== route hook (webhook, T_HOOK: NOT SET): 11 messages ==" in out
    assert "== route office-wecom (wecom, T_WECOM: set): 2 messages ==" in out
    assert "--- office 2/2 ---" in out  # 25 units are more than 4,096 bytes: split between units
    assert "Reminder for 新城区司法局 (as of 2011-03-31)" in out
    assert f"[this unit's page]({SITE}units/xincheng.html)" in out
    assert "[report progress](https://example.org/forms/report)" in out
    assert "http://127.0.0.1:9" not in out  # addresses are never printed


# -- delivery ----------------------------------------------------------------------------------
def dingtalk_signature(secret: str, timestamp: str) -> str:
    """DingTalk's documented algorithm: HmacSHA256(secret, timestamp + "\\n" + secret), Base64."""
    mac = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def feishu_signature(secret: str, timestamp: str) -> str:
    """Feishu's documented algorithm: HmacSHA256 keyed by timestamp + "\\n" + secret over ""."""
    mac = hmac.new(f"{timestamp}\n{secret}".encode(), b"", hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def test_delivers_to_every_platform_in_its_format_and_only_once_a_day(
    shipped: Path,
    bots: tuple[str, Recorder],
    smtp: tuple[int, list[Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, recorder = bots
    port, mails = smtp
    configure(shipped, monkeypatch, base, port)
    argv = ("notify", "--as-of", AS_OF, "--site-url", SITE, "--state", "state.json")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "sent 28, already sent today 0, not delivered 0" in out

    # WeCom: markdown, content within 4,096 bytes
    wecom = recorder.on("/wecom/send")
    assert len(wecom) == 2  # the summary of 25 units, split between units
    for part, (query, body) in enumerate(wecom, 1):
        assert query == {"key": ["k1"]} and body["msgtype"] == "markdown"
        content = body["markdown"]["content"]
        assert content.startswith(f"**Reminders sent: summary as of 2011-03-31 (part {part}/2)**\n")
        assert len(content.encode()) <= 4096
    summary = "".join(body["markdown"]["content"] for _, body in wecom)
    assert all(f"{n}. [" in summary for n in range(1, 26))

    # DingTalk: markdown with a title, signed in the URL as documented
    dingtalk = recorder.on("/dingtalk/robot/send")
    assert len(dingtalk) == 13  # the 13 members of quxian-sfj
    for query, body in dingtalk:
        assert body["msgtype"] == "markdown" and body["markdown"]["title"]
        assert body["markdown"]["text"].startswith(f"#### {body['markdown']['title']}\n")
        (timestamp,) = query["timestamp"]
        assert query["sign"] == [dingtalk_signature(DING_SECRET, timestamp)]
        assert query["access_token"] == ["t1"]

    # Feishu: an interactive card, signed in the body as documented
    ((_, feishu),) = recorder.on("/feishu/hook/abc")
    assert feishu["msg_type"] == "interactive"
    assert feishu["sign"] == feishu_signature(FEISHU_SECRET, feishu["timestamp"])
    assert feishu["card"]["header"]["title"]["content"].startswith("Reminder for 市局办公室")
    assert "[this unit's page]" in feishu["card"]["elements"][0]["text"]["content"]

    # the generic webhook (Apprise json://): every unit without a route of its own
    hook = recorder.on("/hook")
    assert len(hook) == 25 - 13 - 1  # neither the districts nor bangongshi
    assert all(body["title"].startswith("Reminder for ") for _, body in hook)

    # e-mail through Apprise to the SMTP server
    assert len(mails) == 1
    assert mails[0].rcpt_tos == ["clerk@example.org"]
    assert "bangongshi" not in mails[0].mail_from

    # the same day again: nothing is sent twice
    before = len(recorder.requests)
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "sent 0, already sent today 28, not delivered 0" in out
    assert len(recorder.requests) == before and len(mails) == 1
    # another day is another day
    code, out, _ = run(capsys, *argv[:2], "2011-04-01", *argv[3:])
    assert "sent 28, already sent today 0," in out


def test_a_dead_channel_does_not_stop_the_others(
    shipped: Path,
    bots: tuple[str, Recorder],
    smtp: tuple[int, list[Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, recorder = bots
    dead = f"http://127.0.0.1:{free_port()}/wecom/send?key=k1"  # nothing listens: refused
    configure(shipped, monkeypatch, base, smtp[0], dead=dead)
    argv = ("notify", "--as-of", AS_OF, "--state", "state.json", "--retry-delay", "0")
    code, out, err = run(capsys, *argv, "--retries", "2")
    assert code == 1
    assert "route office-wecom: office not delivered after 3 attempts" in err
    assert "k1" not in err  # the address is not printed
    assert "sent 26, already sent today 0, not delivered 1" in out
    assert len(recorder.on("/dingtalk/robot/send")) == 13
    # once the channel is back, the next run sends only what is missing
    monkeypatch.setenv("T_WECOM", f"{base}/wecom/send?key=k1")
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "sent 1, already sent today 26, not delivered 0" in out


def test_a_route_without_its_variable_is_reported_and_fails(
    shipped: Path,
    bots: tuple[str, Recorder],
    smtp: tuple[int, list[Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure(shipped, monkeypatch, bots[0], smtp[0])
    monkeypatch.delenv("T_DING_SECRET")
    monkeypatch.setenv("T_FEISHU", "ftp://example.org/x")
    code, out, err = run(capsys, "notify", "--as-of", AS_OF, "--state", "state.json")
    assert code == 1
    assert "route districts: not sent: environment variable T_DING_SECRET is not set" in err
    assert "route bureau: not sent: T_FEISHU: the address must start with https://" in err
    assert "not delivered 14" in out


def test_notify_yaml_problems_stop_the_command_with_a_line_each(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notify = shipped / "data" / "notify.yaml"
    url = "https://example.org/robot/send?access_token=0123456789abcdef"
    notify.write_text(NOTIFY_YAML.replace("url_env: T_HOOK", f"url_env: {url}"))
    code, _, err = run(capsys, "notify", "--dry-run", "--as-of", AS_OF)
    assert code == 2
    assert (
        "data/notify.yaml:18:14: routes.hook.url_env: must be the name of an environment "
        "variable (capital letters, digits and _), never the address or key itself\n"
    ) in err
    assert "data/notify.yaml:18:14: routes.hook.url_env: looks like a webhook key" in err
    assert "0123456789abcdef" not in err  # the key is never printed
    notify.write_text(NOTIFY_YAML.replace("[districts]", "[nowhere]").replace("bangongshi:", "x:"))
    code, _, err = run(capsys, "notify", "--dry-run", "--as-of", AS_OF)
    assert code == 2
    assert "data/notify.yaml:20:16: units.quxian-sfj[0]: there is no route nowhere" in err
    assert "data/notify.yaml:5:3: routes.districts: route districts is not used" in err
    assert "data/notify.yaml:21:3: units.x: x is not a unit or group in org.yaml" in err
    assert "Traceback" not in err


def test_apprise_is_imported_only_when_a_route_sends_through_it() -> None:
    code = (
        "import sys\n"
        "import duban.cli.notify\n"
        "print('apprise' in sys.modules, 'requests' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_one_secret_may_hold_every_routes_variables(
    shipped: Path,
    bots: tuple[str, Recorder],
    smtp: tuple[int, list[Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, recorder = bots
    configure(shipped, monkeypatch, base, smtp[0])
    bundle = "\n".join(f"{name}={os.environ[name]}" for name in ("T_DING", "T_DING_SECRET"))
    monkeypatch.delenv("T_DING")
    monkeypatch.delenv("T_DING_SECRET")
    monkeypatch.setenv("DUBAN_NOTIFY_SECRETS", f"# the office's routes\n{bundle}\n")
    code, _, err = run(capsys, "notify", "--as-of", AS_OF, "--state", "state.json")
    assert code == 0, err
    dingtalk = recorder.on("/dingtalk/robot/send")
    assert len(dingtalk) == 13
    assert dingtalk[0][0]["sign"] == [
        dingtalk_signature(DING_SECRET, dingtalk[0][0]["timestamp"][0])
    ]


def test_text_from_data_reaches_the_groups_inert(
    shipped: Path,
    bots: tuple[str, Recorder],
    smtp: tuple[int, list[Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, recorder = bots
    configure(shipped, monkeypatch, base, smtp[0])
    task = shipped / "data" / "plans" / "xian-sfj-2010-zfgfh" / "tasks" / "05.yaml"
    hostile = '"完善执法责任制度 [点我](https://evil.example/) <@all> **粗** # 标题"'
    text = task.read_text(encoding="utf-8").replace("title: 完善执法责任制度", f"title: {hostile}")
    task.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "notify", "--as-of", AS_OF, "--state", "state.json")
    assert code == 0, err
    bodies = [json.dumps(body, ensure_ascii=False) for _, _, body in recorder.requests]
    seen = [b for b in bodies if "完善执法责任制度" in b]
    assert seen  # the districts and the webhook carry task 05
    for body in seen:
        assert "evil.example/)" not in body and "](https://evil" not in body
        assert "<@all>" not in body and "**粗**" not in body
        assert "［点我］（https://evil.example/）" in body and "＜＠all＞" in body
    # the e-mail: the title as its subject, the digest as its text
    message = email.message_from_bytes(mails_content(smtp[1][0]), policy=email.policy.default)
    assert message["Subject"] == "Reminder for 市局办公室 (as of 2011-03-31)"


def mails_content(envelope: Any) -> bytes:
    content = envelope.original_content or envelope.content
    return content if isinstance(content, bytes) else content.encode("utf-8")


def test_a_state_file_that_cannot_be_written_is_one_line(
    shipped: Path,
    bots: tuple[str, Recorder],
    smtp: tuple[int, list[Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure(shipped, monkeypatch, bots[0], smtp[0])
    Path("blocker").write_text("a file, not a folder")
    code, _, err = run(capsys, "notify", "--as-of", AS_OF, "--state", "blocker/state.json")
    assert code == 2
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith("duban notify: --state: cannot write blocker/state.json: ")
    )
    assert "Traceback" not in err
