"""The run stage: execute one prepared submission in a fresh kernel behind the sandbox.

The notebook client (nbclient) runs in the grader's process and talks to the kernel
over Unix sockets in the job's own folder, so the kernel needs no network. Only error
outputs of the student's cells and the text output of the grader's last cell are kept:
an endless stream of output costs the grader no memory.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient
from traitlets import Unicode

from koit_lessons._kernel import KernelManager
from koit_lessons.grading import sandbox
from koit_lessons.language import marked, tr

__all__ = ["RunResult", "run_notebook", "describe_error"]

#: most text kept from the grader's own last cell (the answers)
MAX_DUMP = 8 * 1024 * 1024


@dataclass
class RunResult:
    """What running a submission gave: its executed cells' errors and the answer text."""

    errors: dict[int, tuple[str, str]] = field(default_factory=dict)  # cell -> (ename, evalue)
    dump: str = ""
    timed_out: bool = False
    died: str = ""  #: why the kernel stopped early, if it did
    leftover: int = 0  #: processes the kernel had started that were still running
    seconds: float = 0.0


class SandboxKernelManager(KernelManager):
    """A kernel manager that starts its kernel behind :mod:`sandbox`, over Unix sockets."""

    jobdir = Unicode("")

    def __init__(self, *, protection, limits, uid, cpu_seconds, token, fontlist=None, **kw):
        super().__init__(**kw)
        self._fontlist = fontlist
        self._protection, self._limits, self._uid = protection, limits, uid
        self._cpu, self.token = cpu_seconds, token
        self.transport = "ipc"
        self.ip = os.path.join(self.jobdir, "k")
        self.connection_file = os.path.join(self.jobdir, "kernel.json")
        self._kernel_spec = KernelSpec(
            argv=[
                sys.executable,
                "-m",
                "ipykernel_launcher",
                "-f",
                "{connection_file}",
                "--HistoryManager.enabled=False",
                "--IPKernelApp.exec_lines=__import__('koit_lessons.grading._warm')",
            ],
            display_name="Python 3 (koit grader)",
            language="python",
            interrupt_mode="message",  # a signal would reach the sandbox, not the kernel
        )

    @property
    def kernel_spec(self):
        return self._kernel_spec

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        boxed = self._protection.sandboxed
        kernel_cmd = sandbox.kernel_command(
            self._protection,
            self.jobdir,
            self._uid,
            self._limits,
            self._cpu,
            kernel_cmd,
            self._fontlist if boxed else None,
        )
        kw["env"] = sandbox.clean_env(sandbox.HOME if boxed else self.jobdir, self.token)
        kw["env"]["MPLCONFIGDIR"] = sandbox.MPL_DIR if boxed else os.path.join(self.jobdir, "mpl")
        kw["cwd"] = self.jobdir
        if self._protection.own_uid:
            # the kernel's own user may make its sockets here and read the connection
            # file, and nothing more: the folder stays the grader's
            os.chown(self.jobdir, 0, self._uid)
            os.chmod(self.jobdir, 0o770)
            os.chown(self.connection_file, 0, self._uid)
            os.chmod(self.connection_file, 0o640)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    def seal(self) -> None:
        """Once the kernel's sockets exist, it may make no more files in its folder."""
        if self._protection.own_uid:
            os.chmod(self.jobdir, 0o750)

    @property
    def launched_pid(self) -> int | None:
        process = getattr(self.provisioner, "process", None)
        return getattr(process, "pid", None)


