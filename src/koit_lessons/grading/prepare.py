"""The prepare stage: read a collected submission and build the notebook to run.

Nothing here runs student code. The submission is parsed as JSON (damaged files, files
that are not notebooks and notebooks of another lesson are reported and not run), its
written answers are read, its code is scanned for attempts to read the answer key or
tamper with the kernel, and a notebook is built that holds only its code cells (shell
escapes and magics commented out) and, last, the grader's own cell that prints the
checked variables between a random marker.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from koit_lessons import lessons as _lessons
from koit_lessons import notebook as nbf
from koit_lessons.grading.collect import Submission
from koit_lessons.language import marked, number, tr

__all__ = ["Prepared", "prepare", "parse", "MAX_WRITTEN", "MAX_LIST"]

MAX_LIST = 10_000  # longest list/array serialised for a check
#: the longest written answer kept (characters); a longer one is cut and reported
MAX_WRITTEN = 20_000
#: the most code cells run (a lesson has about 30)
MAX_CELLS = 500

_CHECK_ID = re.compile(r"""check\(\s*['"](\d\d)-[\w.-]+['"]""")
_SUSPICIOUS = [
    (
        re.compile(r"\bexpected\s*\(|_REGISTRY|_CHECKERS|\.expected\b|\bquestions\s*\("),
        marked("reads the answer key (koit_lessons.checks internals)"),
        True,
    ),
    (
        re.compile(
            r"^\s*def\s+check\s*\(|^\s*check\s*=|checks\.check\s*=|checks\.\w+\s*=(?!=)|"
            r"Feedback\s*\(",
            re.M,
        ),
        marked("redefines or patches check() (ignored: the grader checks the values itself)"),
        False,
    ),
    (
        re.compile(
            r"get_ipython\(\)\.(events|register_magic|input_transformers)|"
            r"sys\.(stdout|stderr)\s*=|builtins|__builtins__|sys\.modules\[|os\._exit|"
            r"signal\.signal"
        ),
        marked("tampers with the kernel or its output"),
        True,
    ),
    (
        re.compile(r"✅|✔|Correct!|\[\d\d-[\w-]+\]"),
        marked("prints text that imitates check output (ignored: outputs are never trusted)"),
        False,
    ),
]


# shell escapes and magics that run programs or write files: not run when grading
_SHELL = re.compile(
    r"^(\s*)(!.*|%%?(?:system|sx|sh|bash|script|writefile|run|pip|conda|load)\b.*)$", re.M
)


@dataclass
class Prepared:
    """A submission ready to run, or the reason it is not run (``not_run``)."""

    submission: Submission
    not_run: str = ""
    problems: list[str] = field(default_factory=list)
    written_problems: list[str] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)
    withhold: bool = False
    positions: dict[str, int] = field(default_factory=dict)  # qid -> cell number
    code: list[tuple[int, str]] = field(default_factory=list)  # (cell number, source)
    notebook: Any = None  # the nbformat notebook to run
    marker: str = ""
    edition: str = "en"  # the language of the lesson's edition the submission is


def parse(data: bytes) -> tuple[dict[str, Any] | None, str]:
    """The notebook in ``data`` as a dict, or None and why it is not one."""
    try:
        nb = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, tr("not a text file, so not a notebook; not graded")
    except json.JSONDecodeError as exc:
        return None, tr(
            "invalid JSON (line {line}, column {column}: {why}); the file is "
            "damaged or not a notebook; not graded",
            line=exc.lineno,
            column=exc.colno,
            why=exc.msg,
        )
    except RecursionError:
        return None, tr("JSON nested too deeply to be a notebook; not graded")
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list) or not all(
        isinstance(c, dict)
        and c.get("cell_type") in ("code", "markdown", "raw")
        and (
            isinstance(c.get("source", ""), str)
            or (isinstance(c.get("source"), list) and all(isinstance(x, str) for x in c["source"]))
        )
        for c in cells
    ):
        return None, tr("valid JSON but not a Jupyter notebook (no list of cells); not graded")
    if not isinstance(nb.get("metadata", {}), dict):
        nb["metadata"] = {}
    return nb, ""


_EDITIONS: dict[tuple[str, str], tuple[dict[str, Any], set[str]]] = {}


def _edition(lesson: _lessons.Lesson, lang: str) -> tuple[dict[str, Any], set[str]]:
    """The lesson's teacher notebook in ``lang``, and its student version's markdown texts."""
    if (lesson.filename, lang) not in _EDITIONS:
        teacher = lesson.edition(lang)
        texts = {
            nbf._norm(nbf.cell_text(c))
            for c in nbf.student_version(teacher)["cells"]
            if c["cell_type"] == "markdown"
        }
        _EDITIONS[lesson.filename, lang] = teacher, texts
    return _EDITIONS[lesson.filename, lang]


