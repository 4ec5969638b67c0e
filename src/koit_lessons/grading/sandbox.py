"""The run stage's walls: what a submission's kernel may see, use and outlive.

Two levels, chosen once per batch by :func:`detect` and named in every gradebook row:

``sandbox``
    The kernel runs in `bubblewrap <https://github.com/containers/bubblewrap>`_ (``bwrap``,
    the sandbox Flatpak uses) with new user, PID, network, IPC, UTS and cgroup
    namespaces: no network at all; a file system that holds only the operating system
    and Python read-only, an empty home and ``/tmp`` of limited size, and one folder of
    its own for the kernel's sockets; no view of other processes, the submissions, the
    gradebook or the grader. When the grader runs as root the kernel runs as the user
    ``nobody``. Ending the sandbox ends every process started in it.
``processes``
    Used only where bubblewrap is missing or cannot make namespaces (e.g. unprivileged
    user namespaces switched off). The kernel runs as a separate process of the
    grading user, with the same resource limits and a clean environment; processes it
    starts are found by a token in their environment and killed. It does **not** keep
    student code from reading or changing the grading user's files or using the network.

Both levels set resource limits (:class:`Limits`) on the kernel and everything it
starts: address space, processes and threads, CPU time, file size, open files.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import site
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Limits", "Protection", "detect", "kernel_command", "clean_env", "reap", "job_uids"]

LAUNCH = Path(__file__).with_name("_launch.py")
HOME = "/home/student"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission's kernel and everything it starts."""

    memory_mb: int = 2048  #: address space of each process
    processes: int = 128  #: processes and threads (sandbox level; ignored for root otherwise)
    file_mb: int = 64  #: the largest file it may write
    disk_mb: int = 256  #: size of its home and of its /tmp (sandbox level)
    open_files: int = 256

    def rlimits(self, cpu_seconds: int, nproc: bool, orphan: bool = False) -> str:
        items = {
            "as": self.memory_mb * MIB,
            "cpu": max(1, int(cpu_seconds)),
            "fsize": self.file_mb * MIB,
            "nofile": self.open_files,
            "core": 0,
        }
        if nproc:
            items["nproc"] = self.processes
        if orphan:
            items["orphan"] = 1
        return ",".join(f"{k}={v}" for k, v in items.items())


@dataclass(frozen=True)
class Protection:
    """The protection a batch ran under: its level, the tool and a one-line summary."""

    level: str
    summary: str
    reason: str = ""  #: why the sandbox level is not active (empty when it is)
    prefix: tuple[str, ...] = ()  #: the sandbox command before the launcher
    own_uid: bool = False  #: kernels run as a user id of their own (the grader is root)

    @property
    def sandboxed(self) -> bool:
        return self.level == "sandbox"


def _shipped() -> list[Path]:
    """The data and lesson folders: inside the package when installed from a wheel, at
    the repository's root in a source checkout (an editable install), which then also
    needs its pyproject.toml to be recognised."""
    from koit_lessons import resources

    found = []
    for folder in (resources.data_dir(), resources.notebooks_dir()):
        path = Path(str(folder)).resolve()
        found.append(path)
        if (path.parent / "pyproject.toml").is_file():
            found.append(path.parent / "pyproject.toml")
    return found


