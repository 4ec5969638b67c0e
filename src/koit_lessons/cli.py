"""The ``koit-lessons`` command line.

    koit-lessons list                      the lessons, in order
    koit-lessons start [DIR|LESSON]        write student versions to DIR and open JupyterLab
    koit-lessons data list|status|show NAME|cite NAME
    koit-lessons handout --students DIR [--teachers DIR] [LESSON ...]
    koit-lessons export-nbgrader DIR [LESSON ...]
    koit-lessons grade LESSON SUBMISSIONS --out gradebook.csv [--timeout S]
    koit-lessons collect LESSON --hub URL --folder DIR --out SUBMISSIONS [--start-stopped]
    koit-lessons link --hub URL --repo URL [--path FILE] | --binder --repo URL
    koit-lessons site OUT [--overwrite] [--hub URL --student-repo URL] [--binder-repo URL]
                      [--lang en,ko,it]

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

    listing = sub.add_parser("list", help="show the lessons in order, with title and time")
    listing.add_argument(
        "--lang",
        default="en",
        help="the edition: en (English, the default), ko (Korean) or it (Italian)",
    )

    start = sub.add_parser(
        "start",
        help="copy the student lessons into a folder and open JupyterLab there",
        description="Copy the student versions of the lessons into a folder (lessons "
        "already there are kept) and open JupyterLab on a lesson. A bare number opens "
        "that lesson: 'koit-lessons start 04'. To use a folder whose name is a number, "
        "write it as ./04.",
    )
    start.add_argument(
        "dir",
        nargs="?",
        default=DEFAULT_WORKSPACE,
        metavar="DIR|LESSON",
        help=f"workspace folder (default: ./{DEFAULT_WORKSPACE}), or a lesson number to open",
    )
    start.add_argument(
        "--lesson", help="the lesson to open, e.g. 04 (default: 00, or the number given)"
    )
    start.add_argument(
        "--overwrite",
        action="store_true",
        help="replace lessons already in the folder (your changes there are lost)",
    )
    start.add_argument(
        "--lang",
        default="en",
        help="the edition: en (English, the default), ko (Korean) or it (Italian)",
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
    dsub.add_parser(
        "status", help="how current each data set is: edition, age, data years, next edition"
    )
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
    hand.add_argument(
        "--lang",
        default="en",
        help="the edition: en (English, the default), ko (Korean) or it (Italian)",
    )

    nbg = sub.add_parser(
        "export-nbgrader", help="write nbgrader source notebooks (DIR/source/<lesson>/...)"
    )
    # nargs="?": argparse would otherwise say that LESSON is required too when DIR is missing
    nbg.add_argument("dir", nargs="?", help="an nbgrader course folder (created if missing)")
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
    grade.add_argument(
        "--feedback", metavar="DIR", help="also write a feedback page per submission into DIR"
    )
    grade.add_argument(
        "--show-answers",
        action="store_true",
        help="put the expected answers in the feedback pages (default: not)",
    )
    grade.add_argument(
        "--lang",
        help="the language of the gradebook's problems lines and check messages: en, ko "
        "or it (default: KOIT_LESSONS_LANG, else en); any edition is graded in any language",
    )

    report = sub.add_parser(
        "report", help="the class report of a graded batch: item analysis, common mistakes"
    )
    report.add_argument("gradebook", help="the gradebook CSV that grade wrote")
    report.add_argument("--out", help="folder for the report (default: <gradebook>_report/)")
    report.add_argument("--overwrite", action="store_true", help="replace an existing report")

    fb = sub.add_parser("feedback", help="one printable feedback page per graded submission")
    fb.add_argument("gradebook", help="the gradebook CSV that grade wrote")
    fb.add_argument("--out", required=True, help="folder for the feedback pages")
    fb.add_argument(
        "--show-answers", action="store_true", help="put the expected answers in the pages"
    )
    fb.add_argument(
        "--comments", help="a CSV of comments on written answers (file,question,comment)"
    )
    fb.add_argument(
        "--written", help="where grade put the written answers (default: <gradebook>_written/)"
    )
    fb.add_argument("--overwrite", action="store_true", help="replace existing pages")
    fb.add_argument(
        "--lang",
        default="en",
        help="the pages' language: en (English, the default), ko (Korean) or it (Italian)",
    )

    book = sub.add_parser(
        "gradebook", help="merge lesson gradebooks into one table per student (CSV, Canvas, Moodle)"
    )
    book.add_argument("gradebooks", nargs="*", metavar="GRADEBOOK", help="lesson gradebook CSVs")
    book.add_argument("--out", default="course-gradebook.csv", help="the CSV to write")
    book.add_argument(
        "--layout", default="plain", help="plain (default), canvas or moodle: the import layout"
    )
    book.add_argument("--overwrite", action="store_true", help="replace an existing file")

    col = sub.add_parser(
        "collect",
        help="fetch every student's notebook of a lesson from a JupyterHub into a folder",
        description="Fetch each student's notebook of a lesson from their server on a "
        "JupyterHub (REST APIs, read only) into OUT/<student>/, ready for "
        "'koit-lessons grade'; OUT-collected.csv records each student's row (collected, "
        "nothing to hand in, server stopped, refused). The teacher's admin token is read "
        "from the KOIT_HUB_TOKEN environment variable.",
    )
    col.add_argument("lesson", help="the lesson number, e.g. 00")
    col.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    col.add_argument(
        "--folder", required=True, help="the lessons' folder in each student's home (the link's)"
    )
    col.add_argument("--out", required=True, help="the folder to collect into")
    col.add_argument(
        "--start-stopped",
        action="store_true",
        help="start students' stopped servers to collect from them (default: report them)",
    )
    col.add_argument("--overwrite", action="store_true", help="replace notebooks collected before")

    link = sub.add_parser("link", help="a one-click link: JupyterHub (nbgitpuller) or Binder")
    link.add_argument("--repo", required=True, help="the git repository to pull or build")
    link.add_argument("--hub", help="the JupyterHub address (nbgitpuller link)")
    link.add_argument("--binder", action="store_true", help="a mybinder.org link instead")
    link.add_argument("--branch", default="main", help="branch (default main)")
    link.add_argument("--path", default="", help="file or folder to open, inside the repository")
    link.add_argument("--app", default="lab", choices=["lab", "notebook"], help="default lab")

    site = sub.add_parser(
        "site",
        help="build the course website (HTML) into a folder, offline",
        description="Build the course website into OUT: home page, every lesson as students "
        "get it (with its outputs, without solutions), the teacher's guide and the data "
        "catalogue. Needs the site extra: pip install 'koit-lessons[site]'.",
    )
    site.add_argument("out", help="the folder to write the HTML into")
    site.add_argument("--overwrite", action="store_true", help="replace what is in OUT")
    site.add_argument("--hub", default="", help="JupyterHub address for 'run it live' links")
    site.add_argument(
        "--student-repo", default="", help="git repository of the student set (with --hub)"
    )
    site.add_argument(
        "--binder-repo", default="", help="GitHub repository with binder/, for Binder links"
    )
    site.add_argument("--branch", default="main", help="branch of those repositories")
    site.add_argument("--jobs", type=int, default=1, help="Sphinx's parallel jobs (default 1)")
    site.add_argument(
        "--lang",
        default=None,
        help="the site's languages, e.g. en,ko,it (default: English and every language "
        "a lesson is offered in; English is always built, the others go to OUT/<lang>/)",
    )


def _cmd_handout(args: argparse.Namespace) -> None:
    from koit_lessons.classroom import handout

    result = handout(
        Path(args.students),
        Path(args.teachers) if args.teachers else None,
        args.lessons,
        overwrite=args.overwrite,
        lang=args.lang,
    )
    for path in result["written"]:
        print(f"wrote  {path}")
    for path in result["kept"]:
        print(f"kept   {path} (already there; use --overwrite to replace it)")


def _cmd_export_nbgrader(args: argparse.Namespace) -> None:
    from koit_lessons.classroom import export_nbgrader

    if args.dir is None:
        raise KoitError(
            "export-nbgrader needs the nbgrader course folder to write into, "
            "e.g. koit-lessons export-nbgrader course 00 04 (no lessons named: all)."
        )
    if args.points < 0:
        raise KoitError(f"--points must be 0 or more, not {args.points}.")
    result = export_nbgrader(Path(args.dir), args.lessons, args.points, overwrite=args.overwrite)
    for path in result["written"]:
        print(f"wrote  {path}")
    for path in result["kept"]:
        print(f"kept   {path} (already there; use --overwrite to replace it)")


def _cmd_grade(args: argparse.Namespace) -> int:
    import math

    from koit_lessons.lessons import lesson

    for flag, value, ok, wanted in (
        ("--timeout", args.timeout, args.timeout > 0, "more than 0 (seconds)"),
        ("--cell-timeout", args.cell_timeout, args.cell_timeout > 0, "more than 0 (seconds)"),
        ("--jobs", args.jobs, args.jobs >= 1, "1 or more"),
        ("--memory", args.memory, args.memory >= 256, "256 (MiB) or more"),
    ):
        if not (ok and math.isfinite(value)):
            raise KoitError(f"{flag} must be {wanted}, not {value:g}.")
    if args.overwrite and args.resume:
        raise KoitError("Pass --overwrite or --resume, not both.")
    if args.show_answers and not args.feedback:
        raise KoitError("--show-answers goes with --feedback DIR (the feedback pages).")
    lesson(args.lesson)  # an unknown lesson is said before anything else happens
    if args.lang is not None:
        from koit_lessons import language

        language.set_language(args.lang)  # an unknown language is said in one sentence

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
    if args.feedback:
        from koit_lessons.grading.feedback import write_feedback

        pages = write_feedback(
            out,
            Path(args.feedback),
            show_answers=args.show_answers,
            written_dir=Path(args.written) if args.written else None,
            overwrite=args.overwrite or args.resume,
            lang=args.lang or "en",
        )
        print(f"{len(pages)} feedback pages in {args.feedback}")
    return 0


def _cmd_report(args: argparse.Namespace) -> None:
    from koit_lessons.grading.analysis import class_report

    written = class_report(
        Path(args.gradebook), Path(args.out) if args.out else None, overwrite=args.overwrite
    )
    print(f"wrote  {written[0]}")
    print(f"tables {', '.join(p.name for p in written[1:])} in {written[0].parent}")


def _cmd_feedback(args: argparse.Namespace) -> None:
    from koit_lessons.grading.feedback import write_feedback

    pages = write_feedback(
        Path(args.gradebook),
        Path(args.out),
        show_answers=args.show_answers,
        comments=Path(args.comments) if args.comments else None,
        written_dir=Path(args.written) if args.written else None,
        overwrite=args.overwrite,
        lang=args.lang,
    )
    shown = "with" if args.show_answers else "without"
    print(f"{len(pages)} feedback pages in {args.out} ({shown} the expected answers)")


def _cmd_gradebook(args: argparse.Namespace) -> None:
    from koit_lessons.grading.course import write_course_gradebook

    out = write_course_gradebook(
        [Path(p) for p in args.gradebooks], Path(args.out), args.layout, args.overwrite
    )
    print(f"wrote  {out} ({args.layout} layout)")


def _cmd_link(args: argparse.Namespace) -> None:
    from koit_lessons import deploy

    if args.binder == bool(args.hub):
        raise KoitError("Give either --hub URL (a JupyterHub link) or --binder, not both.")
    if args.binder:
        print(deploy.binder_link(args.repo, args.branch, args.path, args.app))
    else:
        print(deploy.nbgitpuller_link(args.hub, args.repo, args.branch, args.path, args.app))


def _cmd_collect(args: argparse.Namespace) -> int:
    from koit_lessons import hub

    def progress(row):
        where = f" -> {args.out}/{row.folder}" if row.folder else ""
        note = f" ({row.note})" if row.note else ""
        print(f"{row.status:<18} {row.student}{where}{note}", flush=True)

    rows = hub.collect(
        args.lesson,
        args.hub,
        args.folder,
        Path(args.out),
        os.environ.get(hub.TOKEN_ENV, ""),
        start_stopped=args.start_stopped,
        overwrite=args.overwrite,
        progress=progress,
    )
    got = sum(r.status == "collected" for r in rows)
    print(
        f"{got} of {len(rows)} students' notebooks collected into {args.out}; "
        f"the record is {hub.record_path(Path(args.out))}"
    )
    return 0


def _cmd_site(args: argparse.Namespace) -> None:
    from koit_lessons import site

    launch = site.Launch(args.hub, args.student_repo, args.binder_repo, args.branch)
    launch.links("00_start_here.ipynb")  # a bad address fails before the build starts
    result = site.build(
        args.out, launch=launch, overwrite=args.overwrite, jobs=args.jobs, languages=args.lang
    )
    print(
        f"site: {len(result.pages)} pages in {result.out} ({result.seconds:.0f} s); "
        f"open {result.out / 'index.html'}"
    )


def _cmd_list(lang: str = "en") -> None:
    from koit_lessons.lessons import offered

    for item in offered(lang):
        title = item.title_in(lang) if lang != "en" else item.title
        print(f"{item.number}  {title}  (~{item.minutes} min)  {item.filename}")


#: JupyterLab settings the workspace starts with: no "get notified about official
#: Jupyter news?" pop-up over the lesson, and no update check (lessons run offline).
#: Defaults only: a choice the user makes in JupyterLab's settings still wins.
LAB_DEFAULTS = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
}


def _start_target(args: argparse.Namespace) -> tuple[str, str | None]:
    """The workspace folder and the lesson to open, from ``start``'s arguments.

    A bare number is a lesson ("start 04"), never a folder named "04" (write "./04").
    """
    from koit_lessons.lessons import lesson

    folder, wanted = args.dir, args.lesson
    if folder.strip().isdigit():
        if wanted is not None:
            raise KoitError(
                f"{folder!r} is a lesson number, and --lesson {wanted} names another lesson. "
                f"To use a folder named {folder}, write it as ./{folder}."
            )
        number = folder.strip()
        try:
            lesson(number)
        except KoitError:
            raise KoitError(
                f"There is no lesson {number} (lessons are 00 to "
                f"{_last_lesson()}; 'koit-lessons list' shows them). To use a folder "
                f"named {number}, write it as ./{number}."
            ) from None
        return DEFAULT_WORKSPACE, number
    return folder, wanted


def _last_lesson() -> str:
    from koit_lessons.lessons import lessons

    return lessons()[-1].number


def _lab_config(folder: Path) -> Path:
    """The workspace's own Jupyter config folder, holding :data:`LAB_DEFAULTS` (written
    once; a file the user edited is kept)."""
    import json

    config = folder / ".koit-lessons" / "jupyter-config"
    overrides = config / "labconfig" / "default_setting_overrides.json"
    if not overrides.exists():
        overrides.parent.mkdir(parents=True, exist_ok=True)
        overrides.write_text(json.dumps(LAB_DEFAULTS, indent=2) + "\n", encoding="utf-8")
    return config


def _cmd_start(args: argparse.Namespace) -> int:
    from koit_lessons.language import LANGUAGES, validate
    from koit_lessons.lessons import lesson, write_student_set

    lang = validate(args.lang)
    where, wanted = _start_target(args)
    opened = lesson(wanted if wanted is not None else "00")  # checks --lesson too
    if lang not in opened.languages():
        name = LANGUAGES[lang].split(" (")[-1].rstrip(")")
        raise KoitError(
            f"Lesson {opened.number} is not offered in {name} yet; "
            f"'koit-lessons list --lang {lang}' shows the lessons that are."
        )
    folder = Path(where).expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise KoitError(f"{folder} is a file, not a folder. Choose another workspace folder.")
    result = write_student_set(folder, overwrite=args.overwrite, lang=lang)
    for path in result["written"]:
        print(f"wrote  {path.name}")
    for path in result["kept"]:
        print(f"kept   {path.name} (already there; use --overwrite to replace it)")
    config = _lab_config(folder)
    # JupyterLab reads labconfig/default_setting_overrides.json from every folder on
    # JUPYTER_CONFIG_PATH; the user's own config folder still comes first.
    given = os.environ.get("JUPYTER_CONFIG_PATH", "")
    env_value = os.pathsep.join([str(config), *filter(None, given.split(os.pathsep))])
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        f"--LabApp.default_url=/lab/tree/{opened.filename}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # JupyterLab refuses to run as root unless told to (containers often run as root).
        cmd.append("--ServerApp.allow_root=True")
    if args.print_command:
        if os.name == "nt":
            print(f'set "JUPYTER_CONFIG_PATH={env_value}"')
            print(subprocess.list2cmdline(cmd))
        else:
            print(shlex.join(["env", f"JUPYTER_CONFIG_PATH={env_value}", *cmd]))
        return 0
    print(f"Opening lesson {opened.number} in JupyterLab, in {folder} ... (stop it with Ctrl+C)")
    try:
        return subprocess.call(cmd, env={**os.environ, "JUPYTER_CONFIG_PATH": env_value})
    except KeyboardInterrupt:
        return 0


def _width() -> int:
    """The width to print for: the terminal's, between 60 and 100 columns."""
    import shutil

    return max(60, min(100, shutil.get_terminal_size((100, 24)).columns))


