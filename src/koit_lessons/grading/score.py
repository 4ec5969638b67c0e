"""The score stage: the answer key, fixed before any submission runs, and the points.

:class:`AnswerKey` computes every expected answer of a lesson in the grader's own
process from the installed package (for a question that depends on the student's
choice, e.g. the capstone's topic, for every choice there is) before the first
submission runs, and never reads the package or the data again. The values a
submission's kernel printed are decoded and judged against it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from koit_lessons import checks
from koit_lessons import notebook as nbf
from koit_lessons.errors import KoitError
from koit_lessons.language import tr

__all__ = ["AnswerKey", "Answer", "Result", "decode", "score", "shown", "SHOWN_LIMIT"]

SHOWN_LIMIT = 80  # characters of a student's value kept in the grader's output


@dataclass
class Answer:
    """What one submission gave for one checked question, as the grader keeps it.

    ``value`` is :func:`shown` of the value the kernel returned (a bounded, printable
    text, never evaluated); ``status`` is the check's ("correct", "incorrect",
    "invalid", "unanswered") or "missing" (the variable is not defined) or "failed"
    (its cell raised or was stopped); ``diagnosis`` a key of ``checks.DIAGNOSES`` or "".
    """

    status: str
    value: str = ""
    diagnosis: str = ""
    message: str = ""


@dataclass
class Result:
    """The grade of one submission."""

    student: str
    file: str
    points: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    seconds: float = 0.0
    sha256: str = ""

    @property
    def total(self) -> float:
        return sum(self.points.values())


class AnswerKey:
    """Every question of a lesson with its expected answer computed now."""

    def __init__(self, exercises: list[nbf.Exercise]) -> None:
        self.exercises = exercises
        self._plain: dict[str, checks.Question] = {}
        self._by_choice: dict[str, dict[Any, checks.Question]] = {}
        self._validate: dict[str, Any] = {}
        for e in exercises:
            q = checks._get(e.qid)
            if q is None:
                raise KoitError(f"The lesson checks {e.qid!r}, but no such question exists.")
            if not q.context:
                self._plain[e.qid] = checks.fixed(e.qid)
                continue
            choices = _choices(q)
            self._by_choice[e.qid] = {c: checks.fixed(e.qid, **{q.context: c}) for c in choices}
            # the spellings a student may use for a choice, resolved now as well
            self._validate[e.qid] = q.validate

    def judge(self, qid: str, value: Any, context: Any = None) -> checks.Feedback:
        if qid in self._plain:
            return checks.judge(self._plain[qid], value)
        try:
            choice = self._validate[qid](context)
        except KoitError as exc:
            return checks.Feedback(qid, checks.INVALID, str(exc))
        q = self._by_choice[qid].get(choice)
        if q is None:
            return checks.Feedback(qid, checks.INVALID, f"{context!r} is not a choice here.")
        return checks.judge(q, value)


def _choices(q: checks.Question) -> list[Any]:
    """Every canonical value of a question's context (e.g. every capstone topic)."""
    from koit_lessons import capstone

    if q.context == "topic":
        return list(capstone._all_topics())
    raise KoitError(f"The grader does not know the choices for {q.context!r}.")


class _Other:
    """A value the grader cannot rebuild; check() reports it as the wrong kind."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class _Array(list):
    """A rebuilt pandas/NumPy array: a list with ``size`` and ``item()`` like the original."""

    def __init__(self, values: list[Any], item: Any, one: bool) -> None:
        super().__init__(values)
        self.size = len(values)
        self._item, self._one = item, one

    def item(self) -> Any:
        if not self._one:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._item


MISSING = object()


def _printable(text: str) -> str:
    """Text with every character that is not printable (controls, bidi marks, line
    breaks, zero-width) written as its escape, as ``repr`` writes it."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown(value: Any, limit: int = SHOWN_LIMIT) -> str:
    r"""A decoded value as one bounded line of printable text, for the grader's output.

    Built piece by piece, never more than ``limit`` characters (longer ends with
    "..."), whatever the value's size or nesting; the text a kernel sent for a value
    it could not encode is escaped like the rest. Never raises.

    Examples
    --------
    >>> shown(75.86206896551724), shown("=1+1"), shown(["Chile", "China"])
    ('75.86206896551724', "'=1+1'", "['Chile', 'China']")
    >>> print(shown("a\u202eb\n" * 40, limit=20))
    'a\u202eb\na\u202...
    """
    out: list[str] = []
    size = 0

    def put(text: str) -> bool:
        nonlocal size
        out.append(text)
        size += len(text)
        return size <= limit

    def walk(v: Any, depth: int) -> bool:
        if isinstance(v, list):  # lists, tuples and arrays are rebuilt as lists
            if depth > 3:
                return put("[...]")
            if not put("["):
                return False
            for i, x in enumerate(v):
                if (i and not put(", ")) or not walk(x, depth + 1):
                    return False
            return put("]")
        if v is Ellipsis:
            return put("...")
        if isinstance(v, _Other):
            return put("<" + _printable(v.text[: limit + 1]) + ">")
        if isinstance(v, str):
            return put(repr(v[: limit + 1]))
        if isinstance(v, (bool, int, float)) or v is None:
            return put(_printable(repr(v))[: limit + 1])
        if isinstance(v, checks.FigureSummary):
            title = _printable(str(v.get("title", ""))[:40])
            return put(f"<{v.get('kind')} chart of {v.get('n')}, title {title!r}>")
        if type(v).__name__ == "DataFrame":
            rows, cols = v.shape
            names = _printable(", ".join(map(str, list(v.columns)[:6]))[:60])
            return put(f"<DataFrame {rows} rows x {cols} columns: {names}>")
        return put("<" + _printable(type(v).__name__[:40]) + ">")

    try:
        walk(value, 0)
    except Exception:  # noqa: BLE001 - never: but the output must not fail on a value
        return "<a value that cannot be shown>"
    text = "".join(out)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def decode(v: Any) -> Any:
    """A value as the kernel printed it (see prepare's dump cell), rebuilt."""
    if isinstance(v, list):
        return [decode(x) for x in v]
    if not isinstance(v, dict):
        return v
    kind = v.get("__koit__")
    if kind == "ellipsis":
        return Ellipsis
    if kind == "float":
        return float(v["value"])
    if kind == "array":
        return _Array([decode(x) for x in v["values"]], decode(v["item"]), bool(v["one"]))
    if kind in ("list", "tuple", "set"):
        values = [decode(x) for x in v["values"]]
        return {"list": list, "tuple": tuple, "set": list}[kind](values)
    if kind == "missing":
        return MISSING
    if kind == "frame":
        import pandas as pd

        columns = [str(c) for c in v.get("columns", [])]
        rows = [[decode(x) for x in r] for r in v.get("rows", []) if isinstance(r, list)]
        try:
            return pd.DataFrame(rows, columns=columns)
        except Exception:  # noqa: BLE001 - rows that do not fit the columns
            return _Other("DataFrame: rows that do not fit its columns")
    if kind == "figure" and isinstance(v.get("summary"), dict):
        return checks.FigureSummary(v["summary"])
    return _Other(f"{v.get('type', 'object')}: {v.get('repr', '')}")