class _Client(NotebookClient):
    """Keeps only what grading reads: errors, and the last cell's text."""

    leftover: int | None = None

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.stopped: set[int] = set()  # cells stopped at the time limit
        #: each failed cell's error from its execute_reply, which arrives on the shell
        #: channel even when the error output is lost on a flooded iopub channel (a cell
        #: printing without end that then hits a limit)
        self.reply_errors: dict[int, tuple[str, str]] = {}
        self.on_cell_error = self._record_reply_error

    def _record_reply_error(self, cell: Any, cell_index: int, execute_reply: Any) -> None:
        content = (execute_reply or {}).get("content", {})
        self.reply_errors[cell_index] = (
            str(content.get("ename", "")),
            str(content.get("evalue", "")),
        )

    async def _async_handle_timeout(self, timeout: int, cell: Any = None) -> Any:
        # the interrupt's error may never be read from a cell that floods its output
        for i, c in enumerate(self.nb.cells):
            if c is cell:
                self.stopped.add(i)
        return await super()._async_handle_timeout(timeout, cell)

    def output(self, outs, msg, display_id, cell_index):
        kind = msg["msg_type"]
        last = cell_index == len(self.nb.cells) - 1
        if kind == "error" or (last and kind == "stream"):
            if last and sum(len(o.get("text", "")) for o in outs) > MAX_DUMP:
                return None
            return super().output(outs, msg, None, cell_index)
        return None

    def handle_comm_msg(self, outs, msg, cell_index):  # widgets: nothing to keep
        return None

    @asynccontextmanager
    async def async_setup_kernel(self, **kwargs: Any) -> AsyncGenerator[None, None]:
        # nbclient's own version also registers an atexit hook and replaces the event
        # loop's SIGINT/SIGTERM handlers, which clash when many notebooks run at once and
        # with the grader's own handlers; the grader cleans up every kernel itself.
        if not self.km.has_kernel:
            await self.async_start_new_kernel(**kwargs)
        if self.kc is None:
            await self.async_start_new_kernel_client()
        self.km.seal()
        try:
            yield
        finally:
            self.leftover = sandbox.reap(self.km.launched_pid, self.km.token)
            await self._async_cleanup_kernel()


#: errors that mean a wall of the sandbox or a limit was hit: (ename, text in evalue, what)
_WALLS = [
    ("MemoryError", "", marked("hit the memory limit")),
    ("_ArrayMemoryError", "", marked("hit the memory limit")),
    ("BlockingIOError", "Resource temporarily unavailable", marked("hit the process limit")),
    ("RuntimeError", "can't start new thread", marked("hit the process limit")),
    ("OSError", "File too large", marked("hit the file size limit")),
    ("OSError", "No space left on device", marked("hit the disk limit")),
    ("OSError", "Network is unreachable", marked("tried to use the network (there is none)")),
    ("gaierror", "", marked("tried to use the network (there is none)")),
    ("URLError", "", marked("tried to use the network (there is none)")),
    ("ConnectionError", "", marked("tried to use the network (there is none)")),
    ("PermissionError", "", marked("was stopped by the sandbox's walls")),
    ("ProcessLookupError", "", marked("tried to signal a process outside its sandbox")),
    ("OSError", "Read-only file system", marked("tried to change a read-only file")),
]


#: IPython's name for a cell's code in a SyntaxError: "(3410649480.py, line 1)", with or
#: without its /tmp/ipykernel_NN/ folder; older IPython wrote "<ipython-input-3-...>"
_CELL_FILE = re.compile(r"\((?:[^(),]*/)?(?:\d+\.py|<ipython-input-[^>]*>), line (\d+)\)")


def describe_error(ename: str, evalue: str) -> str:
    """One line for a cell's error, naming the limit or wall it hit, if one.

    Examples
    --------
    >>> describe_error("SyntaxError", "invalid syntax (3410649480.py, line 2)")
    'raised SyntaxError: invalid syntax (line 2 of the cell)'
    >>> describe_error("MemoryError", "")
    'hit the memory limit (MemoryError)'
    """
    evalue = _CELL_FILE.sub(r"(line \1 of the cell)", " ".join(str(evalue).split()))[:120]
    for name, text, what in _WALLS:
        if ename == name and text in evalue:
            return f"{tr(what)} ({ename}: {evalue})" if evalue else f"{tr(what)} ({ename})"
    return tr("raised {name}: {value}", name=ename, value=evalue)