def _python_dirs() -> list[str]:
    """The folders Python and the installed packages live in (bound read-only)."""
    import koit_lessons

    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    dirs.add(str(Path(os.path.realpath(sys.executable)).parent.parent))
    dirs.add(str(Path(koit_lessons.__file__).resolve().parent.parent))
    for d in [*site.getsitepackages(), site.getusersitepackages()]:
        if os.path.isdir(d):
            dirs.add(d)
    dirs.update(str(p) for p in _shipped())
    real = sorted({os.path.realpath(d) for d in dirs if d and os.path.isdir(d)} | dirs)
    kept: list[str] = []
    for d in sorted((x for x in real if os.path.exists(x)), key=len):
        if not any(d == k or d.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(d)
    return kept


def _bwrap_prefix(jobdir_placeholder: str, limits: Limits, sized: bool) -> list[str]:
    size = ["--size", str(limits.disk_mb * MIB)] if sized else []
    # as root, no user namespace: setpriv then becomes a real, unprivileged user id
    unshare = (
        ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
        if os.geteuid() == 0
        else ["--unshare-all"]
    )
    args = [
        "bwrap",
        *unshare,
        "--die-with-parent",
        "--new-session",
        "--hostname",
        "sandbox",
        "--ro-bind",
        "/usr",
        "/usr",
        "--ro-bind-try",
        "/etc",
        "/etc",
    ]
    binds = [d for d in _python_dirs() if d != "/usr" and not d.startswith("/usr/")]
    # the folders above each bound one, readable by the kernel's user
    parents = sorted(
        {str(p) for d in binds for p in Path(d).parents if str(p) not in ("/", "/tmp", HOME)},
        key=lambda p: p.count("/"),
    )
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    # the kernel's own /tmp and home first: Python itself may live below /tmp (a
    # virtual environment made with mktemp), and is bound over them afterwards
    args += [*size, "--perms", "1777", "--tmpfs", "/tmp", FONTS]
    args += [*size, "--perms", "1777", "--tmpfs", HOME]
    for p in parents:
        args += ["--perms", "0755", "--dir", p]
    for d in binds:
        args += ["--ro-bind", d, d]
    args += ["--proc", "/proc", "--dev", "/dev"]
    args += [PARENTS, "--bind", jobdir_placeholder, jobdir_placeholder, "--chdir", HOME]
    if os.geteuid() != 0:
        args += ["--cap-drop", "ALL"]
    return args  # as root, setpriv drops every capability with the user id


def _drop_prefix() -> list[str]:
    """Inside the sandbox, become an unprivileged user of the job's own (root only)."""
    return ["setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups", "--no-new-privs"]


#: mark where the job folder and the job's user id go in a prefix
JOBDIR, UID, PARENTS, FONTS = "{jobdir}", "{uid}", "{jobdir-parents}", "{fonts}"
#: Matplotlib's folder in the sandbox: writable, with the batch's font list bound in
MPL_DIR = "/tmp/mpl"
#: the user ids kernels run as when the grader is root: a block of free ids per batch,
#: one per job slot, so that the process limit counts each kernel's processes alone and
#: two batches on one machine never share (or clear) each other's ids
UID_RANGE = (1 << 20, 1 << 30)


def job_uids(count: int) -> list[int]:
    """``count`` consecutive user ids that no process uses now, picked at random."""
    import secrets

    in_use = set()
    for entry in _pids():
        try:
            in_use.add(os.stat(f"/proc/{entry}").st_uid)
        except OSError:
            continue
    while True:
        first = UID_RANGE[0] + secrets.randbelow(UID_RANGE[1] - UID_RANGE[0] - count)
        block = list(range(first, first + count))
        if not in_use & set(block):
            return block


def _fill(
    prefix: tuple[str, ...] | list[str], jobdir: str, uid: int, fontlist: Path | None = None
) -> list[str]:
    out = []
    for a in prefix:
        if a == PARENTS:  # the folders above the job folder, created readable
            for p in reversed(Path(jobdir).parents):
                if str(p) not in ("/", "/tmp"):
                    out += ["--perms", "0755", "--dir", str(p)]
        elif a == FONTS:  # a font list made by the grader, so that no kernel rebuilds it
            out += ["--perms", "1777", "--dir", MPL_DIR]
            if fontlist is not None:
                out += ["--ro-bind", str(fontlist), f"{MPL_DIR}/{fontlist.name}"]
        else:
            out.append(a.replace(JOBDIR, jobdir).replace(UID, str(uid)))
    return out


@functools.cache
def detect(limits: Limits = Limits()) -> Protection:
    """The strongest protection this machine offers, tried once with a real kernel import.

    The sandbox is tried by starting Python in it and importing the package and
    ipykernel, exactly as a submission's kernel will be started.
    """
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return _weak("bubblewrap (bwrap) is not installed")
    root = os.geteuid() == 0
    if root and not shutil.which("setpriv"):
        return _weak("setpriv (util-linux) is missing, so kernels would run as root")
    last = ""
    probe_uid = job_uids(1)[0]
    for sized in (True, False):
        with tempfile.TemporaryDirectory(prefix="koit-sandbox-test-") as jobdir:
            if root:
                os.chown(jobdir, probe_uid, probe_uid)
            prefix = _bwrap_prefix(JOBDIR, limits, sized) + (_drop_prefix() if root else [])
            cmd = _fill(prefix, jobdir, probe_uid)
            probe = (
                "import os, socket, koit_lessons, ipykernel\n"
                "assert os.getpid() < 50\n"
                "try:\n    socket.create_connection(('1.1.1.1', 53), 1)\n"
                "except OSError:\n    pass\nelse:\n    raise SystemExit('network')\n"
                f"open({jobdir!r} + '/ok', 'w').write('ok')\n"
            )
            launch = [sys.executable, str(LAUNCH), limits.rlimits(30, True), "--"]
            try:
                done = subprocess.run(
                    [*cmd, *launch, sys.executable, "-c", probe],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    env=clean_env(HOME),
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                last = str(exc)
                continue
            if done.returncode == 0 and os.path.exists(os.path.join(jobdir, "ok")):
                who = "as a user of its own, " if root else ""
                return Protection(
                    "sandbox",
                    f"sandbox (bubblewrap: {who}no network, own files only, limits)",
                    "",
                    tuple(prefix),
                    root,
                )
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
    return _weak(f"bubblewrap could not start a sandbox here ({last[:200]})")


def _weak(reason: str) -> Protection:
    return Protection(
        "processes", "processes (separate process and limits; no sandbox: " + reason + ")", reason
    )


def clean_env(home: str, token: str = "") -> dict[str, str]:
    """The environment a kernel starts with: nothing of the grader's (no tokens, no
    credentials), only what Python, Matplotlib and the numeric libraries need."""
    env = {
        "PATH": os.pathsep.join(
            [str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]
        ),
        "HOME": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "MPLBACKEND": "agg",  # figures are not needed for grading: nothing is drawn
        # the kernel imports the very copy of the package that computed the answer key
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    if os.name == "nt":  # Python on Windows does not start without these
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "TEMP", "TMP", "PATHEXT", "COMSPEC"):
            if name in os.environ:
                env[name] = os.environ[name]
    if token:
        env["KOIT_GRADE_JOB"] = token
    return env


def kernel_command(
    protection: Protection,
    jobdir: str,
    uid: int,
    limits: Limits,
    cpu_seconds: int,
    kernel_argv: list[str],
    fontlist: Path | None = None,
) -> list[str]:
    """The command that starts one kernel behind the protection, with its limits."""
    nproc = protection.sandboxed or _euid() != 0
    rl = limits.rlimits(cpu_seconds, nproc, orphan=protection.sandboxed)
    launch = [sys.executable, str(LAUNCH), rl, "--"]
    return [*_fill(protection.prefix, jobdir, uid, fontlist), *launch, *kernel_argv]


def _euid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1  # Windows has no user ids


def _pids() -> list[str]:
    """The process ids as /proc lists them (none where there is no /proc, e.g. macOS)."""
    try:
        return [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return []


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in _pids():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode("utf-8", "replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _descendants(pid: int) -> list[int]:
    kids, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        for c in kids.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def _with_token(token: str) -> list[int]:
    found = []
    needle = f"KOIT_GRADE_JOB={token}".encode()
    for entry in _pids():
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if needle in f.read().split(b"\0"):
                    found.append(int(entry))
        except OSError:
            continue
    return found


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _owned_by(uid: int) -> list[int]:
    found = []
    for entry in _pids():
        try:
            if os.stat(f"/proc/{entry}").st_uid == uid:
                found.append(int(entry))
        except OSError:
            continue
    return found


def clear_uid(uid: int, wait: float = 10.0) -> None:
    """Before a job slot is used again: no process of its user may be left (they would
    count against the next kernel's process limit). Kills stragglers, waits for them."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        left = _owned_by(uid)
        if not left:
            return
        for p in left:
            try:
                os.kill(p, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.05)


def reap(pid: int | None, token: str) -> int:
    """Kill whatever a kernel left running; return how many processes it had started.

    ``pid`` is the process the kernel was launched as (the sandbox, or the launcher);
    ``token`` marks the kernel's environment. The kernel itself, and the sandbox's own
    processes, are not counted.
    """
    found = set(_with_token(token)) if token else set()
    if pid:
        found |= set(_descendants(pid))
    ours = {p for p in found if "ipykernel_launcher" in _cmdline(p) or "bwrap" in _cmdline(p)}
    extra = len(found - ours)
    for p in sorted(found | ({pid} if pid else set())):
        try:
            os.kill(p, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return extra
