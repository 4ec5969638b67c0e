"""No lesson and no helper opens a network connection.

Every lesson notebook runs in a kernel whose Python has a guard installed (through a
``sitecustomize`` module on PYTHONPATH): any connection or name lookup that is not to the
local machine is refused and logged. The test fails if anything was logged.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from koit_lessons import lessons
from koit_lessons._kernel import KernelManager
from koit_lessons.resources import notebooks_dir

GUARD = textwrap.dedent(
    """
    import os
    import socket

    _LOG = os.environ.get("KOIT_NETWORK_LOG")
    _LOCAL = ("127.", "::1", "localhost", "0.0.0.0")

    def _local(address):
        host = address[0] if isinstance(address, tuple) else address
        return isinstance(host, str) and host.startswith(_LOCAL)

    def _refuse(what):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(what + "\\n")
        raise OSError("network access is disabled in this test: " + what)

    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
    _getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        if self.family == getattr(socket, "AF_UNIX", None) or _local(address):
            return _connect(self, address)
        _refuse("connect " + repr(address))

    def connect_ex(self, address):
        if self.family == getattr(socket, "AF_UNIX", None) or _local(address):
            return _connect_ex(self, address)
        _refuse("connect_ex " + repr(address))

    def getaddrinfo(host, *args, **kwargs):
        if host is None or _local(host if isinstance(host, str) else str(host)):
            return _getaddrinfo(host, *args, **kwargs)
        _refuse("getaddrinfo " + repr(host))

    if _LOG:
        socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
        socket.getaddrinfo = getaddrinfo
    """
)

LESSONS = lessons.lessons()


@pytest.fixture()
def guarded(tmp_path, monkeypatch):
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    log.touch()
    monkeypatch.setenv("PYTHONPATH", str(guard_dir))
    monkeypatch.setenv("KOIT_NETWORK_LOG", str(log))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return log


def _run(nb, cwd):
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        kernel_manager_class=KernelManager,
        resources={"metadata": {"path": str(cwd)}},
    ).execute()


def test_the_guard_catches_a_connection(guarded, tmp_path):
    """The guard itself works: a kernel that tries to reach the internet is caught."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import socket\n"
            "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
            "except OSError as e:\n    print(e)"
        )
    ]
    _run(nb, tmp_path)
    assert "192.0.2.1" in guarded.read_text(encoding="utf-8")


@pytest.mark.parametrize("item", LESSONS, ids=[x.number for x in LESSONS])
def test_lesson_runs_without_network(item, guarded, tmp_path):
    nb = nbformat.read(notebooks_dir() / item.filename, as_version=4)
    _run(nb, tmp_path)
    assert guarded.read_text(encoding="utf-8") == ""


def test_cli_runs_without_network(guarded, tmp_path):
    for args in (["list"], ["data", "list"], ["start", str(tmp_path / "ws"), "--print-command"]):
        out = subprocess.run([sys.executable, "-m", "koit_lessons", *args],
                             capture_output=True, text=True)  # fmt: skip
        assert out.returncode == 0, out.stderr
    assert guarded.read_text(encoding="utf-8") == ""
    assert Path(tmp_path / "ws" / "00_start_here.ipynb").exists()
