"""The ``koit-lessons`` command line.

    koit-lessons list                      the lessons, in order
    koit-lessons start [DIR]               write student versions to DIR and open JupyterLab
    koit-lessons data list|show NAME|cite NAME
    koit-lessons handout --students DIR [--teachers DIR] [LESSON ...]
    koit-lessons export-nbgrader DIR [LESSON ...]
    koit-lessons grade LESSON SUBMISSIONS --out gradebook.csv [--timeout S]
    koit-lessons link --hub URL --repo URL [--path FILE] | --binder --repo URL

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

from koit_lessons import __version__, grading
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
    _add_classroom_commands(sub)
    return p


def _add_classroom_commands(sub: argparse._SubParsersAction) -> None:
    hand = sub.add_parser(
        "handout", help="write the student set (and the teacher set) of lessons for a class"
    )
    hand.add_argument("--students", required=True, help="folder for the student set")
    hand.add_argument("--teachers", help="folder for the teacher set (solutions, outputs)")
    hand.add_argument("lessons", nargs="*", metavar="LESSON", help="lesson numbers (default: all)")
    hand.add_argument("--overwrite", action="store_true", help="replace files already there")

    nbg = sub.add_parser(
        "export-nbgrader", help="write nbgrader source notebooks (DIR/source/<lesson>/...)"
    )
    nbg.add_argument("dir", help="an nbgrader course folder (created if missing)")
    nbg.add_argument("lessons", nargs="*", metavar="LESSON", help="lesson numbers (default: all)")
    nbg.add_argument("--points", type=int, default=1, help="points per question (default 1)")
    nbg.add_argument("--overwrite", action="store_true", help="replace files already there")

    grade = sub.add_parser(
        "grade", help="grade a folder of submitted notebooks of one lesson into a CSV"
    )
    grade.add_argument("lesson", help="the lesson number, e.g. 00")
    grade.add_argument("submissions", help="folder of submitted notebooks")
    grade.add_argument("--out", default="gradebook.csv", help="the CSV to write")
    for flag, kind, default, what in (
        ("--timeout", float, grading.DEFAULT_TIMEOUT, "seconds per notebook"),
        ("--cell-timeout", int, grading.DEFAULT_CELL_TIMEOUT, "seconds per cell"),
        ("--jobs", int, grading.DEFAULT_JOBS, "notebooks graded at once"),
        ("--memory", int, grading.Limits.memory_mb, "MiB of memory per kernel process"),
    ):
        grade.add_argument(flag, type=kind, default=default, help=f"{what} (default %(default)s)")
    grade.add_argument("--written", help="folder for the written answers (default: <out>_written/)")
    grade.add_argument("--overwrite", action="store_true", help="replace an existing gradebook")
    grade.add_argument(
        "--resume", action="store_true", help="finish a stopped batch: grade only what is missing"
    )
    grade.add_argument(
        "--require-sandbox",
        action="store_true",
        help="refuse to grade unless the bubblewrap sandbox is available",
    )

    link = sub.add_parser("link", help="a one-click link: JupyterHub (nbgitpuller) or Binder")
    link.add_argument("--repo", required=True, help="the git repository to pull or build")
    link.add_argument("--hub", help="the JupyterHub address (nbgitpuller link)")
    link.add_argument("--binder", action="store_true", help="a mybinder.org link instead")
    link.add_argument("--branch", default="main", help="branch (default main)")
    link.add_argument("--path", default="", help="file or folder to open, inside the repository")
    link.add_argument("--app", default="lab", choices=["lab", "notebook"], help="default lab")


def _cmd_handout(args: argparse.Namespace) -> None:
    from koit_lessons.classroom import handout

    result = handout(
        Path(args.students),
        Path(args.teachers) if args.teachers else None,
        args.lessons,
        overwrite=args.overwrite,
    )
    for path in result["written"]:
        print(f"wrote  {path}")
    for path in result["kept"]:
        print(f"kept   {path} (already there; use --overwrite to replace it)")


def _cmd_export_nbgrader(args: argparse.Namespace) -> None:
    from koit_lessons.classroom import export_nbgrader

    if args.points < 0:
        raise KoitError(f"--points must be 0 or more, not {args.points}.")
    result = export_nbgrader(Path(args.dir), args.lessons, args.points, overwrite=args.overwrite)
    for path in result["written"]:
        print(f"wrote  {path}")
    for path in result["kept"]:
        print(f"kept   {path} (already there; use --overwrite to replace it)")


def _cmd_grade(args: argparse.Namespace) -> int:
    if args.jobs < 1 or args.memory < 256:
        raise KoitError("--jobs must be 1 or more and --memory 256 (MiB) or more.")
    if args.overwrite and args.resume:
        raise KoitError("Pass --overwrite or --resume, not both.")

    def progress(r):
        print(f"graded {r.student}: {r.total:g} points ({r.seconds:.1f} s)", flush=True)

    out = Path(args.out)
    limits = grading.Limits(memory_mb=args.memory)
    protection = grading.sandbox.detect(limits)
    print(f"protection: {protection.summary}", flush=True)
    try:
        results = grading.grade(
            args.lesson,
            Path(args.submissions),
            out,
            timeout=args.timeout,
            cell_timeout=args.cell_timeout,
            jobs=args.jobs,
            written_dir=Path(args.written) if args.written else None,
            progress=progress,
            overwrite=args.overwrite,
            resume=args.resume,
            require_sandbox=args.require_sandbox,
            limits=limits,
        )
    except KeyboardInterrupt:
        print(f"stopped: the rows graded so far are in {out}; run again with --resume")
        return 130
    flagged = sum(1 for r in results if r.problems)
    print(f"{len(results)} submissions graded into {out} ({flagged} with problems listed)")
    return 0


def _cmd_link(args: argparse.Namespace) -> None:
    from koit_lessons import deploy

    if args.binder == bool(args.hub):
        raise KoitError("Give either --hub URL (a JupyterHub link) or --binder, not both.")
    if args.binder:
        print(deploy.binder_link(args.repo, args.branch, args.path, args.app))
    else:
        print(deploy.nbgitpuller_link(args.hub, args.repo, args.branch, args.path, args.app))


def _cmd_list() -> None:
    from koit_lessons.lessons import lessons

    for item in lessons():
        print(f"{item.number}  {item.title}  (~{item.minutes} min)  {item.filename}")


def _cmd_start(args: argparse.Namespace) -> int:
    from koit_lessons.lessons import lessons, write_student_set

    folder = Path(args.dir).expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise KoitError(f"{folder} is a file, not a folder. Choose another workspace folder.")
    result = write_student_set(folder, overwrite=args.overwrite)
    for path in result["written"]:
        print(f"wrote  {path.name}")
    for path in result["kept"]:
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
        elif args.command == "handout":
            _cmd_handout(args)
        elif args.command == "export-nbgrader":
            _cmd_export_nbgrader(args)
        elif args.command == "grade":
            return _cmd_grade(args)
        elif args.command == "link":
            _cmd_link(args)
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
