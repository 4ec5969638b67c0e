"""A class on a real JupyterHub: hand out with nbgitpuller, work, collect, grade.

The hub is JupyterHub from PyPI with configurable-http-proxy from npm, the
SimpleLocalProcessSpawner and the DummyAuthenticator (see tests/hubkit.py); the lessons
come from a local git repository served over HTTP by ``git http-backend``. Without the
hub extra or the proxy these tests are skipped, except where ``KOIT_REQUIRE_HUB`` is set
(CI's .ci/run installs both and sets it): there they fail.

The hostile-collection tests at the end need no hub: a small fake hub serves the
untrusted names, paths and sizes a real one could.
"""

from __future__ import annotations

import base64
import csv
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hubkit  # noqa: E402

from koit_lessons import hub as hubcollect  # noqa: E402
from koit_lessons import lessons  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402

MISSING = hubkit.missing()
if MISSING and os.environ.get("KOIT_REQUIRE_HUB"):
    raise RuntimeError(f"KOIT_REQUIRE_HUB is set but {MISSING}")


def needs_hub(test):
    """A test on the real hub: minutes long (slow), skipped where no hub can start."""
    test = pytest.mark.skipif(bool(MISSING), reason=f"no hub here: {MISSING}")(test)
    return pytest.mark.slow(test)


LESSON = lessons.lesson("00").filename
FOLDER = "koit-student"  # the repository's name: the folder nbgitpuller clones into
WORKERS = ["ana", "ben", "cho"]  # follow the link and do lesson 00
# also arriving at the start: fay follows the link (her server is killed mid-lesson later),
# eve only logs in (she never opens the lesson: nothing to hand in)
OTHERS = ["fay", "eve"]


