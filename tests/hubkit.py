"""A real JupyterHub for tests and benchmarks, and simulated students that use it.

Used by tests/test_hub.py and bench/bench_hub.py. What runs is what a class runs:

- :class:`GitServer` serves a local git repository over HTTP with git's own
  ``git http-backend`` (the "smart" protocol, so nbgitpuller's shallow clones work);
- :class:`Hub` starts JupyterHub (from PyPI) with configurable-http-proxy (from npm,
  installed by ``.ci/run`` into ``tests/.chp/``), the SimpleLocalProcessSpawner (every
  student's single-user JupyterLab server runs as this OS user, with its own home folder
  under a temporary folder) and the DummyAuthenticator (one shared class password), and
  stops everything it started by process id;
- :class:`Student` logs in with the password, gets a token, starts their server, follows
  the nbgitpuller link, runs a notebook cell by cell through the server's kernel API
  (REST + websocket) and saves it through the contents API.

Nothing here is imported by the package.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parents[1]
CHP = ROOT / "tests" / ".chp" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "koit-class-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing() -> str:
    """Why a hub cannot be started here, or "" when everything it needs is installed."""
    for module in ("jupyterhub", "nbgitpuller", "requests", "tornado"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install '.[hub]')"
    if not CHP.exists():
        return f"configurable-http-proxy is not installed in {CHP.parent} (.ci/run installs it)"
    if shutil.which("node") is None:
        return "Node.js is not installed (configurable-http-proxy runs on it)"
    if shutil.which("git") is None:
        return "git is not installed"
    return ""


# -- a git repository over HTTP ---------------------------------------------------------


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):  # the test output stays readable
        pass


class _ThreadingWSGIServer(WSGIServer):
    daemon_threads = True

    def process_request(self, request, client_address):
        t = threading.Thread(target=self._serve, args=(request, client_address), daemon=True)
        t.start()

    def _serve(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)


class GitServer:
    """``git http-backend`` (CGI) behind a small threaded WSGI server on a free port."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.port = free_port()
        self._server = make_server(
            "127.0.0.1",
            self.port,
            self._app,
            server_class=_ThreadingWSGIServer,
            handler_class=_Quiet,
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def _app(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        env = {
            "PATH": os.environ.get("PATH", ""),
            "GIT_PROJECT_ROOT": str(self.root),
            "GIT_HTTP_EXPORT_ALL": "1",
            "REQUEST_METHOD": environ["REQUEST_METHOD"],
            "PATH_INFO": environ.get("PATH_INFO", ""),
            "QUERY_STRING": environ.get("QUERY_STRING", ""),
            "CONTENT_TYPE": environ.get("CONTENT_TYPE", ""),
            "CONTENT_LENGTH": str(len(body)),
            "REMOTE_ADDR": "127.0.0.1",
            "GIT_PROTOCOL": environ.get("HTTP_GIT_PROTOCOL", ""),
            "HTTP_CONTENT_ENCODING": environ.get("HTTP_CONTENT_ENCODING", ""),
        }
        out = subprocess.run(
            ["git", "http-backend"], input=body, env=env, capture_output=True, check=False
        )
        head, _, payload = out.stdout.partition(b"\r\n\r\n")
        if not _:
            head, _, payload = out.stdout.partition(b"\n\n")
        status, headers = "200 OK", []
        for line in head.decode("latin-1").splitlines():
            key, _, value = line.partition(":")
            if key.lower() == "status":
                status = value.strip()
            elif key:
                headers.append((key.strip(), value.strip()))
        start_response(status, headers)
        return [payload]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Teacher",
        "GIT_AUTHOR_EMAIL": "teacher@example.org",
        "GIT_COMMITTER_NAME": "Teacher",
        "GIT_COMMITTER_EMAIL": "teacher@example.org",
    }
    out = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout


# -- the hub ------------------------------------------------------------------------------

_CONFIG = """\
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{state}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{state}/jupyterhub.pid"
c.ConfigurableHTTPProxy.command = ["{chp}"]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.pid_file = "{state}/proxy.pid"
c.ConfigurableHTTPProxy.auth_token = "{proxy_token}"
# students' servers and the proxy keep running when the hub stops (or is killed)
c.JupyterHub.cleanup_servers = False
c.JupyterHub.cleanup_proxy = False
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "{password}"
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {{"teacher"}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{homes}/{{username}}"
c.Spawner.cmd = ["{singleuser}"]
c.Spawner.default_url = "/lab"
c.Spawner.args = {args}
c.Spawner.start_timeout = {spawn_timeout}
c.Spawner.http_timeout = {spawn_timeout}
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.active_server_limit = 0
c.JupyterHub.last_activity_interval = 30
"""


class Hub:
    """JupyterHub with its proxy, in ``folder``; :meth:`stop` ends every process by pid."""

    def __init__(self, folder: Path, spawn_timeout: int = 120):
        self.folder = Path(folder)
        self.state = self.folder / "hub"
        self.homes = self.folder / "homes"
        self.state.mkdir(parents=True, exist_ok=True)
        self.homes.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = self.state / "jupyterhub_config.py"
        self.proxy_api_port = free_port()
        bindir = Path(sys.executable).parent
        self.config.write_text(
            _CONFIG.format(
                port=self.port,
                hub_port=free_port(),
                proxy_api_port=self.proxy_api_port,
                spawn_timeout=spawn_timeout,
                proxy_token=uuid.uuid4().hex,
                state=self.state,
                homes=self.homes,
                chp=CHP,
                password=PASSWORD,
                singleuser=bindir / "jupyterhub-singleuser",
                # a single-user server refuses to run as root unless told to (CI containers)
                args=["--allow-root"] if os.geteuid() == 0 else [],
            ),
            encoding="utf-8",
        )
        self.proc: subprocess.Popen | None = None
        self.log = self.state / "jupyterhub.log"
        self.known_pids: set[int] = set()

    def start(self, timeout: float = 90) -> None:
        import requests

        log = open(self.log, "ab")
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(self.config)],
            cwd=self.state,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.known_pids.add(self.proc.pid)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited at start; its log:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200:
                    self._remember_proxy()
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"JupyterHub did not answer in {timeout:.0f} s; log:\n{self.log_tail()}")

    def _remember_proxy(self) -> None:
        pid_file = self.state / "proxy.pid"
        if pid_file.exists():
            self.known_pids.add(int(pid_file.read_text().strip()))

    def _ours(self, pid: int) -> bool:
        """Whether ``pid`` is this hub, its proxy or one of its students' servers."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            return False
        home = f"HOME={self.homes}/".encode()
        return (
            str(self.config) in cmdline
            or (f"--api-port {self.proxy_api_port}" in cmdline)
            or any(e.startswith(home) for e in environ)
        )

    def log_tail(self, n: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])

    def kill_hub(self) -> None:
        """Kill the hub process only (SIGKILL, no clean-up): what a crash looks like."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def server_pids(self) -> dict[str, int]:
        """Each user's single-user server process id, from the hub's database."""
        import sqlite3

        db = self.state / "jupyterhub.sqlite"
        if not db.exists():
            return {}
        con = sqlite3.connect(db)
        try:
            rows = con.execute(
                "SELECT users.name, spawners.state FROM spawners "
                "JOIN users ON spawners.user_id = users.id"
            ).fetchall()
        finally:
            con.close()
        pids = {}
        for name, state in rows:
            pid = json.loads(state).get("pid") if state else None
            if pid:
                pids[name] = int(pid)
        return pids

    def stop(self) -> None:
        """Stop the hub, the proxy and every student's server, by process id."""
        self._remember_proxy()
        pids = set(self.known_pids) | set(self.server_pids().values())
        # a process id of a process that ended may since belong to someone else's process
        _kill_tree(*[p for p in pids if self._ours(p)])
        if self.proc is not None:
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                pass


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _kill_tree(*pids: int) -> None:
    """SIGTERM processes and their descendants (kernels under a server) all at once, then
    SIGKILL what is still there after 5 seconds."""
    tree, todo = [], list(pids)
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(_children(p))
    for p in tree:
        try:
            os.kill(p, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
    end = time.monotonic() + 5
    while time.monotonic() < end and any(_alive(p) for p in tree):
        time.sleep(0.05)
    for p in tree:
        if _alive(p):
            try:
                os.kill(p, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its descendants, in MiB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(_children(p))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


# -- a student ----------------------------------------------------------------------------


class Student:
    """One simulated student: the hub's web login, then its REST APIs with their token."""

    def __init__(self, hub_url: str, name: str, password: str = PASSWORD):
        import requests

        self.hub_url, self.name = hub_url, name
        self.http = requests.Session()
        self.token = ""
        self.password = password

    @property
    def server(self) -> str:
        return f"{self.hub_url}/user/{self.name}"

    def _auth(self) -> dict:
        return {"Authorization": f"token {self.token}"}

    def login(self) -> None:
        """Log in through the hub's login form, then make an API token (as /hub/token does)."""
        r = self.http.get(f"{self.hub_url}/hub/login", timeout=30)
        r.raise_for_status()
        xsrf = self.http.cookies.get("_xsrf", "")
        r = self.http.post(
            f"{self.hub_url}/hub/login",
            data={"username": self.name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=60,
        )
        if r.status_code != 302:
            raise RuntimeError(f"login of {self.name} failed: HTTP {r.status_code}")
        xsrf = self.http.cookies.get("_xsrf", xsrf)
        r = self.http.post(
            f"{self.hub_url}/hub/api/users/{self.name}/tokens",
            json={"note": "simulated student", "expires_in": 86400},
            headers={"X-XSRFToken": xsrf},
            timeout=60,
        )
        r.raise_for_status()
        self.token = r.json()["token"]

    def start_server(self, timeout: float = 180) -> None:
        r = self.http.post(
            f"{self.hub_url}/hub/api/users/{self.name}/server", headers=self._auth(), timeout=60
        )
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"{self.name}: starting the server: HTTP {r.status_code} {r.text}")
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float = 180) -> None:
        end, gone = time.monotonic() + timeout, 0
        while time.monotonic() < end:
            r = self.http.get(
                f"{self.hub_url}/hub/api/users/{self.name}", headers=self._auth(), timeout=30
            )
            r.raise_for_status()
            model = r.json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not server and not model.get("pending"):
                gone += 1  # asked to start, neither running nor starting: it failed
                if gone >= 3:
                    raise RuntimeError(f"{self.name}: the server failed to start (hub's log)")
            else:
                gone = 0
            time.sleep(0.5)
        raise RuntimeError(f"{self.name}: the server was not ready in {timeout:.0f} s")

    def follow_link(self, link: str, timeout: float = 180) -> list[str]:
        """Follow an nbgitpuller link as a browser does: the hub redirects to the student's
        server, whose git-pull page streams the pull from ``git-pull/api``; returns the
        messages of the stream (an error raises)."""
        r = self.http.get(link, headers=self._auth(), timeout=60)
        r.raise_for_status()
        landed = urlsplit(r.url)
        if not landed.path.startswith(f"/user/{self.name}/git-pull"):
            raise RuntimeError(f"{self.name}: the link landed on {r.url}, not on git-pull")
        query = {k: v[0] for k, v in parse_qs(landed.query).items()}
        messages = []
        with self.http.get(
            f"{self.server}/git-pull/api",
            params=query,
            headers=self._auth(),
            stream=True,
            timeout=timeout,
        ) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                if event.get("phase") == "error":
                    raise RuntimeError(f"{self.name}: nbgitpuller failed: {event.get('message')}")
                messages.append(event.get("output") or event.get("message") or "")
                if event.get("phase") == "finished":
                    break
        return messages

    def read(self, path: str) -> dict:
        r = self.http.get(
            f"{self.server}/api/contents/{path}",
            params={"type": "notebook", "content": 1},
            headers=self._auth(),
            timeout=60,
        )
        r.raise_for_status()
        return r.json()["content"]

    def save(self, path: str, nb: dict) -> None:
        r = self.http.put(
            f"{self.server}/api/contents/{path}",
            json={"type": "notebook", "format": "json", "content": nb},
            headers=self._auth(),
            timeout=60,
        )
        r.raise_for_status()

    def run(self, nb: dict, path: str, timeout: float = 300, on_done=None) -> dict:
        """Run every code cell of ``nb`` in a new kernel of the student's server (as the
        notebook ``path``), put the outputs into the cells, shut the kernel down
        (``on_done()`` is called just before, while the kernel still runs)."""
        return asyncio.run(self._run(nb, path, timeout, on_done))

    async def _run(self, nb: dict, path: str, timeout: float, on_done=None) -> dict:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        r = self.http.post(
            f"{self.server}/api/sessions",
            json={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
            headers=self._auth(),
            timeout=120,
        )
        r.raise_for_status()
        session = r.json()
        kernel = session["kernel"]["id"]
        ws_url = self.server.replace("http://", "ws://") + f"/api/kernels/{kernel}/channels"
        conn = await websocket_connect(HTTPRequest(ws_url, headers=self._auth()))
        session_id = uuid.uuid4().hex
        try:
            count = 0
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = cell["source"]
                source = "".join(source) if isinstance(source, list) else source
                msg_id = uuid.uuid4().hex
                await conn.write_message(
                    json.dumps(
                        {
                            "header": {
                                "msg_id": msg_id,
                                "msg_type": "execute_request",
                                "username": self.name,
                                "session": session_id,
                                "date": "",
                                "version": "5.3",
                            },
                            "parent_header": {},
                            "metadata": {},
                            "content": {
                                "code": source,
                                "silent": False,
                                "store_history": True,
                                "user_expressions": {},
                                "allow_stdin": False,
                                "stop_on_error": True,
                            },
                            "channel": "shell",
                            "buffers": [],
                        }
                    )
                )
                outputs: list[dict] = []
                reply = None
                idle = False
                # the reply (shell) and the outputs (iopub) come on two channels, in no
                # fixed order: a cell is done when the reply is in and iopub says idle
                while reply is None or not idle:
                    raw = await asyncio.wait_for(conn.read_message(), timeout)
                    if raw is None:
                        raise RuntimeError(f"{self.name}: the kernel's connection closed")
                    msg = json.loads(raw)
                    if msg.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    kind, content = msg["msg_type"], msg["content"]
                    if kind == "stream":
                        outputs.append(
                            {
                                "output_type": "stream",
                                "name": content["name"],
                                "text": content["text"],
                            }
                        )
                    elif kind in ("execute_result", "display_data"):
                        out = {
                            "output_type": kind,
                            "data": content["data"],
                            "metadata": content.get("metadata", {}),
                        }
                        if kind == "execute_result":
                            out["execution_count"] = content["execution_count"]
                        outputs.append(out)
                    elif kind == "error":
                        outputs.append(
                            {
                                "output_type": "error",
                                **{k: content[k] for k in ("ename", "evalue", "traceback")},
                            }
                        )
                    elif kind == "execute_reply" and msg.get("channel") == "shell":
                        reply = content
                    elif kind == "status" and content.get("execution_state") == "idle":
                        idle = True
                count += 1
                cell["outputs"] = outputs
                cell["execution_count"] = reply.get("execution_count")
                if reply["status"] != "ok":
                    raise RuntimeError(
                        f"{self.name}: cell {count} failed: {reply.get('ename')}: "
                        f"{reply.get('evalue')}"
                    )
            if on_done is not None:
                on_done()
        finally:
            conn.close()
            self.http.delete(
                f"{self.server}/api/sessions/{session['id']}", headers=self._auth(), timeout=60
            )
        return nb


def teacher_token(hub_url: str) -> str:
    """The teacher (an admin user) logs in and makes a token, as on the hub's Token page."""
    teacher = Student(hub_url, "teacher")
    teacher.login()
    return teacher.token


def answered(nb: dict, number: str = "00") -> dict:
    """``nb`` (a student's copy of lesson ``number``) with every exercise answered as the
    teacher's solution does it: what a student who got everything right types in."""
    from koit_lessons import lessons, notebook

    solved = {}
    for e in notebook.exercises(lessons.lesson(number).read()):
        keep = [
            line
            for line in e.source.splitlines()
            if line.strip() not in (notebook.BEGIN, notebook.END)
        ]
        solved[e.qid] = "\n".join(keep)
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for qid, source in solved.items():
            if f'check("{qid}"' in src:
                cell["source"] = source
    return nb
