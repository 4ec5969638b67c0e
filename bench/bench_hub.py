#!/usr/bin/env python3
"""A class on a real JupyterHub under load (a benchmark, not a test).

    python bench/bench_hub.py                 # 30 students at once
    python bench/bench_hub.py --students 10

Needs the hub extra (``pip install ".[hub]"``) and configurable-http-proxy in
``tests/.chp/`` (``.ci/run`` installs it from npm). The hub is the one tests/test_hub.py
uses (tests/hubkit.py: JupyterHub, configurable-http-proxy, the SimpleLocalProcessSpawner,
the DummyAuthenticator, lessons from a local git repository over HTTP). All N students
arrive at once; each logs in through the hub's login form, starts their server, follows
the nbgitpuller link of ``koit-lessons link``, answers lesson 00's exercises, runs the
whole lesson through their server's kernel API and saves it. Then the teacher runs
``koit-lessons collect`` and every collected notebook is compared with what its student
saved. Prints a markdown table:

- login to a ready server: median and 95th percentile (seconds);
- running lesson 00: median and 95th percentile (seconds, from the kernel's start);
- memory per student: the server and its kernel (resident MiB), measured when the lesson
  has run and the kernel still holds it; the hub and proxy besides;
- failed logins, failed servers, failed kernels, notebooks lost (not collected, or not
  what the student saved).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import hubkit  # noqa: E402

from koit_lessons import lessons  # noqa: E402
from koit_lessons.hub import TOKEN_ENV  # noqa: E402

FOLDER = "koit-student"


def _cli(*args: str, env: dict | None = None) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "koit_lessons", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    if out.returncode:
        raise SystemExit(f"koit-lessons {args[0]} failed: {out.stderr.strip()}")
    return out.stdout


def say(what: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {what}", file=sys.stderr, flush=True)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--students", type=int, default=30, help="students at once (default 30)")
    args = ap.parse_args()
    why = hubkit.missing()
    if why:
        raise SystemExit(f"cannot start a hub here: {why}")
    lesson = lessons.lesson("00").filename
    path = f"{FOLDER}/{lesson}"
    with tempfile.TemporaryDirectory(prefix="koit-bench-hub-") as tmp:
        tmp = Path(tmp)
        work = tmp / "teacher" / FOLDER
        _cli("handout", "--students", str(work), "00")
        hubkit.git(work, "init", "-q", "-b", "main")
        hubkit.git(work, "add", ".")
        hubkit.git(work, "commit", "-q", "-m", "Lesson 00")
        (tmp / "served").mkdir()
        hubkit.git(tmp, "clone", "-q", "--bare", str(work), str(tmp / "served" / f"{FOLDER}.git"))
        git_server = hubkit.GitServer(tmp / "served")
        hub = hubkit.Hub(tmp / "hub", spawn_timeout=600)
        try:
            hub.start()
            link = _cli(
                "link",
                "--hub",
                hub.url,
                "--repo",
                git_server.url(f"{FOLDER}.git"),
                "--path",
                lesson,
            ).strip()
            say(f"hub up; {args.students} students arrive")
            rows = run_class(hub, link, path, args.students)
            say("class done; collecting")
            # the hub's process tree holds the proxy and every server: take the servers out
            servers = sum(hubkit.rss_mib(p) for p in hub.server_pids().values())
            hub_mib = hubkit.rss_mib(hub.proc.pid) - servers
            token = hubkit.teacher_token(hub.url)
            out = tmp / "collected"
            t0 = time.monotonic()
            _cli(
                "collect",
                "00",
                "--hub",
                hub.url,
                "--folder",
                FOLDER,
                "--out",
                str(out),
                env={TOKEN_ENV: token},
            )
            collect_s = time.monotonic() - t0
        finally:
            say("stopping the hub")
            hub.stop()
            git_server.stop()
            results = ROOT / "bench" / "results"
            results.mkdir(exist_ok=True)
            (results / "bench_hub_jupyterhub.log").write_bytes(hub.log.read_bytes())
        lost = 0
        for r in rows:
            if not r.get("saved"):
                continue
            got = out / r["name"] / lesson
            if not got.is_file() or got.read_bytes() != r["saved"]:
                lost += 1
        say("done")
        report(rows, args.students, hub_mib, collect_s, lost)
    return 0


def run_class(hub: hubkit.Hub, link: str, path: str, n: int) -> list[dict]:
    barrier = threading.Barrier(n)

    def student(i: int) -> dict:
        row: dict = {"name": f"s{i:03d}"}
        s = hubkit.Student(hub.url, row["name"])
        barrier.wait()  # everyone arrives at once
        t0 = time.monotonic()
        try:
            s.login()
        except Exception as exc:  # a failed login is a figure of the bench, not a crash
            row["error"] = f"login: {exc}"
            return row
        try:
            s.start_server(timeout=900)
            row["ready_s"] = time.monotonic() - t0
            s.follow_link(link)
        except Exception as exc:
            row["error"] = f"server: {exc}"
            return row
        try:
            nb = hubkit.answered(s.read(path))
            t1 = time.monotonic()

            def measure():
                row["run_s"] = time.monotonic() - t1
                row["mib"] = hubkit.rss_mib(hub.server_pids()[s.name])

            s.run(nb, path, timeout=900, on_done=measure)
            s.save(path, nb)
            row["saved"] = (hub.homes / s.name / path).read_bytes()
        except Exception as exc:
            row["error"] = f"kernel: {exc}"
        return row

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(student, range(n)))


def report(rows: list[dict], n: int, hub_mib: float, collect_s: float, lost: int) -> None:
    ready = [r["ready_s"] for r in rows if "ready_s" in r]
    runs = [r["run_s"] for r in rows if "run_s" in r]
    mib = [r["mib"] for r in rows if "mib" in r]
    errors = [r["error"] for r in rows if "error" in r]
    kinds = {k: sum(e.startswith(k) for e in errors) for k in ("login", "server", "kernel")}
    cpus = os.cpu_count()
    print(f"\n{n} students at once on {cpus} CPUs (load average {os.getloadavg()[0]:.1f})\n")
    print("| measure | value |")
    print("|---|---|")
    if ready:
        print(
            f"| login to a ready server | median {statistics.median(ready):.1f} s, "
            f"95th percentile {_pct(ready, 0.95):.1f} s |"
        )
    if runs:
        print(
            f"| running lesson 00 | median {statistics.median(runs):.1f} s, "
            f"95th percentile {_pct(runs, 0.95):.1f} s |"
        )
    if mib:
        print(
            f"| memory per student (server + kernel) | median {statistics.median(mib):.0f} MiB, "
            f"largest {max(mib):.0f} MiB |"
        )
    print(f"| hub + proxy | {hub_mib:.0f} MiB |")
    print(f"| collect ({n} notebooks) | {collect_s:.1f} s |")
    print(
        f"| failed logins / servers / kernels | {kinds['login']} / {kinds['server']} / "
        f"{kinds['kernel']} |"
    )
    print(f"| notebooks lost | {lost} |")
    for e in errors[:5]:
        print(f"\nfirst errors: {e}")


if __name__ == "__main__":
    sys.exit(main())