def identify_edition(nb: dict[str, Any], lesson: _lessons.Lesson) -> str:
    """The edition a submission is: the language whose lesson text it shares most.

    The markdown cells decide (a student may have edited some of them); on a tie, the
    ``koit.lang`` the edition records in its metadata, else English.

    Parameters
    ----------
    nb : dict
        The submitted notebook.
    lesson : Lesson
        The lesson it is graded as.

    Returns
    -------
    str
        "en", "ko" or "it": a language the lesson is offered in.
    """
    langs = lesson.languages()
    if langs == ["en"]:
        return "en"
    mine = {nbf._norm(nbf.cell_text(c)) for c in nb["cells"] if c.get("cell_type") == "markdown"}
    scores = {lang: len(mine & _edition(lesson, lang)[1]) for lang in langs}
    meta = nb.get("metadata", {}).get("koit", {}) if isinstance(nb.get("metadata"), dict) else {}
    said = meta.get("lang", "en") if isinstance(meta, dict) else "en"
    said = said if said in langs else "en"
    return max(langs, key=lambda lang: (scores[lang], lang == said))


def _other_lesson(nb: dict[str, Any], lesson: _lessons.Lesson, ids: list[str]) -> str:
    meta = nb.get("metadata", {}).get("koit", {}) if isinstance(nb.get("metadata"), dict) else {}
    title = meta.get("title") if isinstance(meta, dict) else None
    code = "\n".join(nbf.cell_text(c) for c in nb["cells"] if c.get("cell_type") == "code")
    numbers = set(_CHECK_ID.findall(code))
    has_ours = any(f"{q}" in code for q in ids)
    if title and title != lesson.title and not has_ours:
        return tr(
            "this is another lesson ({title}), not lesson {number}; not graded",
            title=repr(title),
            number=lesson.number,
        )
    if numbers and lesson.number not in numbers and not has_ours:
        others = ", ".join(sorted(numbers))
        return tr(
            "this notebook checks lesson {others} exercises, not lesson {number}; not graded",
            others=others,
            number=lesson.number,
        )
    if not has_ours and title != lesson.title:
        return tr(
            "this is not lesson {number} (none of its exercises and not its title); not graded",
            number=lesson.number,
        )
    return ""


_DUMP = r"""
def __koit_dump(names, marker):
    import json as j
    import math as m

    def enc(v, depth=0):
        if v is Ellipsis:
            return {"__koit__": "ellipsis"}
        if v is None or isinstance(v, (bool, str)):
            return v
        if isinstance(v, int):
            return v if abs(v) < 2**63 else float(v)
        if isinstance(v, float):
            return v if m.isfinite(v) else {"__koit__": "float", "value": repr(v)}
        names = {(t.__module__.split(".")[0], t.__name__) for t in type(v).__mro__}
        if depth == 0 and ("pandas", "DataFrame") in names:
            f = v
            if not (type(f.index).__name__ == "RangeIndex" and f.index.name is None):
                f = f.reset_index()
            rows, cols = f.shape
            if rows > %(max)d or cols > 100:
                return {"__koit__": "other", "repr": f"DataFrame of {rows} rows, {cols} columns"}
            cell = lambda x: enc(x.item() if hasattr(x, "item") else x, 2)
            return {"__koit__": "frame", "columns": [str(c)[:200] for c in f.columns],
                    "rows": [[cell(x) for x in r] for r in f.itertuples(index=False)]}
        if depth == 0 and names & {("matplotlib", "Axes"), ("matplotlib", "Figure")}:
            return {"__koit__": "figure", "summary": __koit_figure(v)}
        if depth < 2 and hasattr(v, "tolist") and callable(v.tolist):
            try:
                t = v.tolist()
            except Exception:
                t = None
            if isinstance(t, list):
                if len(t) > %(max)d:
                    return {"__koit__": "other", "repr": f"{type(v).__name__} of {len(t)} values"}
                size = getattr(v, "size", len(t))
                item = enc(v.item(), depth + 1) if size == 1 and hasattr(v, "item") else None
                return {"__koit__": "array", "values": [enc(x, depth + 1) for x in t],
                        "item": item, "one": size == 1}
            if t is not None and not hasattr(t, "tolist"):
                return enc(t, depth + 1)
        if isinstance(v, (list, tuple, set, frozenset)) and depth < 2 and len(v) <= %(max)d:
            items = sorted(v, key=str) if isinstance(v, (set, frozenset)) else list(v)
            return {"__koit__": type(v).__name__ if type(v) in (list, tuple, set) else "list",
                    "values": [enc(x, depth + 1) for x in items]}
        try:
            r = repr(v)[:200]
        except Exception:
            r = "?"
        return {"__koit__": "other", "type": type(v).__name__, "repr": r}

    g = globals()
    out = {}
    for n in names:
        if n not in g:
            out[n] = {"__koit__": "missing"}
            continue
        try:
            out[n] = enc(g[n])
        except Exception as e:
            out[n] = {"__koit__": "other", "type": "error", "repr": repr(e)[:200]}
    print(marker + j.dumps(out) + marker)

__koit_dump(%(names)r, %(marker)r)
"""


