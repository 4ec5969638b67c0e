"""Collect a lesson's notebooks from every student on a JupyterHub, without a shared disk.

``koit-lessons collect 00 --hub https://hub.example.edu --folder koit-student --out subs/``
asks the hub (its REST API, with a teacher's admin token) for its users, then reads each
student's notebook of the lesson from their own single-user server (the Jupyter contents
API, GET only: a student's files are never changed) into ``subs/<student>/<file>``: the
layout ``koit-lessons grade`` reads. Next to that folder, ``subs-collected.csv`` records
one row per student: collected, nothing to hand in, server stopped, or refused, and why.

Everything the hub and the servers send is untrusted: a user name becomes a folder name
only when it is a plain name (otherwise a safe one is made and the row says so), the
size of a notebook is capped at :data:`koit_lessons.grading.collect.MAX_BYTES` before
and while it is read, and nothing already in the output folder is replaced without
``overwrite``. Only the standard library is used.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from koit_lessons.errors import KoitError

__all__ = ["Collected", "collect", "record_path", "safe_name", "TOKEN_ENV"]

#: the environment variable holding the teacher's hub token (never a command-line argument,
#: which other users of the machine could read in the process list)
TOKEN_ENV = "KOIT_HUB_TOKEN"
_PAGE = 200
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}")


@dataclass(frozen=True)
class Collected:
    """One student's row of a collection."""

    student: str  #: the hub's user name (control characters shown as ?)
    folder: str  #: the folder in the output folder ("" when nothing was written)
    status: str  #: collected | nothing to hand in | server stopped | refused | failed
    bytes: int = 0
    sha256: str = ""
    last_modified: str = ""  #: when the student last saved it, as the server says
    note: str = ""


