"""``mkdocs build`` in a process of its own, without paying each time for Python's start.

A real ``python -m mkdocs build`` spends about half its CPU before it reads mkdocs.yml: it
imports MkDocs, Material and duban, compiles duban's templates and loads jieba's dictionary (a
second of the demo's two and a half). Run as a script, this module does that once and waits on
its standard input; for each build asked for (``build``) it forks a child, which takes the
build's environment, working folder and arguments, points its stdout and stderr at files and
runs MkDocs' own command line (``mkdocs.__main__.cli``), the one ``python -m mkdocs`` runs; the
script replies with the child's exit code. Each build is a new process, forked from one that has
built nothing, so no state passes from one build to the next; what it writes, prints and returns
is a fresh process's. The script forks before any thread exists (it starts none). The installed
project's schemas are loaded once too (``_serve``).

sitekit.mkdocs_build uses it; ``DUBAN_COLD_BUILDS=1`` makes it start ``python -m mkdocs`` for
each build instead. Tests that signal, kill or serve a build start their own process.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

_SERVER: list[subprocess.Popen[str]] = []
_LOCK = threading.Lock()


def _server() -> subprocess.Popen[str]:
    if _SERVER and _SERVER[0].poll() is None:
        return _SERVER[0]
    # the environment a build starts from is the one it is given (``build``): the script's own
    # leaves out the DUBAN_ variables (a test's English messages, conftest.english_messages)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    server = subprocess.Popen(
        [sys.executable, __file__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its builds in its process group: a build out of time is ended
    )
    _SERVER[:] = [server]
    atexit.register(_stop, server)
    return server


def _stop(server: subprocess.Popen[str]) -> None:
    if server.poll() is None and server.stdin is not None:
        server.stdin.close()
        server.wait(30)


def build(
    args: list[str], env: dict[str, str], cwd: Path, out: Path, err: Path, timeout: float = 600
) -> int:
    """``python -m mkdocs *args`` with exactly the environment ``env``, in ``cwd``, its stdout
    written to ``out`` and its stderr to ``err``: its exit code. A build that takes longer than
    ``timeout`` seconds is killed with the server (the next build starts another), and raises
    subprocess.TimeoutExpired as subprocess.run does."""
    request = {"args": args, "env": env, "cwd": str(cwd), "out": str(out), "err": str(err)}
    with _LOCK:
        server = _server()
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        ready, _, _ = select.select([server.stdout], [], [], timeout)
        if not ready:
            os.killpg(server.pid, signal.SIGKILL)  # the server and the build it forked
            server.wait()
            raise subprocess.TimeoutExpired(["python", "-m", "mkdocs", *args], timeout)
        reply = server.stdout.readline()
    if not reply:
        raise RuntimeError("the build server stopped (tests/warm_build.py)")
    return int(json.loads(reply)["code"])


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become ``python -m mkdocs`` for this request, then exit."""
    code = 1
    try:
        os.chdir(request["cwd"])
        sys.path[0] = os.getcwd()  # as ``python -m`` puts it
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, path in ((1, request["out"]), (2, request["err"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        import jieba
        from mkdocs.__main__ import cli

        jieba.setLogLevel(logging.DEBUG)  # jieba's own level, lowered in _serve

        sys.argv = [sys.modules["mkdocs.__main__"].__file__ or "mkdocs", *request["args"]]
        try:
            cli.main(args=request["args"], prog_name="python -m mkdocs")
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
        except BaseException:
            traceback.print_exc()  # as Python prints an uncaught exception
            code = 1
    finally:
        logging.shutdown()  # what Python's exit does (no other exit hook is registered)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _serve() -> None:
    """Import and warm up what every build uses, then fork a child per request."""
    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.__main__
    import mkdocs.commands.build  # noqa: F401

    import duban.plugin  # noqa: F401
    from duban.load.schemas import default_schema_dir, load_schemas
    from duban.site.env import compile_templates

    compile_templates()
    # the installed project's schemas, checked against the JSON Schema meta-schema once: a
    # build whose data has no schemas/ beside it (the demo, the examples, the shipped data)
    # finds them loaded, as a second load in one process does (load_schemas: the same files,
    # by their digest); a project's own copy is loaded in full
    load_schemas(default_schema_dir())
    jieba.setLogLevel(logging.INFO)  # its loading, said once here
    jieba.initialize()
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(json.dumps({"code": os.waitstatus_to_exitcode(status)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve()