def _figure_code() -> str:
    """:func:`koit_lessons.checks.figure_summary`'s source, defined afresh in the kernel
    (as ``__koit_figure``), so that the dump reads a chart with the grader's own code."""
    import inspect

    from koit_lessons import checks

    source = inspect.getsource(checks.figure_summary)
    source = source.replace("def figure_summary(", "def __koit_figure(", 1)
    return "from __future__ import annotations\n\n" + source + "\n"


def _scan(code_cells: list[tuple[int, str]]) -> tuple[list[str], bool]:
    problems, withhold = [], False
    for pattern, what, serious in _SUSPICIOUS:
        where = [n for n, src in code_cells if pattern.search(src)]
        if where:
            cells = ", ".join(str(n) for n in where)
            line = tr("cell {cells} {what}", cells=cells, what=tr(what))
            if serious:
                line += tr("; points withheld, review by hand")
            problems.append(line)
            withhold = withhold or serious
    return problems, withhold


def _cell(source: str) -> Any:
    import nbformat

    return nbformat.v4.new_code_cell(source)


def prepare(
    sub: Submission,
    lesson: _lessons.Lesson,
    teacher: dict[str, Any],
    exercises: list[nbf.Exercise],
    questions: list[nbf.WrittenQuestion],
) -> Prepared:
    """Read ``sub`` and build what the run stage needs (see the module docstring)."""
    p = Prepared(sub)
    if sub.data is None:
        p.not_run = sub.problem
        return p
    name = sub.file.rsplit("/", 1)[-1]
    nb, error = parse(sub.data)
    if nb is None and not name.endswith(".ipynb"):
        p.not_run = tr("not a notebook ({name}); not graded", name=name)
        return p
    if name != lesson.filename and lesson.filename.removesuffix(".ipynb") not in name:
        p.problems.append(
            tr("renamed file ({name}, expected {expected})", name=name, expected=lesson.filename)
        )
    if nb is None:
        p.not_run = error
        return p
    ids = [e.qid for e in exercises]
    other = _other_lesson(nb, lesson, ids)
    if other:
        p.not_run = other
        return p
    p.edition = identify_edition(nb, lesson)
    if p.edition != "en":  # the written questions are matched in the edition's words
        teacher = _edition(lesson, p.edition)[0]
        questions = nbf.written_questions(teacher, lesson.number)
    for qid, answer in nbf.written_answers(nb, teacher, questions).items():
        if answer is None:
            p.written_problems.append(f"{qid}: " + tr("question cell deleted or changed"))
            p.written[qid] = "(question cell not found)"
            continue
        if len(answer) > MAX_WRITTEN:
            p.written_problems.append(
                f"{qid}: "
                + tr(
                    "written answer too large ({size} characters; kept the first {kept})",
                    size=number(len(answer)),
                    kept=number(MAX_WRITTEN),
                )
            )
            answer = answer[:MAX_WRITTEN] + " […]"
        p.written[qid] = answer or "(no answer)"
        if not answer:
            p.written_problems.append(f"{qid}: " + tr("no written answer"))

    code = [
        (n, nbf.cell_text(c)) for n, c in enumerate(nb["cells"], 1) if c.get("cell_type") == "code"
    ]
    if len(code) > MAX_CELLS:
        p.not_run = tr(
            "{n} code cells, more than a lesson has (at most {most}); not graded",
            n=len(code),
            most=MAX_CELLS,
        )
        return p
    p.code = code
    for e in exercises:
        pat = re.compile(rf"""check\(\s*['"]{re.escape(e.qid)}['"]""")
        at = next((n for n, src in code if pat.search(src)), None)
        if at is None:
            p.problems.append(f"{e.qid}: " + tr("exercise cell deleted (no check for it found)"))
        else:
            p.positions[e.qid] = at
    seen = [p.positions[q] for q in ids if q in p.positions]
    if seen != sorted(seen):
        p.problems.append(tr("exercise cells are out of order; graded as run top to bottom"))
    scan_problems, p.withhold = _scan(code)
    p.problems.extend(scan_problems)
    shell = [n for n, src in code if _SHELL.search(src)]
    if shell:
        cells = ", ".join(str(n) for n in shell)
        p.problems.append(tr("cell {cells} runs shell commands or magics (not run)", cells=cells))

    p.marker = "KOIT-" + secrets.token_hex(16)
    names = sorted({v for e in exercises for v in e.variables})
    cells = [_cell(_SHELL.sub(r"\1# (not run by the grader) \2", src)) for _, src in code]
    dump = _DUMP % {"names": names, "marker": p.marker, "max": MAX_LIST}
    cells.append(_cell(_figure_code() + dump))
    import nbformat

    p.notebook = nbformat.v4.new_notebook(cells=cells)
    return p