def _cli(*args, env=None, check=True):
    out = subprocess.run(
        [sys.executable, "-m", "koit_lessons", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The teacher's student-set repository (lesson 00 only, for now), served over HTTP."""
    root = tmp_path_factory.mktemp("course")
    work = root / "teacher" / FOLDER
    _cli("handout", "--students", str(work), "00")
    hubkit.git(work, "init", "-q", "-b", "main")
    hubkit.git(work, "add", ".")
    hubkit.git(work, "commit", "-q", "-m", "Lesson 00")
    served = root / "served"
    served.mkdir()
    hubkit.git(root, "clone", "-q", "--bare", str(work), str(served / f"{FOLDER}.git"))
    hubkit.git(work, "remote", "add", "origin", str(served / f"{FOLDER}.git"))
    server = hubkit.GitServer(served)
    yield {"work": work, "repo": server.url(f"{FOLDER}.git")}
    server.stop()


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    if MISSING:
        pytest.skip(f"no hub here: {MISSING}")
    h = hubkit.Hub(tmp_path_factory.mktemp("hub"))
    try:
        h.start()
        yield h
    finally:
        h.stop()


@pytest.fixture(scope="module")
def link(course, hub):
    return _cli("link", "--hub", hub.url, "--repo", course["repo"], "--path", LESSON).stdout.strip()


@pytest.fixture(scope="module")
def students(hub, link):
    """The class logs in and starts their servers, all at once; all but eve follow the link.
    Returns the three who do lesson 00 (ana, ben, cho); fay and eve are in ``others``."""

    def arrive(name):
        s = hubkit.Student(hub.url, name)
        s.login()
        s.start_server()
        if name != "eve":
            s.follow_link(link)
        return s

    names = WORKERS + OTHERS
    with ThreadPoolExecutor(len(names)) as pool:
        everyone = {s.name: s for s in pool.map(arrive, names)}
    others.update({n: everyone.pop(n) for n in OTHERS})
    return everyone


others: dict = {}  # fay and eve, once the students fixture has run


# -- hand out ------------------------------------------------------------------------------


@needs_hub
def test_the_link_pulls_the_student_set_into_each_server(hub, students, course):
    handed = (course["work"] / LESSON).read_bytes()
    for name, s in students.items():
        on_disk = hub.homes / name / FOLDER / LESSON
        assert on_disk.read_bytes() == handed
        nb = s.read(f"{FOLDER}/{LESSON}")  # and the server serves it
        assert nb["metadata"]["koit"]["title"]
        assert "### BEGIN SOLUTION" not in json.dumps(nb)


@needs_hub
def test_pulling_again_after_a_new_lesson_keeps_the_students_edits(hub, link, course):
    s = hubkit.Student(hub.url, "dora")
    s.login()
    s.start_server()
    s.follow_link(link)
    path = f"{FOLDER}/{LESSON}"
    nb = s.read(path)
    nb["cells"][0]["source"] = "# Dora's notes: HHI above 2500 is concentrated"
    s.save(path, nb)
    # the teacher hands out lesson 01 in the same repository
    _cli("handout", "--students", str(course["work"]), "01")
    hubkit.git(course["work"], "add", ".")
    hubkit.git(course["work"], "commit", "-q", "-m", "Lesson 01")
    hubkit.git(course["work"], "push", "-q", "origin", "main")
    s.follow_link(link)
    home = hub.homes / "dora" / FOLDER
    assert (home / lessons.lesson("01").filename).is_file()
    assert s.read(path)["cells"][0]["source"] == "# Dora's notes: HHI above 2500 is concentrated"


# -- work, collect, grade -----------------------------------------------------------------


@pytest.fixture(scope="module")
def worked(students):
    """The three students answer lesson 00, run it in their kernels and save, at once."""
    path = f"{FOLDER}/{LESSON}"

    def work(s):
        nb = hubkit.answered(s.read(path))
        s.run(nb, path)
        s.save(path, nb)
        return s.name

    with ThreadPoolExecutor(len(students)) as pool:
        return list(pool.map(work, students.values()))


@pytest.fixture(scope="module")
def token(hub):
    return hubkit.teacher_token(hub.url)


@needs_hub
def test_students_run_lesson_00_in_their_kernels_and_save_at_once(hub, worked):
    for name in worked:
        nb = json.loads((hub.homes / name / FOLDER / LESSON).read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert all(c["execution_count"] for c in code)
        checked = [c for c in code if 'check("00-' in "".join(c["source"])]
        wrong = [
            (c["id"], json.dumps(c["outputs"])[:300])
            for c in checked
            if "Correct" not in json.dumps(c["outputs"])
        ]
        assert checked and not wrong, (name, wrong)


@needs_hub
def test_collect_fetches_every_notebook_for_grade_and_changes_nothing(hub, worked, token, tmp_path):
    # eve logged in but never opened the link: she has nothing to hand in
    assert "eve" in others and not (hub.homes / "eve" / FOLDER).exists()
    homes = {n: hub.homes / n / FOLDER / LESSON for n in worked}
    before = {n: (p.read_bytes(), p.stat().st_mtime_ns) for n, p in homes.items()}
    out = tmp_path / "subs"
    res = _collect_cli(hub, token, out)
    assert "nothing to hand in" in res.stdout
    rows = {r["student"]: r for r in csv.DictReader(open(out.parent / "subs-collected.csv"))}
    assert "teacher" not in rows  # admins are not students
    for n in worked:
        assert rows[n]["status"] == "collected"
        assert (out / n / LESSON).read_bytes() == before[n][0]
        assert (homes[n].read_bytes(), homes[n].stat().st_mtime_ns) == before[n]
    assert rows["eve"]["status"] == "nothing to hand in" and not (out / "eve").exists()
    # a second collection does not replace the first
    again = _collect_cli(hub, token, out, check=False)
    assert again.returncode == 2 and "--overwrite" in again.stderr
    assert "Traceback" not in again.stderr
    # and grade reads the folder as it is
    book = tmp_path / "gradebook.csv"
    _cli("grade", "00", str(out), "--out", str(book), "--jobs", "2")
    graded = {r["student"]: r for r in csv.DictReader(open(book))}
    assert set(graded) >= set(worked)
    for n in worked:
        assert float(graded[n]["total"]) == pytest.approx(float(graded[n]["max"]))


@needs_hub
def test_a_wrong_token_gets_a_sentence(hub):
    out = _collect_cli(hub, "not-a-token", "unused", check=False)
    assert out.returncode == 2 and "admin's token" in out.stderr
    assert "Traceback" not in out.stderr and not Path("unused").exists()


# -- faults -------------------------------------------------------------------------------


def _collect_cli(hub, token, out, *more, check=True):
    """``koit-lessons collect 00`` from the test hub into ``out``, as a teacher runs it."""
    args = ["collect", "00", "--hub", hub.url, "--folder", FOLDER, "--out", str(out), *more]
    return _cli(*args, env={"KOIT_HUB_TOKEN": token}, check=check)


def _collect(hub, token, out, *more):
    res = _collect_cli(hub, token, out, *more)
    rows = csv.DictReader(open(out.with_name(out.name + "-collected.csv"), encoding="utf-8"))
    return res, {r["student"]: r for r in rows}


@needs_hub
def test_hub_killed_mid_class_and_a_server_killed_mid_lesson(hub, link, worked, token, tmp_path):
    path = f"{FOLDER}/{LESSON}"
    servers = hub.server_pids()
    assert set(worked) <= set(servers)
    # the hub crashes (SIGKILL) and is started again: the students' servers keep running
    hub.kill_hub()
    assert all(hubkit._alive(servers[n]) for n in worked)
    hub.start()
    assert {n: hub.server_pids()[n] for n in worked} == {n: servers[n] for n in worked}
    ana = hubkit.Student(hub.url, "ana")
    ana.login()
    assert ana.read(path)["cells"]  # through the new proxy, from the same server
    # fay saves her work, types on, and her server is killed before she saves again
    fay = others["fay"]
    nb = fay.read(path)
    nb["cells"][0]["source"] = "fay's last save"
    fay.save(path, nb)
    saved = (hub.homes / "fay" / FOLDER / LESSON).read_bytes()
    hubkit._kill_tree(hub.server_pids()["fay"])
    # collected as it is: fay's row says her server is not running
    res, rows = _collect(hub, token, tmp_path / "first")
    assert rows["fay"]["status"] == "server stopped" and "--start-stopped" in rows["fay"]["note"]
    assert all(rows[n]["status"] == "collected" for n in worked)
    # the teacher asks for stopped servers to be started: fay's last save is collected
    res, rows = _collect(hub, token, tmp_path / "first", "--start-stopped", "--overwrite")
    assert rows["fay"]["status"] == "collected", res.stdout
    assert "the last saved version" in rows["fay"]["note"]
    assert (tmp_path / "first" / "fay" / LESSON).read_bytes() == saved
    for n in worked:
        assert (tmp_path / "first" / n / LESSON).read_bytes() == (
            hub.homes / n / FOLDER / LESSON
        ).read_bytes()


# -- hostile hubs and servers (no real hub needed) -------------------------------------------

NOTEBOOK = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


class FakeHub(BaseHTTPRequestHandler):
    """A hub and its users' servers that send what a hostile or broken one could."""

    users = {
        "alice": {"file": NOTEBOOK.encode()},
        "../../outside": {"file": b'{"evil": 1}'},
        "=HYPERLINK(1)": {"file": NOTEBOOK.encode()},
        "big": {"file": b"x" * 3000, "size": 3000},
        "liar": {"file": b"x" * 3000, "size": 10},  # says it is small
        "nothing": {},
        "sleeper": {"stopped": True, "file": NOTEBOOK.encode()},
        "folder": {"dir": True},
        "teacher": {"admin": True},
    }
    seen: list[tuple[str, str]] = []

    def log_message(self, *args):
        pass

    def _send(self, code, body=b"", kind="application/json"):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _model(self, name):
        info = self.users[name]
        url = f"/user/{quote(name, safe='')}/"  # JupyterHub escapes the name in its URLs
        servers = {} if info.get("stopped") else {"": {"ready": True, "url": url}}
        return {"name": name, "admin": bool(info.get("admin")), "kind": "user", "servers": servers}

    def do_GET(self):
        self.seen.append(("GET", self.path))
        if self.headers.get("Authorization") != "token teacher-token":
            return self._send(403, b"{}")
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        if path == "/hub/api/users":
            names = sorted(self.users)
            offset = int(query.get("offset", 0))
            page = names[offset : offset + 3]  # three per page: pagination is followed
            nxt = {"offset": offset + 3} if offset + 3 < len(names) else None
            body = {"items": [self._model(n) for n in page], "_pagination": {"next": nxt}}
            return self._send(200, json.dumps(body).encode())
        if path.startswith("/hub/api/users/"):
            name = unquote(path.split("/", 4)[4])
            return self._send(200, json.dumps(self._model(name)).encode())
        if path.startswith("/user/"):
            name = unquote(path.split("/")[2])
            info = self.users.get(name, {})
            if "dir" in info:
                return self._send(200, json.dumps({"type": "directory", "size": None}).encode())
            if "file" not in info:
                return self._send(404, b"{}")
            data = info["file"]
            meta = {"type": "notebook", "size": info.get("size", len(data)), "content": None}
            meta["last_modified"] = "2026-03-02T10:00:00Z"
            if query.get("content") == "1":
                meta["content"] = base64.encodebytes(data).decode()
                meta["format"] = "base64"
            return self._send(200, json.dumps(meta).encode())
        return self._send(404, b"{}")

    def do_POST(self):
        self.seen.append(("POST", self.path))
        name = unquote(self.path.split("/")[4])
        self.users[name] = {**self.users[name], "stopped": False}
        self._send(202, b"{}")

    do_PUT = do_PATCH = do_DELETE = do_POST


@pytest.fixture
def fake_hub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHub)
    saved = {k: dict(v) for k, v in FakeHub.users.items()}
    FakeHub.seen.clear()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    FakeHub.users = saved


def test_collect_is_safe_against_what_a_hub_sends(fake_hub, tmp_path, monkeypatch):
    import koit_lessons.grading.collect as stage

    monkeypatch.setattr(stage, "MAX_BYTES", 2000)  # "big" and "liar" are above it
    out = tmp_path / "class" / "subs"
    rows = {r.student: r for r in hubcollect.collect("00", fake_hub, "k", out, "teacher-token")}
    assert set(rows) == set(FakeHub.users) - {"teacher"}  # every page, admins left out
    assert rows["alice"].status == "collected" and (out / "alice" / LESSON).is_file()
    # a name that is a path stays inside the folder, under a name that says it was changed
    evil = rows["../../outside"]
    assert evil.status == "collected" and "/" not in evil.folder and ".." not in evil.folder
    assert (out / evil.folder / LESSON).read_bytes() == b'{"evil": 1}'
    assert "kept as folder" in evil.note
    assert sorted(p.name for p in (tmp_path / "class").iterdir()) == ["subs", "subs-collected.csv"]
    for name in ("big", "liar"):
        assert rows[name].status == "refused" and "too large" in rows[name].note
    assert rows["nothing"].status == "nothing to hand in"
    assert rows["folder"].status == "refused" and "not a file" in rows["folder"].note
    assert rows["sleeper"].status == "server stopped" and "--start-stopped" in rows["sleeper"].note
    # only GET reached the students' servers, and nothing was started without being asked
    assert {m for m, _ in FakeHub.seen} == {"GET"}
    # the record's cells cannot become spreadsheet formulas
    record = (tmp_path / "class" / "subs-collected.csv").read_text()
    assert "\n'=HYPERLINK(1)," in record
    # and grade reads the folder as it is: one submission per collected student
    from koit_lessons.grading.collect import find_submissions

    found = {s for s, _ in find_submissions(out, lessons.lesson("00"))}
    assert found == {r.folder for r in rows.values() if r.status == "collected"}


def test_collect_starts_stopped_servers_only_when_asked(fake_hub, tmp_path):
    rows = {
        r.student: r
        for r in hubcollect.collect(
            "00", fake_hub, "k", tmp_path / "subs", "teacher-token", start_stopped=True
        )
    }
    assert (
        rows["sleeper"].status == "collected" and "started for collection" in rows["sleeper"].note
    )
    assert [p for m, p in FakeHub.seen if m == "POST"] == ["/hub/api/users/sleeper/server"]


def test_collect_never_overwrites_without_being_told(fake_hub, tmp_path):
    out = tmp_path / "subs"
    (out / "alice").mkdir(parents=True)
    (out / "alice" / LESSON).write_text("graded last week")
    with pytest.raises(KoitError, match="--overwrite"):
        hubcollect.collect("00", fake_hub, "k", out, "teacher-token")
    assert (out / "alice" / LESSON).read_text() == "graded last week"
    hubcollect.collect("00", fake_hub, "k", out, "teacher-token", overwrite=True)
    assert (out / "alice" / LESSON).read_text() == NOTEBOOK


@pytest.mark.parametrize(
    "args, env, says",
    [
        (["--hub", "hub.example.edu"], {"KOIT_HUB_TOKEN": "t"}, "must be a web address"),
        (["--hub", "http://127.0.0.1:9"], {"KOIT_HUB_TOKEN": ""}, "KOIT_HUB_TOKEN"),
        (["--hub", "http://127.0.0.1:9"], {"KOIT_HUB_TOKEN": "t"}, "Could not reach the hub"),
        (["--hub", "http://127.0.0.1:9", "--folder", "../x"], {"KOIT_HUB_TOKEN": "t"}, "--folder"),
    ],
)
def test_collect_errors_are_one_sentence(args, env, says, tmp_path):
    if "--folder" not in args:
        args = [*args, "--folder", FOLDER]
    out = _cli("collect", "00", *args, "--out", str(tmp_path / "s"), env=env, check=False)
    assert out.returncode == 2 and says in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


# -- deploy/ ------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
#: the Zero to JupyterHub chart's documented keys that deploy/z2jh/config.yaml sets, as
#: read in the chart's jupyterhub/values.schema.yaml (zero-to-jupyterhub-k8s, commit
#: 48ea50e3, app version 5.5.0); hub.config holds JupyterHub's own traitlets, free-form
CHART_KEYS = {
    "hub.concurrentSpawnLimit",
    "hub.activeServerLimit",
    "singleuser.image.name",
    "singleuser.image.tag",
    "singleuser.defaultUrl",
    "singleuser.memory.guarantee",
    "singleuser.memory.limit",
    "singleuser.cpu.guarantee",
    "singleuser.cpu.limit",
    "singleuser.storage.capacity",
    "cull.enabled",
    "cull.timeout",
    "cull.every",
    "cull.users",
    "scheduling.userScheduler.enabled",
}


def _leaves(node, path=()):
    for key, value in node.items():
        if isinstance(value, dict) and path + (key,) != ("hub", "config"):
            yield from _leaves(value, path + (key,))
        else:
            yield ".".join(path + (key,)), value


def _mib(quantity: str) -> float:
    units = {"M": 1e6 / 2**20, "G": 1e9 / 2**20, "Mi": 1, "Gi": 1024}
    number = quantity.rstrip("MGi")
    return float(number) * units[quantity[len(number) :]]


def test_the_z2jh_config_uses_only_the_charts_keys_and_the_measured_sizes():
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "deploy" / "z2jh" / "config.yaml").read_text())
    leaves = dict(_leaves(config))
    assert set(leaves) - {"hub.config"} <= CHART_KEYS
    traitlets = config["hub"]["config"]
    assert traitlets["JupyterHub"]["cleanup_servers"] is False  # servers outlive a hub restart
    assert traitlets["Authenticator"]["admin_users"]  # the teachers who collect
    assert leaves["cull.enabled"] is True and leaves["cull.users"] is False
    # memory: the guarantee covers a student with a lesson run (bench/bench_hub.py: about
    # 310 MiB), the limit is above the guarantee
    assert (
        310 < _mib(leaves["singleuser.memory.guarantee"]) < _mib(leaves["singleuser.memory.limit"])
    )
    assert 0 < leaves["singleuser.cpu.guarantee"] <= leaves["singleuser.cpu.limit"]


def test_the_tljh_recipe_hands_out_collects_and_grades():
    text = (ROOT / "deploy" / "tljh" / "README.md").read_text()
    for step in (
        "pip install koit-lessons nbgitpuller",
        "koit-lessons link --hub",
        "koit-lessons collect 00",
        "KOIT_HUB_TOKEN",
        "koit-lessons grade 00",
    ):
        assert step in text