class _NoRedirect(HTTPRedirectHandler):
    """Redirects are not followed: the token must go to the hub's address only."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def safe_name(name: str) -> tuple[str, bool]:
    """A folder name for a hub user name, and whether it had to be changed.

    Examples
    --------
    >>> safe_name("alice")
    ('alice', False)
    >>> safe_name("../../etc")[0].startswith("etc-")
    True
    """
    if _NAME.fullmatch(name) and ".." not in name:
        return name, False
    plain = re.sub(r"[^A-Za-z0-9._@+-]+", "_", name).strip("._-")[:60] or "user"
    plain = plain.replace("..", "_")
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{plain}-{digest}", True


def _shown(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", "?", text)[:200]


def record_path(out: Path) -> Path:
    """Where the record of a collection into ``out`` goes: beside it, not inside (grade
    reads every file inside)."""
    out = Path(out)
    return out.with_name(f"{out.name}-collected.csv")


class _Hub:
    def __init__(self, hub: str, token: str, timeout: float):
        parts = urlsplit(hub.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            raise KoitError(
                f"The hub address must be a web address starting with https:// "
                f"(or http://), not {hub!r}."
            )
        path = parts.path.rstrip("/")
        path = path[: -len("/hub")] if path.endswith("/hub") else path
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.base = path  # the hub's base URL path ("" or e.g. /jupyter)
        self.token = token
        self.timeout = timeout
        self.opener = build_opener(_NoRedirect)

    def request(self, method: str, path: str, limit: int = 10 << 20, headers=None):
        """(status, body bytes) of a request to a path on the hub's origin."""
        req = Request(self.origin + path, method=method)
        req.add_header("Authorization", f"token {self.token}")
        for key, value in (headers or {}).items():
            req.add_header(key, value)
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                body = resp.read(limit + 1)
                return resp.status, body
        except HTTPError as exc:
            return exc.code, exc.read(65536)
        except (URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            return 0, str(reason).encode()

    def api(self, method: str, path: str, **kw):
        return self.request(method, f"{self.base}/hub/api{path}", **kw)

    def users(self) -> list[dict]:
        found, offset = [], 0
        while True:
            status, body = self.api(
                "GET",
                f"/users?{urlencode({'offset': offset, 'limit': _PAGE})}",
                headers={"Accept": "application/jupyterhub-pagination+json"},
            )
            if status == 0:
                raise KoitError(
                    f"Could not reach the hub at {self.origin}{self.base} "
                    f"({body.decode(errors='replace')}). Check the address."
                )
            if status in (401, 403):
                raise KoitError(
                    "The hub refused the token: collect needs an admin's token "
                    f"(make one on the hub's Token page and put it in {TOKEN_ENV})."
                )
            if status != 200:
                raise KoitError(
                    f"The hub answered HTTP {status} when asked for its users; "
                    "is this a JupyterHub address?"
                )
            try:
                page = json.loads(body)
            except ValueError:
                raise KoitError(
                    "The hub's list of users was not JSON; is this a JupyterHub?"
                ) from None
            items = page.get("items", page) if isinstance(page, dict) else page
            if not isinstance(items, list):
                raise KoitError("The hub's list of users was not a list; is this a JupyterHub?")
            found += [u for u in items if isinstance(u, dict) and isinstance(u.get("name"), str)]
            nxt = page.get("_pagination", {}).get("next") if isinstance(page, dict) else None
            if not nxt or not items:
                return found
            offset = int(nxt.get("offset", offset + len(items)))

    def user(self, name: str) -> dict:
        status, body = self.api("GET", f"/users/{quote(name, safe='')}")
        if status != 200:
            return {}
        try:
            value = json.loads(body)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def server_url(self, name: str) -> str | None:
        """The path of the user's default server when it is running and ready, else None."""
        server = (self.user(name).get("servers") or {}).get("")
        if not isinstance(server, dict) or not server.get("ready"):
            return None
        url = server.get("url")
        if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
            return f"{self.base}/user/{quote(name, safe='')}/"
        return url if url.endswith("/") else url + "/"

    def start(self, name: str, wait: float) -> str:
        """Start (or restart, if it died) the user's server; its path, or a KoitError."""
        status, body = self.api("POST", f"/users/{quote(name, safe='')}/server")
        if status not in (201, 202, 400):
            raise KoitError(f"the hub could not start the server (HTTP {status})")
        end = time.monotonic() + wait
        while time.monotonic() < end:
            url = self.server_url(name)
            if url:
                return url
            time.sleep(1)
        raise KoitError(f"the server did not start in {wait:.0f} s")

    def restart(self, name: str, wait: float) -> str:
        """Start again a server the hub still lists but that no longer answers (killed
        mid-lesson): the hub is told to stop it first (until the hub's own check notices,
        it would answer a start with "already running"); its path, or a KoitError."""
        end = time.monotonic() + wait
        status, _ = self.api("DELETE", f"/users/{quote(name, safe='')}/server")
        if status not in (202, 204, 400):
            raise KoitError(f"the hub could not stop the dead server (HTTP {status})")
        while self.server_url(name) is not None:
            if time.monotonic() > end:
                raise KoitError(f"the hub still lists the dead server after {wait:.0f} s")
            time.sleep(1)
        return self.start(name, max(1.0, end - time.monotonic()))


def _read_started(hub: _Hub, server: str, path: str, max_bytes: int, wait: float):
    """:func:`_read_notebook` from a server just started: the hub calls it ready a moment
    before the proxy routes to it (HTTP 503 until then), so an unreachable server is
    asked again, once a second, for up to ``wait`` seconds."""
    end = time.monotonic() + wait
    while True:
        found = _read_notebook(hub, server, path, max_bytes)
        if found[0] != "unreachable" or time.monotonic() > end:
            return found
        time.sleep(1)


def _read_notebook(hub: _Hub, server: str, path: str, max_bytes: int):
    """(status, bytes or None, last_modified, problem) of one file via the contents API."""
    where = f"{server}api/contents/{path}"
    status, body = hub.request("GET", f"{where}?{urlencode({'content': 0})}")
    if status == 404:
        return "missing", None, "", ""
    if status != 200:
        return (
            "unreachable",
            None,
            "",
            f"HTTP {status}" if status else body.decode(errors="replace"),
        )
    try:
        meta = json.loads(body)
    except ValueError:
        return "refused", None, "", "the server's answer was not JSON"
    if not isinstance(meta, dict) or meta.get("type") not in ("notebook", "file"):
        return "refused", None, "", "it is not a file (a folder has that name)"
    size = meta.get("size")
    most = max_bytes // 1024 // 1024
    if isinstance(size, int) and size > max_bytes:
        return (
            "refused",
            None,
            "",
            (f"too large for a lesson notebook ({size / 1024 / 1024:.0f} MB; at most {most} MB)"),
        )
    query = urlencode({"type": "file", "format": "base64", "content": 1})
    limit = max_bytes * 4 // 3 + (1 << 16)
    status, body = hub.request("GET", f"{where}?{query}", limit=limit)
    if status != 200:
        return (
            "unreachable",
            None,
            "",
            f"HTTP {status}" if status else body.decode(errors="replace"),
        )
    if len(body) > limit:
        return "refused", None, "", f"too large for a lesson notebook (at most {most} MB)"
    try:
        model = json.loads(body)
        data = base64.b64decode(model["content"])  # Jupyter wraps it in lines
    except (ValueError, KeyError, TypeError):
        return "refused", None, "", "the server's answer was not a file's contents"
    if len(data) > max_bytes:
        return "refused", None, "", f"too large for a lesson notebook (at most {most} MB)"
    modified = model.get("last_modified")
    return "ok", data, _shown(modified) if isinstance(modified, str) else "", ""


def _check_folder(folder: str) -> str:
    parts = [p for p in folder.strip().split("/") if p not in ("", ".")]
    if folder.strip().startswith("/") or any(p == ".." for p in parts):
        raise KoitError(
            f"--folder is the lessons' folder inside each student's home, e.g. "
            f"koit-student, not {folder!r}."
        )
    return "/".join(quote(p, safe="") for p in parts)


def _write(path: Path, data: bytes, overwrite: bool) -> None:
    path.parent.mkdir(exist_ok=True)
    if path.parent.is_symlink() or not path.parent.is_dir():
        raise KoitError(f"{path.parent} is not a plain folder; collect will not write there.")
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb") as f:
        f.write(data)
    if not overwrite and path.exists():
        tmp.unlink()
        raise KoitError(f"{path} is already there; pass --overwrite to replace it.")
    os.replace(tmp, path)


def collect(
    lesson: str,
    hub: str,
    folder: str,
    out: Path,
    token: str,
    start_stopped: bool = False,
    overwrite: bool = False,
    start_timeout: float = 120,
    timeout: float = 60,
    progress=None,
) -> list[Collected]:
    """Collect lesson ``lesson``'s notebook of every (non-admin) hub user into ``out``.

    ``folder`` is the lessons' folder in each student's home (the one the nbgitpuller
    link pulls into). Stopped servers are started for collection when
    ``start_stopped`` is true, and otherwise listed as "server stopped". Returns the
    rows, which are also written to :func:`record_path` (``out``-collected.csv).
    """
    from koit_lessons.grading.collect import MAX_BYTES
    from koit_lessons.lessons import lesson as find_lesson

    item = find_lesson(lesson)
    if not token or not token.strip():
        raise KoitError(
            f"collect needs a teacher's (admin) token from the hub: make one on the hub's "
            f"Token page and put it in the {TOKEN_ENV} environment variable."
        )
    inner = _check_folder(folder)
    out = Path(out)
    record = record_path(out)
    if out.exists() and not out.is_dir():
        raise KoitError(f"{out} is a file, not a folder. Choose a folder for the notebooks.")
    if not overwrite:
        if out.is_dir() and any(out.iterdir()):
            raise KoitError(
                f"{out} is not empty (an earlier collection?); choose an empty folder, "
                "or pass --overwrite to replace the notebooks collected there."
            )
        if record.exists():
            raise KoitError(f"{record} is already there; pass --overwrite to replace it.")
    client = _Hub(hub, token.strip(), timeout)
    users = sorted(client.users(), key=lambda u: u["name"])
    out.mkdir(parents=True, exist_ok=True)
    file_path = f"{inner}/{quote(item.filename, safe='')}" if inner else quote(item.filename)
    rows: list[Collected] = []
    used: set[str] = set()
    for user in users:
        if user.get("admin") or user.get("kind", "user") != "user":
            continue
        name = user["name"]
        shown = _shown(name)
        target, changed = safe_name(name)
        if target.lower() in used:
            target = f"{target}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
            changed = True
        used.add(target.lower())
        renamed = f"user name {shown!r} kept as folder {target}; " if changed else ""
        row = _collect_one(client, name, file_path, start_stopped, start_timeout, MAX_BYTES)
        status, data, modified, note = row
        dest = out / target / item.filename
        if data is not None:
            _write(dest, data, overwrite)
            rows.append(
                Collected(
                    shown,
                    target,
                    "collected",
                    len(data),
                    hashlib.sha256(data).hexdigest(),
                    modified,
                    renamed + note,
                )
            )
        else:
            if overwrite and dest.is_file() and not dest.is_symlink():
                dest.unlink()  # an older collection's copy must not be graded as this one
            rows.append(Collected(shown, "", status, note=renamed + note))
        if progress:
            progress(rows[-1])
    _write_record(record, rows, overwrite)
    return rows


def _collect_one(client: _Hub, name: str, file_path: str, start: bool, wait: float, most: int):
    """(status, data, last_modified, note) for one student."""
    url = client.server_url(name)
    started = ""
    if url is None:
        if not start:
            return "server stopped", None, "", "not collected; run with --start-stopped to start it"
        try:
            url = client.start(name, wait)
        except KoitError as exc:
            return "failed", None, "", f"server stopped and could not be started: {exc}"
        started = "server was stopped; started for collection: the last saved version"
    read = _read_started if started else _read_notebook
    args = (wait,) if started else ()
    result, data, modified, problem = read(client, url, file_path, most, *args)
    if result == "unreachable":
        # the hub still listed the server, but it is gone (killed mid-lesson, say)
        if not start:
            return (
                "server stopped",
                None,
                "",
                (f"the server did not answer ({problem}); run with --start-stopped to restart it"),
            )
        try:
            url = client.restart(name, wait)
        except KoitError as exc:
            return (
                "failed",
                None,
                "",
                f"the server did not answer and could not be restarted: {exc}",
            )
        started = "server had died; restarted for collection: the last saved version"
        result, data, modified, problem = _read_started(client, url, file_path, most, wait)
    if result == "ok":
        return "collected", data, modified, started
    if result == "missing":
        note = "; ".join(filter(None, [started, "no such notebook in the student's folder"]))
        return "nothing to hand in", None, "", note
    if result == "unreachable":
        return "failed", None, "", f"the server did not answer ({problem})"
    return "refused", None, "", "; ".join(filter(None, [started, problem + "; not collected"]))


def _write_record(record: Path, rows: list[Collected], overwrite: bool) -> None:
    tmp = record.with_name(f".{record.name}.part")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        names = [x.name for x in fields(Collected)]
        writer.writerow(names)
        for row in rows:
            values = [getattr(row, n) for n in names]
            # a name or note starting with = + - @ must not become a spreadsheet formula
            writer.writerow(
                ["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in values]
            )
    if not overwrite and record.exists():
        tmp.unlink()
        raise KoitError(f"{record} is already there; pass --overwrite to replace it.")
    os.replace(tmp, record)