def _values(dump: str, marker: str) -> dict[str, Any] | None:
    found = re.search(re.escape(marker) + r"(.*?)" + re.escape(marker), dump, re.S)
    if not found:
        return None
    try:
        values = json.loads(found.group(1))
    except (json.JSONDecodeError, RecursionError):
        return None
    return values if isinstance(values, dict) else None


def score(prepared, run, key: AnswerKey, cell_timeout: int, timeout: float) -> Result:
    """The points and problems of one submission from its run (see the module docstring)."""
    from koit_lessons.grading.run import describe_error

    sub = prepared.submission
    ids = [e.qid for e in key.exercises]
    r = Result(
        sub.student, sub.file, {q: 0 for q in ids}, list(prepared.problems), sha256=sub.sha256
    )
    r.written = dict(prepared.written)
    if prepared.not_run:
        r.problems.append(prepared.not_run)
        r.problems += prepared.written_problems
        return r
    r.seconds = run.seconds
    failed = {}
    numbers = [n for n, _ in prepared.code]
    for index, (ename, evalue) in sorted(run.errors.items()):
        n = numbers[index]
        if ename in ("KoitCellTimeout", "KeyboardInterrupt"):
            failed[n] = tr("was stopped after the time limit")
            r.problems.append(
                tr(
                    "cell {n} ran longer than {seconds} s and was stopped (an endless loop?)",
                    n=n,
                    seconds=cell_timeout,
                )
            )
        else:
            failed[n] = tr("raised {name}", name=ename)
            r.problems.append(tr("cell {n} {error}", n=n, error=describe_error(ename, evalue)))
    if run.leftover:
        r.problems.append(
            tr(
                "{n} process(es) it started were still running at the end and were killed",
                n=run.leftover,
            )
        )
    if run.timed_out:
        r.problems += [
            tr(
                "timed out: the notebook ran longer than {seconds} s (an endless loop?) "
                "and was stopped; no answers could be read",
                seconds=f"{timeout:g}",
            ),
            *prepared.written_problems,
        ]
        return r
    values = _values(run.dump, prepared.marker)
    if values is None:
        why = run.died or tr("the kernel stopped or was changed")
        r.problems += [
            tr("the answers could not be read ({why}); no points", why=why),
            *prepared.written_problems,
        ]
        return r
    for e in key.exercises:
        value = decode(values.get(e.variable, {"__koit__": "missing"}))
        if value is MISSING:
            why = tr("no answer ({name} is not defined)", name=e.variable)
            r.answers[e.qid] = Answer("missing", message=why)
            if e.qid in prepared.positions:
                r.problems.append(f"{e.qid}: {why}")
            continue
        context = None
        if e.context:
            context = decode(values.get(e.context[1], {"__koit__": "missing"}))
            if context is MISSING:
                why = tr("no answer ({name} is not defined)", name=e.context[1])
                r.answers[e.qid] = Answer("missing", shown(value), message=why)
                r.problems.append(f"{e.qid}: {why}")
                continue
        feedback = key.judge(e.qid, value, context)
        answer = Answer(feedback.status, shown(value), feedback.diagnosis, feedback.message)
        r.answers[e.qid] = answer
        if feedback.status == checks.CORRECT:
            r.points[e.qid] = 1
        elif prepared.positions.get(e.qid) in failed:
            answer.status, answer.diagnosis = "failed", ""
            answer.message = tr(
                "no answer (its cell {error})", error=failed[prepared.positions[e.qid]]
            )
            r.problems.append(f"{e.qid}: {answer.message}")
        elif feedback.status == checks.UNANSWERED:
            r.problems.append(f"{e.qid}: " + tr("unanswered"))
        elif feedback.status == checks.INVALID:
            r.problems.append(
                f"{e.qid}: " + tr("wrong kind of answer ({why})", why=feedback.message)
            )
        elif e.context:  # wrong for the choice read at the end of the run: say which
            which = f"{e.context[0]}={shown(context, 40)}"
            r.problems.append(
                f"{e.qid}: "
                + tr("wrong for {which} (its value at the end of the notebook)", which=which)
            )
    if prepared.withhold:
        r.points = {q: 0 for q in ids}
    r.problems += prepared.written_problems
    return r
