"""The ``koit-lessons`` command line.

    koit-lessons list                      the lessons, in order
    koit-lessons start [DIR]               write student versions to DIR and open JupyterLab
    koit-lessons data list|show NAME|cite NAME

Only the standard library is imported at start-up, so ``--help`` is instant;
pandas is loaded only by the ``data`` commands that need it.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

from koit_lessons import __version__
from koit_lessons.errors import KoitError

DEFAULT_WORKSPACE = "koit-lessons-work"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="koit-lessons",
        description="Lessons on AI chips, critical minerals and alliance politics.",
        epilog="Start here: koit-lessons start   (then open 00_start_here.ipynb)",
    )
    p.add_argument("--version", action="version", version=f"koit-lessons {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    sub.add_parser("list", help="show the lessons in order, with title and time")

    start = sub.add_parser(
        "start", help="copy the student lessons into a folder and open JupyterLab there"
    )
    start.add_argument(
        "dir",
        nargs="?",
        default=DEFAULT_WORKSPACE,
        help=f"workspace folder (default: ./{DEFAULT_WORKSPACE})",
    )
    start.add_argument(
        "--overwrite",
        action="store_true",
        help="replace lessons already in the folder (your changes there are lost)",
    )
    start.add_argument(
        "--print-command",
        action="store_true",
        help="prepare the folder and print the JupyterLab command, do not run it",
    )

    data = sub.add_parser("data", help="list, show or cite the shipped data sets")
    dsub = data.add_subparsers(dest="data_command", metavar="ACTION")
    dsub.required = True
    dsub.add_parser("list", help="the data sets: name, title, rows, source")
    show = dsub.add_parser("show", help="print the first rows of a data set")
    show.add_argument("name")
    show.add_argument("-n", "--rows", type=int, default=10, help="how many rows (default 10)")
    cite = dsub.add_parser("cite", help="print the citation and notes of a data set")
    cite.add_argument("name")
    return p


def _cmd_list() -> None:
    from koit_lessons.lessons import lessons

    for item in lessons():
        print(f"{item.number}  {item.title}  (~{item.minutes} min)  {item.filename}")


def _cmd_start(args: argparse.Namespace) -> int:
    from koit_lessons.lessons import lessons, write_student_set

    folder = Path(args.dir).expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise KoitError(f"{folder} is a file, not a folder. Choose another workspace folder.")
    written, kept = write_student_set(folder, overwrite=args.overwrite)
    for path in written:
        print(f"wrote  {path.name}")
    for path in kept:
        print(f"kept   {path.name} (already there; use --overwrite to replace it)")
    first = lessons()[0].filename
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        f"--LabApp.default_url=/lab/tree/{first}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # JupyterLab refuses to run as root unless told to (containers often run as root).
        cmd.append("--ServerApp.allow_root=True")
    if args.print_command:
        print(shlex.join(cmd))
        return 0
    print(f"Opening JupyterLab in {folder} ... (stop it with Ctrl+C)")
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0


def _cmd_data(args: argparse.Namespace) -> None:
    from koit_lessons import data

    if args.data_command == "list":
        import pandas as pd

        with pd.option_context("display.max_colwidth", 60, "display.width", 160):
            print(data.list_datasets().to_string(index=False))
    elif args.data_command == "show":
        if args.rows < 1:
            raise KoitError(f"--rows must be 1 or more, not {args.rows}.")
        print(data.load(args.name).head(args.rows).to_string(index=False))
    else:
        data.cite(args.name)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            _cmd_list()
        elif args.command == "start":
            return _cmd_start(args)
        else:
            _cmd_data(args)
    except KoitError as exc:
        print(f"koit-lessons: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
