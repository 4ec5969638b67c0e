"""Start a program with resource limits: ``python _launch.py LIMITS -- PROGRAM ARGS...``.

The run stage starts every submission's kernel through this file (inside the sandbox
when there is one). It sets the limits with :mod:`resource` and then replaces itself
with the program, so the limits hold for the kernel and every process it starts.

``LIMITS`` is a comma-separated list of ``name=value``: ``as`` (address space, bytes),
``nproc`` (processes and threads), ``cpu`` (seconds of CPU time), ``fsize`` (largest
file, bytes), ``nofile`` (open files), ``core`` (core dump size); ``orphan=1`` tells
the kernel not to watch for its parent process (in a sandbox it cannot see it). A limit
the system does not have (Windows has none) is left out. Standard library only: it runs
before anything of the package is trusted.
"""

import os
import subprocess
import sys

try:
    import resource
except ImportError:  # Windows
    resource = None

NAMES = ("as", "nproc", "cpu", "fsize", "nofile", "core")


def main(argv: list[str]) -> None:
    if len(argv) < 3 or argv[1] != "--":
        sys.exit("usage: python _launch.py LIMITS -- PROGRAM ARGS...")
    for item in filter(None, argv[0].split(",")):
        name, value = item.split("=", 1)
        if name == "orphan":  # in a sandbox the grader is out of sight: the kernel
            os.environ["JPY_PARENT_PID"] = "1"  # must not take that for its parent's death
            continue
        which = getattr(resource, f"RLIMIT_{name.upper()}", None) if name in NAMES else None
        if which is None:
            continue
        try:
            resource.setrlimit(which, (int(value), int(value)))
        except (ValueError, OSError):  # e.g. macOS does not take RLIMIT_AS
            pass
    if os.name == "nt":
        sys.exit(subprocess.call(argv[2:]))
    os.execvp(argv[2], argv[2:])


if __name__ == "__main__":
    main(sys.argv[1:])