def _dataset_name(name: str) -> str:
    """The data set a command names, or a KoitError that names the command listing them."""
    from koit_lessons import data
    from koit_lessons.errors import unknown_name

    names = data.names()
    wanted = name.strip().lower()
    for known in names:
        if known.lower() == wanted:
            return known
    raise unknown_name("data set", name, names, more="koit-lessons data list shows them all")


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: Korean, Chinese and Japanese characters
    take two.

    Examples
    --------
    >>> columns("chips"), columns("반도체")
    (5, 6)
    """
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, width: int, first: str, rest: str, max_lines: int = 0) -> list[str]:
    """Wrap ``text`` at spaces into lines of at most ``width`` columns (a longer word is
    cut); with ``max_lines``, the last line kept ends in " [...]" if text was left out."""
    lines: list[str] = []
    line = first
    for word in text.split():
        sep = "" if line in (first, rest) else " "
        if columns(line + sep + word) <= width:
            line += sep + word
            continue
        if line not in (first, rest):
            lines.append(line)
        line = rest + word
        while columns(line) > width:
            cut = len(line)
            while columns(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = rest + line[cut:]
    if line not in (first, rest):
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while columns(last + " [...]") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " [...]"
    return lines


def _blocks(blocks: list[str], footer: str, width: int) -> str:
    """Blocks separated by a blank line, then the footer wrapped to ``width``."""
    return "\n\n".join([*blocks, "\n".join(_wrap(footer, width, "", ""))])


def data_listing(width: int = 100) -> str:
    """``koit-lessons data list``: each data set's name and rows on one line, its title
    and source wrapped below (a long source is cut; ``data cite`` gives it whole).

    Parameters
    ----------
    width : int, optional
        The widest line, in terminal columns (default 100).

    Returns
    -------
    str
        The listing, no line wider than ``width`` columns.

    Examples
    --------
    >>> print(data_listing(80).split("\\n\\n")[0])
    mineral_production  (242 rows)
        World production of critical minerals by country, 2024-2025 (USGS)
        Source: U.S. Geological Survey, Mineral Commodity Summaries 2026
    """
    from koit_lessons import data

    table = data.list_datasets()
    blocks = []
    for row in table.itertuples(index=False):
        lines = [f"{row.name}  ({row.rows} rows)"]
        lines += _wrap(str(row.title), width, "    ", "    ")
        lines += _wrap(str(row.source), width, "    Source: ", "    ", max_lines=2)
        blocks.append("\n".join(lines))
    footer = (
        f"{len(table)} data sets. The full citation and notes of one: koit-lessons data cite NAME"
    )
    return _blocks(blocks, footer, width)


def status_listing(width: int = 100) -> str:
    """``koit-lessons data status``: per data set, its edition, when it was published and
    how long ago, the years it covers, when it was read, the publisher's rhythm and the next
    edition; a newer edition already out is flagged.

    Parameters
    ----------
    width : int, optional
        The widest line, in terminal columns (default 100).

    Returns
    -------
    str
        The listing, no line wider than ``width`` columns.
    """
    from koit_lessons import data

    table = data.status()
    blocks = []
    for row in table.itertuples(index=False):
        age = f" ({row.age} ago)" if row.age and row.age != "this year" else ""
        lines = [row.name]
        lines += _wrap(str(row.edition), width, "    ", "    ")
        facts = (
            f"published {row.published}{age}; data: {row.data_years}; read {row.accessed}; "
            f"publisher's rhythm: {row.cadence}; next: {row.next}"
        )
        lines += _wrap(facts, width, "    ", "    ")
        if row.newer:
            lines += _wrap(f"NEWER EDITION OUT: {row.newer}", width, "    ", "    ")
        blocks.append("\n".join(lines))
    behind = int((table["newer"] != "").sum())
    footer = f"{len(table)} data sets; {behind} with a newer edition out that is not yet used."
    return _blocks(blocks, footer, width)


def _cmd_data(args: argparse.Namespace) -> None:
    from koit_lessons import data

    if args.data_command == "list":
        print(data_listing(_width()))
    elif args.data_command == "status":
        print(status_listing(_width()))
    elif args.data_command == "show":
        if args.rows < 1:
            raise KoitError(f"--rows must be 1 or more, not {args.rows}.")
        import pandas as pd

        table = data.load(_dataset_name(args.name)).head(args.rows)
        with pd.option_context("display.max_colwidth", 40):
            print(table.to_string(index=False, line_width=_width(), max_colwidth=40))
    else:
        data.cite(_dataset_name(args.name))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            _cmd_list(args.lang)
        elif args.command == "start":
            return _cmd_start(args)
        elif args.command == "handout":
            _cmd_handout(args)
        elif args.command == "export-nbgrader":
            _cmd_export_nbgrader(args)
        elif args.command == "grade":
            return _cmd_grade(args)
        elif args.command == "report":
            _cmd_report(args)
        elif args.command == "feedback":
            _cmd_feedback(args)
        elif args.command == "gradebook":
            _cmd_gradebook(args)
        elif args.command == "collect":
            return _cmd_collect(args)
        elif args.command == "link":
            _cmd_link(args)
        elif args.command == "site":
            _cmd_site(args)
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