def cell_errors(
    nb: Any,
    stopped: set[int],
    reply_errors: dict[int, tuple[str, str]],
    cell_timeout: int,
) -> dict[int, tuple[str, str]]:
    """Each failed cell's (ename, evalue), by cell index, the last (dump) cell left out:
    a cell stopped at the time limit; else its error output; else the error its execute
    reply gave, for a cell whose error output never arrived.

    Examples
    --------
    >>> nb = {"cells": [{"outputs": []}, {"outputs": []}, {"outputs": []}]}
    >>> cell_errors(nb, set(), {1: ("MemoryError", "")}, 8)
    {1: ('MemoryError', '')}
    >>> cell_errors(nb, {0}, {0: ("KeyboardInterrupt", "")}, 8)
    {0: ('KoitCellTimeout', 'stopped after 8 s')}
    """
    errors: dict[int, tuple[str, str]] = {}
    for i, cell in enumerate(nb["cells"][:-1]):
        if i in stopped:
            errors[i] = ("KoitCellTimeout", f"stopped after {cell_timeout} s")
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors[i] = (str(out.get("ename", "")), str(out.get("evalue", "")))
                break
        else:
            if i in reply_errors:
                errors[i] = reply_errors[i]
    return errors


def _prepare_jobdir(jobdir: Path, fontlist: Path | None, sandboxed: bool) -> None:
    jobdir.mkdir(mode=0o700)
    if not sandboxed:  # the sandbox binds the font list in; here the kernel gets a copy
        mpl = jobdir / "mpl"
        mpl.mkdir()
        if fontlist is not None:
            shutil.copy(fontlist, mpl / fontlist.name)


async def run_notebook(
    nb: Any,
    jobdir: Path,
    *,
    protection: sandbox.Protection,
    limits: sandbox.Limits,
    uid: int,
    timeout: float,
    cell_timeout: int,
    fontlist: Path | None = None,
) -> RunResult:
    """Run the notebook ``nb`` (an nbformat node) in a fresh sandboxed kernel.

    ``jobdir`` is created for the kernel's sockets and removed afterwards.
    """
    started = time.monotonic()
    result = RunResult()
    log = logging.getLogger("koit_lessons.grading.kernels")
    log.propagate = False  # what a kernel does wrong is in the gradebook, not on the screen
    log.addHandler(logging.NullHandler())
    _prepare_jobdir(jobdir, fontlist, protection.sandboxed)
    token = secrets.token_hex(12)
    km = SandboxKernelManager(
        jobdir=str(jobdir),
        protection=protection,
        limits=limits,
        uid=uid,
        cpu_seconds=int(timeout) + 5,
        token=token,
        fontlist=fontlist,
        log=log,
    )
    client = _Client(
        nb,
        km=km,
        log=log,
        timeout=cell_timeout,
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout={
            "ename": "KoitCellTimeout",
            "evalue": f"stopped after {cell_timeout} s",
            "traceback": [],
        },
        shutdown_kernel="immediate",
        record_timing=False,
        resources={"metadata": {"path": str(jobdir)}},
    )
    task = asyncio.ensure_future(client.async_execute())
    fired = []

    def time_up() -> None:
        fired.append(True)
        task.cancel()

    stop = asyncio.get_running_loop().call_later(timeout, time_up)
    try:
        await task
    except asyncio.CancelledError:
        if not fired:  # the grader is being stopped: pass it on (after the clean-up)
            raise
        result.timed_out = True
    except Exception as exc:  # the kernel died or could not start: keep what ran
        if fired:  # stopped at the time limit
            result.timed_out = True
        else:
            result.died = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    finally:
        stop.cancel()
        late = sandbox.reap(km.launched_pid, token)
        result.leftover = client.leftover if client.leftover is not None else late
        if client.km is not None:  # nbclient did not get to its own clean-up
            try:
                await km.shutdown_kernel(now=True)
            except Exception:
                pass
        shutil.rmtree(jobdir, ignore_errors=True)
    result.errors = cell_errors(nb, client.stopped, client.reply_errors, cell_timeout)
    result.dump = "".join(
        o.get("text", "")
        for o in nb.cells[-1].get("outputs", [])
        if o.get("output_type") == "stream"
    )
    result.seconds = time.monotonic() - started
    return result
