"""Instant, friendly feedback on exercises.

In a lesson, an exercise cell ends with a check::

    lithium_top = ...            # your answer replaces the ...
    check("00-lithium-top", lithium_top)

``check`` compares the answer with the expected one, which the package computes
from the shipped data (never a stored literal), and answers in one or two
sentences:

- ``...`` (not answered yet) gets a reminder and never stops the notebook;
- a wrong type or shape gets a sentence saying what kind of answer is wanted;
- a wrong value gets a hint.

Questions are defined next to the lesson they belong to, in
``koit_lessons.exercises.lessonNN``.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from numbers import Real
from typing import Any

from koit_lessons import language
from koit_lessons.errors import KoitError, as_whole, did_you_mean, unknown_name
from koit_lessons.errors import said as _said
from koit_lessons.language import marked

__all__ = [
    "check",
    "judge",
    "fixed",
    "Feedback",
    "Question",
    "Mistake",
    "Choice",
    "figure_summary",
    "question",
    "questions",
    "expected",
    "DIAGNOSES",
    "text_of",
]

CORRECT, INCORRECT, UNANSWERED, INVALID = "correct", "incorrect", "unanswered", "invalid"
_ICONS = {CORRECT: "✅", INCORRECT: "❌", UNANSWERED: "⏳", INVALID: "⚠️"}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status and a message. It shows as its message.

    Parameters
    ----------
    question : str
        The question id.
    status : str
        "correct", "incorrect", "unanswered" or "invalid".
    message : str
        One or two sentences for the student.
    diagnosis : str, optional
        For an answer that is not right, the code of the mistake it shows (a key of
        :data:`DIAGNOSES`, e.g. "fraction-not-percent"); "" for a right answer.
    """

    question: str
    status: str
    message: str
    diagnosis: str = ""

    @property
    def correct(self) -> bool:
        """Whether the status is "correct".

        Returns
        -------
        bool
        """
        return self.status == CORRECT

    def __repr__(self) -> str:
        return f"{_ICONS[self.status]} [{self.question}] {self.message}"

    __str__ = __repr__


# Every diagnosis the checks can give, code -> what it means in plain words. A wrong
# answer gets exactly one (the first that fits, in the order of :func:`judge`): the
# grader counts them per question and the class report groups wrong answers by them.
DIAGNOSES: dict[str, str] = {
    "unanswered": marked("not answered (the ... left in place)"),
    "none": marked("None: a function gave nothing back"),
    "unreadable": marked("an answer that could not be read"),
    "text-not-number": marked("text where a number is asked (the number in quotes?)"),
    "several-values": marked("several values where one number is asked"),
    "not-a-number": marked("NaN: missing values in the calculation"),
    "infinite": marked("infinite: a division by zero"),
    "wrong-kind": marked("the wrong kind of answer (e.g. a list where one value is asked)"),
    "fraction-not-percent": marked("a fraction where the question asks for percent (0.37, not 37)"),
    "too-high": marked("a number too high (no known mistake explains it)"),
    "too-low": marked("a number too low (no known mistake explains it)"),
    "wrong-name": marked("another name"),
    "wrong-count": marked("the wrong number of names"),
    "some-names-wrong": marked("some of the names wrong"),
    "wrong-order": marked("the right names in the wrong order"),
    "not-an-option": marked("a letter that is not one of the options"),
    "series-not-frame": marked("a Series (one column) where a table is asked"),
    "missing-column": marked("a table without a column the question asks for"),
    "extra-columns": marked("a table with columns not asked for (where exactly these are asked)"),
    "missing-rows": marked("a table with rows missing (a filter too strict)"),
    "extra-rows": marked("a table with rows that should not be there (a filter too loose)"),
    "values-off": marked("a table or chart with the right rows but values off (another column?)"),
    "wrong-order-rows": marked("the right rows in the wrong order"),
    "wrong-chart-kind": marked("another kind of chart (e.g. a line where bars are asked)"),
    "wrong-bars": marked("a chart of other items (other bars or points) than the ones asked for"),
    "no-title": marked("a chart without a title"),
    "no-axis-labels": marked("a chart without axis labels"),
}


@dataclass(frozen=True)
class Mistake:
    """A typical mistake a checked question recognises, with the answer it leads to.

    ``value`` computes, from the data like ``expected``, the answer a student who
    makes this mistake gives (with a ``context``, it takes the context value). A
    wrong answer that matches it (within the question's tolerance) gets the
    diagnosis ``code`` and the words ``label`` in its message.

    Parameters
    ----------
    code : str
        A short name, shared by questions with the same kind of mistake, e.g.
        "top1-not-top3"; it is added to :data:`DIAGNOSES`.
    label : str
        What the student did, in words that do not give the answer away, e.g.
        "the top producer only, not the top three".
    value : callable
        Computes the answer this mistake leads to.
    meaning : str, optional
        The general meaning of ``code`` for :data:`DIAGNOSES` (default: ``label``).
    """

    code: str
    label: str
    value: Callable[..., Any]
    meaning: str = ""


@dataclass(frozen=True)
class Choice:
    """One option of a multiple-choice question ("choice").

    A wrong option names the misconception that leads to it: ``code`` is its diagnosis
    (added to :data:`DIAGNOSES`) and ``feedback`` what the student reads when they pick
    it. The right option is the one whose letter the question's ``expected`` returns.

    Parameters
    ----------
    letter : str
        The label, e.g. "a".
    text : str
        The option as the lesson prints it.
    code : str, optional
        For a wrong option: the misconception, e.g. "mining-equals-refining".
    feedback : str, optional
        For a wrong option: one sentence on why it is wrong, without the right answer.
    meaning : str, optional
        The general meaning of ``code`` for :data:`DIAGNOSES` (default: ``feedback``).
    """

    letter: str
    text: str
    code: str = ""
    feedback: str = ""
    meaning: str = ""


@dataclass(frozen=True)
class Question:
    """One checked exercise.

    ``expected`` is a function that computes the right answer from the shipped data.
    ``kind`` is "number" (with ``tolerance`` in the answer's units), "text" (a name;
    ``aliases`` maps other accepted spellings to it), "names" (a collection of
    names; ``ordered`` says whether order matters), "choice" (a letter of ``choices``;
    ``expected`` computes which), "frame" (a pandas DataFrame the student built;
    ``expected`` computes the table, compared without row order and index unless
    ``ordered``, by column name, numbers within ``tolerance``) or "figure" (a chart the
    student drew, passed as its Axes or Figure; ``expected`` computes a pandas Series of
    the values to plot, indexed by the bar names or the line's x values, and ``chart``
    says which kind: "bar", "barh", "bars" for either, or "line").

    ``context`` names one more thing the answer depends on, e.g. ``"topic"`` in the
    capstone, where each student picks their own topic: ``expected`` (and
    ``aliases``) then take that value, and the check is called as
    ``check("09-top-share", top_share, topic=TOPIC)``. ``validate`` turns the
    context value into its canonical form or raises a ``KoitError`` saying what is
    allowed.

    Parameters
    ----------
    id : str
        The question id, "NN-name" where NN is the lesson number.
    prompt : str
        The question, in words.
    expected : callable
        Computes the right answer; with a ``context``, it takes the context value.
    kind : str, optional
        "number" (the default), "text", "names", "choice", "frame" or "figure".
    hint : str, optional
        Added to the message for a wrong answer. Several lines make a staged hint: a
        nudge first, then, at the next wrong answer, a pointer (never the finished line).
    unit : str, optional
        Shown after a number; with "%" a fraction 100 times too small gets its own message.
    tolerance : float, optional
        How far a number may be from the expected one (default 0.0, then a relative 1e-9).
    ordered : bool, optional
        For "names": whether the order must match (default False).
    explain : str, optional
        Added to the message for a right answer.
    aliases : callable, optional
        Returns a dict of other spellings → the accepted name; with a ``context``, it takes
        the context value. By default none.
    context : str, optional
        The keyword of the check's extra argument, e.g. "topic"; "" (the default) for none.
    validate : callable, optional
        Turns the context value into its canonical form; by default it is kept as it is.
    mistakes : tuple of Mistake, optional
        Typical mistakes this question recognises by the answer they lead to.
    choices : tuple of Choice, optional
        For "choice": the options, each wrong one with its misconception.
    chart : str, optional
        For "figure": "bar", "barh", "bars" (either) or "line".
    exact_columns : bool, optional
        For "frame": whether a table with more columns than asked is wrong (default
        False: extra columns are ignored).
    """

    id: str
    prompt: str
    expected: Callable[[], Any]
    kind: str = "number"
    hint: str = ""
    unit: str = ""
    tolerance: float = 0.0
    ordered: bool = False
    explain: str = ""
    aliases: Callable[..., dict[str, str]] = field(default=lambda *_: {})
    context: str = ""
    validate: Callable[[Any], Any] = field(default=lambda value: value)
    mistakes: tuple[Mistake, ...] = ()
    choices: tuple[Choice, ...] = ()
    chart: str = ""
    exact_columns: bool = False


_REGISTRY: dict[str, Question] = {}
_KINDS = ("number", "text", "names", "choice", "frame", "figure")


def question(q: Question) -> Question:
    """Register a question (used by the ``exercises`` modules).

    Parameters
    ----------
    q : Question
        The question; a question with the same id is replaced.

    Returns
    -------
    Question
        ``q`` itself.

    Examples
    --------
    >>> question(Question(id="99-x", prompt="?", expected=lambda: 1, kind="date"))
    Traceback (most recent call last):
    ...
    ValueError: unknown question kind 'date'
    """
    if q.kind not in _KINDS:
        raise ValueError(f"unknown question kind {q.kind!r}")
    if (q.kind == "choice") != bool(q.choices):
        raise ValueError(f"{q.id}: choices belong to (and only to) a 'choice' question")
    if (q.kind == "figure") != (q.chart in ("bar", "barh", "bars", "line")):
        raise ValueError(f"{q.id}: a 'figure' question needs chart='bar', 'barh', 'bars' or 'line'")
    for m in q.mistakes:
        DIAGNOSES.setdefault(m.code, m.meaning or m.label)
    for c in q.choices:
        if c.code:
            DIAGNOSES.setdefault(c.code, c.meaning or c.feedback)
    _REGISTRY[q.id] = q
    return q


def _load_lesson(qid: str) -> None:
    lesson = qid.split("-", 1)[0]
    if lesson.isdigit():
        try:
            importlib.import_module(f"koit_lessons.exercises.lesson{lesson}")
        except ModuleNotFoundError:
            pass


def questions(lesson: str | None = None) -> list[str]:
    """The ids of all checked questions (of one lesson, e.g. "00", if given).

    Parameters
    ----------
    lesson : str, optional
        A two-digit lesson number, e.g. "00"; None (the default) for all lessons.

    Returns
    -------
    list of str
        The ids, sorted.

    Raises
    ------
    KoitError
        If no lesson with that number has checked questions.

    Examples
    --------
    >>> questions("00")[:2]
    ['00-cobalt-top3', '00-data-source']
    """
    from koit_lessons import exercises

    for mod in exercises.LESSON_MODULES:
        importlib.import_module(f"koit_lessons.exercises.{mod}")
    ids = sorted(_REGISTRY)
    if lesson is None:
        return ids
    numbers = sorted({i.split("-", 1)[0] for i in ids})
    n = as_whole(lesson)  # 0, np.int64(0) or "0" is lesson "00"
    if n is None and isinstance(lesson, str) and lesson.strip().isdigit():
        n = int(lesson.strip())
    key = f"{n:02d}" if n is not None and n >= 0 else lesson
    if key not in numbers:  # not an empty list: no such lesson has checked questions
        raise unknown_name("lesson with checked questions", key, numbers)
    return [i for i in ids if i.startswith(f"{key}-")]


def _no_question(qid: object) -> KoitError:
    """The error for an unknown question id (teachers' functions; check() gives feedback)."""
    return unknown_name("exercise", qid, questions(), more="see checks.questions()")


def _get(qid: object) -> Question | None:
    """The question with id ``qid`` (spaces around it and case ignored), or None."""
    if not isinstance(qid, str):
        return None  # a list, dict, number...: no id (and a list cannot even be looked up)
    qid = qid.strip().lower()
    if qid not in _REGISTRY:
        _load_lesson(qid)
    return _REGISTRY.get(qid)


def expected(qid: str, **context: Any) -> Any:
    """The expected answer of a question, computed from the data (for teachers and tests).

    A question with a context (see :class:`Question`) needs it, e.g.
    ``expected("09-top-share", topic="gallium")``.

    Parameters
    ----------
    qid : str
        A question id, e.g. "00-lithium-top".
    **context
        The question's context value, e.g. ``topic="gallium"``, if it has one.

    Returns
    -------
    object
        What the question's ``expected`` function returns: a number, a name or a list of
        names.

    Raises
    ------
    KoitError
        If there is no question ``qid``, or the context value is not allowed (the
        question's ``validate`` says so).

    Examples
    --------
    >>> expected("00-lithium-top")
    'Australia'
    """
    q = _get(qid)
    if q is None:
        raise _no_question(qid)
    return _bind(q, context).expected()


def _bind(q: Question, context: dict[str, Any]) -> Question:
    """The question with its context value filled in (itself if it has no context)."""
    if not q.context:
        return q
    value = q.validate(context[q.context])
    return replace(
        q,
        expected=lambda: q.expected(value),
        aliases=lambda: q.aliases(value),
        context="",
        mistakes=tuple(replace(m, value=lambda m=m: m.value(value)) for m in q.mistakes),
    )


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def fixed(qid: str, **context: Any) -> Question:
    """The question with its expected answer and accepted spellings computed now.

    The result no longer reads the data or the package when it is checked: the grader
    builds its answer key with it before any student code runs.

    Parameters
    ----------
    qid : str
        A question id, e.g. "00-lithium-top".
    **context
        The question's context value, e.g. ``topic="gallium"``, if it has one.

    Returns
    -------
    Question
        A copy whose ``expected`` and ``aliases`` return the values computed now, with no
        context left to bind.

    Raises
    ------
    KoitError
        If there is no question ``qid``, or the context value is not allowed (the
        question's ``validate`` says so).

    Examples
    --------
    >>> q = fixed("00-lithium-top")
    >>> judge(q, q.expected()).correct
    True
    """
    q = _get(qid)
    if q is None:
        raise _no_question(qid)
    q = _bind(q, context)
    want, aliases = q.expected(), q.aliases()
    mistakes = tuple(replace(m, value=_constant(m.value())) for m in q.mistakes)
    return replace(q, expected=lambda: want, aliases=lambda *_: aliases, mistakes=mistakes)


def _is_placeholder(answer: object) -> bool:
    if answer is Ellipsis or answer is None:
        return True
    return isinstance(answer, (list, tuple, set)) and any(a is Ellipsis for a in answer)


def _as_number(answer: object) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, Real):
        try:
            return float(answer)
        except OverflowError:  # an int too large for a float
            return math.inf if answer > 0 else -math.inf  # type: ignore[operator]
    if isinstance(answer, Decimal):
        return float(answer)
    if type(answer).__name__ == "NAType":  # pandas' missing value
        return math.nan
    # a one-number pandas/NumPy result (e.g. a Series with one value, or a 0-d array)
    size = getattr(answer, "size", None)
    if size == 1 and hasattr(answer, "item"):
        try:
            return _as_number(answer.item())
        except (TypeError, ValueError):
            return None
    return None


def _size(answer: object) -> int:
    try:
        return int(getattr(answer, "size", 0) or 0)
    except Exception:  # noqa: BLE001 - an odd object's size
        return 0


def _norm(text: object) -> str:
    return " ".join(str(text).strip().lower().split())


def _fmt(x: float, unit: str) -> str:
    """A number as a message shows it; a calendar year (``unit="year"``) as a year, 2026
    rather than "2,026 year"."""
    if unit == "year" and float(x).is_integer():
        return str(int(x))
    shown = language.tr(unit, context="unit") if unit and unit != "%" else unit
    # Korean writes a Korean unit against its number (71%, 8.6개월) and a unit in Latin
    # letters after a space, as SI does (3.79e+25 FLOP); English and Italian with a space
    hangul = bool(shown) and "\uac00" <= shown[0] <= "\ud7a3"
    gap = "" if language.current() == "ko" and (hangul or shown == "%") else " "
    return f"{language.number(x, ',.4g')}{gap + shown if shown else ''}"


def text_of(q: Question, part: str) -> str:
    """A question's prompt, hint or explanation in the current language.

    Parameters
    ----------
    q : Question
        The question.
    part : str
        "prompt", "hint" or "explain".

    Returns
    -------
    str
        The English text when it has no translation ("" stays "").

    Examples
    --------
    >>> text_of(_get("00-lithium-top"), "prompt")
    'Which country mined the most lithium in 2024?'
    """
    message, context = getattr(q, part), f"{q.id}:{part}"
    return language.tr(message, context=context)


#: Wrong answers so far, per question, in this kernel: a staged hint shows its next stage
#: at each wrong answer.
_WRONG: dict[str, int] = {}


def _hint(q: Question) -> str:
    """The hint for a wrong answer. A hint of several lines is staged: the first wrong
    answer shows the first line (a nudge), the next wrong answer the second (a pointer),
    and so on, the last line staying once reached."""
    if not q.hint:
        return ""
    stages = [s for s in text_of(q, "hint").split("\n") if s.strip()]
    if len(stages) == 1:
        return " " + language.tr("Hint: {hint}", hint=stages[0])
    _WRONG[q.id] = _WRONG.get(q.id, 0) + 1
    k = min(_WRONG[q.id], len(stages))
    return " " + language.tr(
        "Hint {k} of {n}: {hint}", k=k, n=len(stages), hint=stages[k - 1].strip()
    )


def _right(q: Question) -> Feedback:
    explain = " " + text_of(q, "explain") if q.explain else ""
    return Feedback(q.id, CORRECT, language.tr("Correct!") + explain)


def _mistake(q: Question, matches: Callable[[Any], bool]) -> Mistake | None:
    """The first of the question's typical mistakes whose answer ``matches``."""
    for m in q.mistakes:
        try:
            if matches(m.value()):
                return m
        except Exception:  # noqa: BLE001 - a mistake's value that cannot be compared
            continue
    return None


def _looks_like(q: Question, m: Mistake, what: str) -> Feedback:
    context = f"{q.id}:mistake"
    label = language.tr(m.label, context=context)
    return Feedback(
        q.id,
        INCORRECT,
        language.tr("Not quite: {what} looks like {label}.", what=what, label=label) + _hint(q),
        diagnosis=m.code,
    )


#: how close (relative) an answer must be to a large typical mistake's value to be named
#: as it: a count of operations or bytes rounded (1.06e9 for 1.0638e9)
MISTAKE_SLACK = 0.005
#: below this a mistake's value is matched within the item's tolerance only (years,
#: percentages, small counts: 2025 is not a rounded 2026)
LARGE = 10_000


def _mistake_slack(tolerance: float, value: float) -> float:
    """How far an answer may be from a typical mistake's value to be named as it."""
    near = _slack(tolerance, value)
    return max(near, MISTAKE_SLACK * abs(value)) if abs(value) >= LARGE else near


def _slack(tolerance: float, want: float) -> float:
    """The tolerance, plus a hair for floating point: an answer exactly ``tolerance`` from
    the expected value counts on both sides (79.6 × 50 / 100 is 39.8, and 40 − 39.8 is
    0.20000000000000284 in floating point, so 40 failed a tolerance of 0.2 while 39.6
    passed)."""
    return tolerance + 1e-9 * max(1.0, abs(want))


def _check_number(q: Question, answer: object) -> Feedback:
    tr = language.tr
    value = _as_number(answer)
    if value is None:
        if isinstance(answer, str):
            said = tr("text ({said}). Write the number without quotes.", said=_said(answer))
            code = "text-not-number"
        elif _table_shape(answer) is not None:
            rows, cols = _table_shape(answer)  # type: ignore[misc]
            said = tr(
                "a table ({rows} rows, {cols} columns). Pick the one value asked for.",
                rows=rows,
                cols=cols,
            )
            code = "several-values"
        elif _size(answer) > 1:
            said = tr("{n} values. Pick the one value asked for.", n=_size(answer))
            code = "several-values"
        else:
            said = f"{_said(answer)}."
            code = "wrong-kind"
        return Feedback(
            q.id,
            INVALID,
            tr("The answer should be one number, but you gave {said}", said=said),
            code,
        )
    if math.isnan(value):
        return Feedback(
            q.id,
            INVALID,
            tr("The answer is NaN (not a number): check for missing values."),
            "not-a-number",
        )
    if math.isinf(value):
        return Feedback(
            q.id,
            INVALID,
            tr("The answer is infinite (or too large for a number): check for a division by zero."),
            "infinite",
        )
    want = float(q.expected())
    tol = _slack(q.tolerance, want)
    if abs(value - want) <= tol:
        return _right(q)
    if q.unit == "%" and abs(value * 100 - want) <= tol:
        return Feedback(
            q.id,
            INCORRECT,
            tr(
                "Close: that looks like a fraction. The answer is asked in percent: "
                "multiply by 100."
            ),
            "fraction-not-percent",
        )
    m = _mistake(q, lambda v: abs(value - float(v)) <= _mistake_slack(q.tolerance, float(v)))
    if m is not None:
        return _looks_like(q, m, _fmt(value, q.unit))
    shown = _fmt(value, q.unit)
    sentence = (
        tr("Not quite: {value} is too high.", value=shown)
        if value > want
        else tr("Not quite: {value} is too low.", value=shown)
    )
    return Feedback(
        q.id,
        INCORRECT,
        sentence + _hint(q),
        "too-high" if value > want else "too-low",
    )


#: "yes" and "no" as students of the three editions write them.
_YES_NO = {
    **dict.fromkeys(["예", "네", "응", "그렇다", "sì", "si"], "yes"),
    **dict.fromkeys(["아니요", "아니오", "아니", "아니다"], "no"),
}


def _canonical(q: Question, answer: object) -> str:
    """A text answer in its English form: a question's aliases, a glossary term written
    in Korean or Italian ("국빈 방문", "visita di Stato" → "state visit"), yes or no."""
    aliases = {_norm(k): _norm(v) for k, v in q.aliases().items()}
    a = _norm(answer)
    if a in aliases:
        return aliases[a]
    if a in _YES_NO:
        return _YES_NO[a]
    from koit_lessons import glossary

    term = glossary.identify(a, "term")
    if term is not None:
        english = _norm(glossary.names_of(term)[0])
        return aliases.get(english, english)
    return a


def _check_text(q: Question, answer: object) -> Feedback:
    tr = language.tr
    if not isinstance(answer, str):
        if isinstance(answer, Sequence) or hasattr(answer, "size"):
            return Feedback(
                q.id,
                INVALID,
                tr('The answer should be a single name in quotes, e.g. "Chile".'),
                "wrong-kind",
            )
        return Feedback(
            q.id,
            INVALID,
            tr(
                "The answer should be a name in quotes (text), but you gave {said}.",
                said=_said(answer),
            ),
            "wrong-kind",
        )
    want = _norm(q.expected())
    given = _canonical(q, answer)
    if given == want:
        return _right(q)
    m = _mistake(q, lambda v: _canonical(q, v) == given)
    if m is not None:
        return _looks_like(q, m, _said(answer))
    return Feedback(
        q.id,
        INCORRECT,
        tr("Not quite: {said} is not the answer.", said=_said(answer)) + _hint(q),
        "wrong-name",
    )


def _table_shape(answer: object) -> tuple[int, int] | None:
    """(rows, columns) when the answer is a table (a DataFrame), else None."""
    shape = getattr(answer, "shape", None)
    if hasattr(answer, "columns") and isinstance(shape, tuple) and len(shape) == 2:
        return int(shape[0]), int(shape[1])
    return None


def _check_names(q: Question, answer: object) -> Feedback:
    tr = language.tr
    table = _table_shape(answer)
    if table is not None:  # iterating a table gives its column names: never the answer
        return Feedback(
            q.id,
            INVALID,
            tr(
                'The answer should be a list of names, e.g. ["Chile", "China"], but you gave a '
                "table ({rows} rows, {cols} columns): take the names from its column.",
                rows=table[0],
                cols=table[1],
            ),
            "table-not-list",
        )
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return Feedback(
            q.id,
            INVALID,
            tr(
                'The answer should be a list of names, e.g. ["Chile", "China"], not a {kind}.',
                kind=type(answer).__name__,
            ),
            "wrong-kind",
        )
    items = list(answer)
    not_text = [a for a in items if not isinstance(a, str)]
    if not_text:
        return Feedback(
            q.id,
            INVALID,
            tr(
                'The answer should be a list of names in quotes, e.g. ["Chile", "China"], but '
                "it holds {said}.",
                said=_said(not_text[0]),
            ),
            "wrong-kind",
        )
    given = [_canonical(q, a) for a in items]
    want = [_norm(w) for w in q.expected()]
    if (
        (given == want)
        if q.ordered
        else (sorted(set(given)) == sorted(set(want)) and len(given) == len(want))
    ):
        return _right(q)
    m = _mistake(q, lambda v: sorted({_canonical(q, x) for x in v}) == sorted(set(given)))
    if m is not None:
        return _looks_like(q, m, tr("that list"))
    if len(given) != len(want):
        sentence = (
            tr(
                "Not quite: the answer has {want} names, you gave {given}.",
                want=len(want),
                given=len(given),
            )
            if len(want) != 1
            else tr(
                "Not quite: the answer has {want} name, you gave {given}.",
                want=len(want),
                given=len(given),
            )
        )
        return Feedback(
            q.id,
            INCORRECT,
            sentence + _hint(q),
            "wrong-count",
        )
    right = len(set(given) & set(want))
    in_order = q.ordered and right == len(want)
    if in_order:
        sentence = tr(
            "Not quite: {right} of {n} names are right, but not in the right order.",
            right=right,
            n=len(want),
        )
    elif len(want) != 1:
        sentence = tr("Not quite: {right} of {n} names are right.", right=right, n=len(want))
    else:
        sentence = tr("Not quite: {right} of {n} name is right.", right=right, n=len(want))
    return Feedback(
        q.id,
        INCORRECT,
        sentence + _hint(q),
        "wrong-order" if in_order else "some-names-wrong",
    )


# --- choice, frame and figure -------------------------------------------------------

_MAX_ROWS = 100_000  # a table larger than this is not read (a whole data set, or worse)
_MAX_ARTISTS = 2_000  # bars or line points beyond this are not read


def _wrong(q: Question, text: str, code: str, hint: bool = True) -> Feedback:
    staged = _hint(q) if hint else ""
    prefix = language.tr("Not quite:")
    return Feedback(q.id, INCORRECT, f"{prefix} {text}{staged}", code)


def _check_choice(q: Question, answer: object) -> Feedback:
    tr = language.tr
    letters = [c.letter for c in q.choices]
    listed = tr("{some} or {last}", some=", ".join(letters[:-1]), last=letters[-1])
    if not isinstance(answer, str):
        return Feedback(
            q.id,
            INVALID,
            tr(
                'The answer should be one letter in quotes ({listed}), e.g. "{first}", not {said}.',
                listed=listed,
                first=letters[0],
                said=_said(answer),
            ),
            "wrong-kind",
        )
    given = _norm(answer).strip("()[]. ")
    picked = next((c for c in q.choices if _norm(c.letter) == given), None)
    if picked is None:
        return Feedback(
            q.id,
            INVALID,
            tr(
                "{said} is not one of the options: answer with one letter, {listed}.",
                said=_said(answer),
                listed=listed,
            ),
            "not-an-option",
        )
    if _norm(picked.letter) == _norm(q.expected()):
        return _right(q)
    feedback = (
        tr(picked.feedback, context=f"{q.id}:choice")
        if picked.feedback
        else tr("({letter}) is not the answer.", letter=picked.letter)
    )
    return _wrong(q, feedback, picked.code)


def _is_frame(answer: object) -> bool:
    return any(
        t.__name__ == "DataFrame" and t.__module__.startswith("pandas")
        for t in type(answer).__mro__
    )


def _is_series(answer: object) -> bool:
    return any(
        t.__name__ == "Series" and t.__module__.startswith("pandas") for t in type(answer).__mro__
    )


def _plain(frame: Any) -> Any:
    """The table with a meaningful index (a group-by's, or one set by name) moved into
    columns; an unnamed index (row numbers, kept or left over from a filter: a
    RangeIndex in newer pandas, integers in pandas 2.0) dropped."""
    import pandas as pd

    index = frame.index
    if not isinstance(index, pd.MultiIndex) and index.name is None:
        return frame.reset_index(drop=True)
    return frame.reset_index()


def _keys_and_numbers(want: Any) -> tuple[list[str], list[str]]:
    import pandas as pd

    numbers = [
        c
        for c in want.columns
        if pd.api.types.is_numeric_dtype(want[c]) and not pd.api.types.is_bool_dtype(want[c])
    ]
    return [c for c in want.columns if c not in numbers], numbers


def _row_keys(frame: Any, keys: list[str]) -> list[tuple[str, ...]]:
    columns = [[_norm(v) for v in frame[k].tolist()] for k in keys]
    return list(zip(*columns, strict=True)) if columns else [()] * len(frame)


def _check_frame(q: Question, answer: object) -> Feedback:
    """The table check; a wrong table that is one of the question's typical mistakes
    (compared the same way) is named as that mistake."""
    # compared without hints: a hint's stage moves on once per wrong answer, not once per
    # comparison with a typical mistake
    found = _compare_frame(q, answer, hint=False)
    if found.status != INCORRECT:
        return found
    for m in q.mistakes:
        try:
            as_mistake = _compare_frame(replace(q, expected=m.value), answer, hint=False)
        except Exception:  # noqa: BLE001 - a mistake's table that cannot be compared
            continue
        if as_mistake.status == CORRECT:
            return _looks_like(q, m, language.tr("your table"))
    return replace(found, message=found.message + _hint(q))


def _compare_frame(q: Question, answer: object, hint: bool = True) -> Feedback:
    import pandas as pd

    def _wrong_here(q: Question, text: str, code: str) -> Feedback:
        return _wrong(q, text, code, hint=hint)

    if not _is_frame(answer):
        if _is_series(answer):
            return Feedback(
                q.id,
                INVALID,
                language.tr(
                    "You gave a Series (one column), but the answer should be a table (a "
                    "DataFrame): keep the columns asked for, e.g. with double brackets [[...]] "
                    "or .reset_index()."
                ),
                "series-not-frame",
            )
        return Feedback(
            q.id,
            INVALID,
            language.tr(
                "The answer should be a table (a pandas DataFrame), not {said}.",
                said=_said(answer),
            ),
            "wrong-kind",
        )
    rows, _ = answer.shape  # type: ignore[attr-defined]
    want = _plain(q.expected())
    if rows > _MAX_ROWS:
        return _wrong_here(
            q,
            language.tr(
                "your table has {rows} rows, far more than asked: filter it first.",
                rows=language.number(rows),
            ),
            "extra-rows",
        )
    given = _plain(answer)
    given.columns = [str(c).strip() for c in given.columns]
    columns = {_norm(c): c for c in given.columns}
    missing = [c for c in want.columns if _norm(c) not in columns]
    if missing:
        return _wrong_here(
            q,
            language.tr(
                "your table has no column {said} (its columns: {columns}).",
                said=_said(missing[0]),
                columns=", ".join(map(str, list(given.columns)[:8])),
            ),
            "missing-column",
        )
    wanted_columns = {_norm(c) for c in want.columns}
    extra_columns = [c for c in given.columns if _norm(c) not in wanted_columns]
    given = given[[columns[_norm(c)] for c in want.columns]]
    given.columns = list(want.columns)
    keys, numbers = _keys_and_numbers(want)
    have, need = _row_keys(given, keys), _row_keys(want, keys)
    from collections import Counter

    extra = Counter(have) - Counter(need)
    lacking = Counter(need) - Counter(have)
    if extra:
        first = have.index(next(iter(extra)))
        example = [str(given[k].iloc[first]) for k in keys]
        what = language.tr(" (e.g. {example})", example=", ".join(example)) if example else ""
        n = sum(extra.values())
        return _wrong_here(
            q,
            language.tr("your table has {n} rows that should not be there{what}.", n=n, what=what)
            if n != 1
            else language.tr("your table has 1 row that should not be there{what}.", what=what),
            "extra-rows",
        )
    if lacking:
        n = sum(lacking.values())
        return _wrong_here(
            q,
            language.tr("your table is missing {n} rows of the answer.", n=n)
            if n != 1
            else language.tr("your table is missing 1 row of the answer."),
            "missing-rows",
        )
    if q.exact_columns and extra_columns:
        return _wrong_here(
            q,
            language.tr(
                "the rows are right, but your table has columns that were not asked for (e.g. "
                "{said}): keep only {columns}, with double brackets [[...]].",
                said=_said(extra_columns[0]),
                columns=", ".join(map(str, want.columns)),
            ),
            "extra-columns",
        )
    values = {c: pd.to_numeric(given[c], errors="coerce").to_numpy(dtype=float) for c in numbers}
    wanted = {c: want[c].to_numpy(dtype=float) for c in numbers}
    order_given = sorted(range(len(have)), key=lambda i: (have[i], [values[c][i] for c in numbers]))
    order_want = sorted(range(len(need)), key=lambda i: (need[i], [wanted[c][i] for c in numbers]))
    tol = q.tolerance
    for c in numbers:
        for i, j in zip(order_given, order_want, strict=True):
            a, b = values[c][i], wanted[c][j]
            same = (math.isnan(a) and math.isnan(b)) or abs(a - b) <= _slack(tol, b)
            if not same:
                names = ", ".join(str(given[k].iloc[i]) for k in keys)
                row = language.tr(" for {names}", names=names) if keys else ""
                return _wrong_here(
                    q,
                    language.tr(
                        "the rows are right, but column {said} is off{row}.", said=_said(c), row=row
                    ),
                    "values-off",
                )
    if q.ordered and have != need:
        return _wrong_here(
            q,
            language.tr("the rows are right, but not in the order asked for."),
            "wrong-order-rows",
        )
    return _right(q)


def figure_summary(chart: Any, limit: int = 2000) -> dict[str, Any]:
    """What a chart shows, read from its Axes or Figure: kind, names, values, titles.

    The figure check compares this with the data; the grader reads it in the kernel
    (the function is self-contained for that) and judges it outside.

    Parameters
    ----------
    chart : matplotlib Axes or Figure
        The chart (a Figure must hold one chart with data).
    limit : int, optional
        Bars or points beyond this are not read (``n`` still counts them).

    Returns
    -------
    dict
        ``kind`` ("bar", "barh", "line", "none"; or "error" with ``error``), ``n`` (the
        number of bars or points), ``names`` and ``values`` (bar names and lengths, or
        the line's x and y), ``title``, ``xlabel``, ``ylabel``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.barh(["Chile", "China"], [20.4, 17.1])
    >>> s = figure_summary(ax)
    >>> s["kind"], s["names"], s["values"]
    ('barh', ['Chile', 'China'], [20.4, 17.1])
    >>> plt.close(fig)
    """
    import math as _m

    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

    out: dict[str, Any] = {"kind": "none", "n": 0, "names": [], "values": []}
    suptitle = ""
    if isinstance(chart, Figure):
        with_data = [a for a in chart.axes if a.has_data()]
        if len(with_data) != 1:
            return {"kind": "error", "error": f"a figure with {len(with_data)} charts in it"}
        if chart._suptitle is not None:
            suptitle = chart._suptitle.get_text()
        chart = with_data[0]
    if not isinstance(chart, Axes):
        return {"kind": "error", "error": type(chart).__name__}
    ax = chart
    out["title"] = " ".join(
        t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right"), suptitle) if t
    ).strip()
    out["xlabel"], out["ylabel"] = ax.get_xlabel().strip(), ax.get_ylabel().strip()
    bars = [p for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]
    lines = [ln for ln in ax.get_lines() if ln.get_transform() is ax.transData]
    if bars:
        out["n"] = len(bars)
        if len(bars) > limit:
            out["kind"] = "bars"
            return out
        orient = {getattr(c, "orientation", None) for c in ax.containers}
        if orient == {"horizontal"} or (
            None in orient
            and len({round(p.get_height(), 9) for p in bars}) == 1
            and len({round(p.get_width(), 9) for p in bars}) > 1
        ):
            kind, axis = "barh", ax.yaxis
            pos = [p.get_y() + p.get_height() / 2 for p in bars]
            val = [p.get_width() for p in bars]
        else:
            kind, axis = "bar", ax.xaxis
            pos = [p.get_x() + p.get_width() / 2 for p in bars]
            val = [p.get_height() for p in bars]
        locs = list(axis.get_majorticklocs())[:limit]
        try:
            texts = list(axis.get_major_formatter().format_ticks(locs))
        except Exception:  # noqa: BLE001 - a formatter that cannot name its ticks
            texts = [""] * len(locs)
        names = []
        for x in pos:
            near = [(abs(t - x), s) for t, s in zip(locs, texts, strict=False) if abs(t - x) < 0.5]
            names.append(str(min(near)[1]) if near else "")
        out.update(kind=kind, names=names, values=[float(v) for v in val])
    elif lines:
        xs, ys = [], []
        for ln in lines:
            x, y = ln.get_xdata(orig=False), ln.get_ydata(orig=False)
            out["n"] += len(x)
            if out["n"] > limit:
                out["kind"] = "line"
                return out
            for a, b in zip(x, y, strict=False):
                try:
                    xs.append(float(a))
                    ys.append(float(b))
                except (TypeError, ValueError):
                    continue
        out.update(kind="line", names=xs, values=ys, lines=len(lines))
    out["values"] = [v if _m.isfinite(v) else None for v in out["values"]]
    return out


class FigureSummary(dict):
    """:func:`figure_summary` of a chart, as the grader rebuilds it from a kernel's dump."""


_CHART = {
    "bar": marked("vertical bars"),
    "barh": marked("horizontal bars"),
    "bars": marked("bars"),
    "line": marked("a line"),
}
_OTHER_CHART = marked("another chart")


def _is_chart(answer: object) -> bool:
    return any(
        t.__module__.startswith("matplotlib") and t.__name__ in ("Axes", "Figure", "SubFigure")
        for t in type(answer).__mro__
    )


def _describe_own(chart: Any, seen: dict[str, Any]) -> None:
    """Give a chart the student drew the description a figure function gives its own
    (the notebook's alt text, see ``plots.describe``), from what the chart shows."""
    from koit_lessons.plots import _describe

    kinds = {
        "barh": marked("Horizontal bar chart"),
        "bar": marked("Bar chart"),
        "line": marked("Line chart"),
    }
    kind = kinds.get(seen.get("kind", ""))
    if kind is None or _describe.describe(chart) or len(seen["values"]) > 50:
        return
    value_axis = seen["xlabel"] if seen["kind"] == "barh" else seen["ylabel"]
    pairs = zip(seen["names"], seen["values"], strict=False)
    if seen["kind"] == "line":
        body = _describe.listing(f"{_describe.number(x)}: {_describe.number(y)}" for x, y in pairs)
    else:
        body = _describe.listing(f"{n} {_describe.number(v)}" for n, v in pairs)
    axes = chart if not hasattr(chart, "axes") or not isinstance(chart.axes, list) else None
    axes = axes or next(a for a in chart.axes if a.has_data())
    _describe.remember(
        axes, _describe.sentence(language.tr(kind), value_axis, seen.get("title"), body)
    )


def _figure_error(error: str) -> str:
    """What :func:`figure_summary` found instead of one chart, in the current language."""
    import re

    many = re.fullmatch(r"a figure with (\d+) charts in it", error)
    if many:
        return language.tr("a figure with {n} charts in it", n=int(many.group(1)))
    return error  # the name of a type, e.g. Line2D


def _check_figure(q: Question, answer: object) -> Feedback:
    if isinstance(answer, FigureSummary):
        seen = answer  # the grader's summary, read in the kernel
    elif _is_chart(answer):
        seen = figure_summary(answer, limit=_MAX_ARTISTS)
        _describe_own(answer, seen)
    else:
        return Feedback(
            q.id,
            INVALID,
            language.tr(
                "The answer should be your chart: the Axes a plotting call returns (e.g. "
                "ax = table.plot.barh(...)) or its Figure, not {said}.",
                said=_said(answer),
            ),
            "wrong-kind",
        )
    kind = seen.get("kind")
    if kind == "error":
        return Feedback(
            q.id,
            INVALID,
            language.tr(
                "The answer should be one chart (an Axes), but you gave {error}.",
                error=_figure_error(str(seen.get("error"))),
            ),
            "wrong-kind",
        )
    want = q.expected()
    if kind == "none":
        return _wrong(
            q, language.tr("your chart is empty: nothing is plotted on it yet."), "wrong-chart-kind"
        )
    allowed = ("bar", "barh") if q.chart == "bars" else (q.chart,)
    if kind not in allowed and not (kind == "bars" and q.chart != "line"):
        return _wrong(
            q,
            language.tr(
                "this is {kind}, but the exercise asks for {wanted}.",
                kind=language.tr(_CHART.get(str(kind), _OTHER_CHART)),
                wanted=language.tr(_CHART[q.chart]),
            ),
            "wrong-chart-kind",
        )
    n = int(seen.get("n", 0))
    if n != len(want):
        if q.chart == "line":
            text = language.tr(
                "your chart has {n} points, but the answer has {want}.", n=n, want=len(want)
            )
        else:
            text = language.tr(
                "your chart has {n} bars, but the answer has {want}.", n=n, want=len(want)
            )
        return _wrong(q, text, "wrong-bars")
    names = [str(x) for x in seen.get("names", [])]
    values = [math.nan if v is None else float(v) for v in seen.get("values", [])]
    tol = max(q.tolerance, 1e-9)
    if q.chart == "line":
        xs = [float(x) for x in want.index]
        got = dict(zip([float(x) for x in names], values, strict=False))
        other = [x for x in got if not any(abs(x - w) < 1e-6 for w in xs)]
        if other:
            return _wrong(
                q,
                language.tr(
                    "your line has a point at x = {x}, which is not asked for.",
                    x=f"{other[0]:g}",
                ),
                "wrong-bars",
            )
        pairs = [
            (x, got.get(x, math.nan), float(v))
            for x, v in zip(xs, want.to_numpy(dtype=float), strict=False)
        ]
        label = marked("the point at x = {key}")
    else:
        wanted = {_norm(k): float(v) for k, v in want.items()}
        if all(names) and len(set(map(_norm, names))) == len(names):
            other = [s for s in names if _norm(s) not in wanted]
            if other:
                return _wrong(
                    q,
                    language.tr(
                        "your chart has a bar for {said}, which is not asked for.",
                        said=_said(other[0]),
                    ),
                    "wrong-bars",
                )
            pairs = [(s, v, wanted[_norm(s)]) for s, v in zip(names, values, strict=False)]
        else:  # no readable names: compare the lengths alone
            pairs = list(zip(["?"] * n, sorted(values), sorted(wanted.values()), strict=False))
        label = marked("the bar for {key}")
    off = [(k, a, b) for k, a, b in pairs if not abs(a - b) <= _slack(tol, b)]
    if off:
        if all(abs(a * 100 - b) <= _slack(tol, b) for _, a, b in off):
            return _wrong(
                q,
                language.tr("your values look like fractions; the chart should show percent."),
                "fraction-not-percent",
            )
        k = off[0][0]
        key = f"{k:g}" if isinstance(k, float) else k
        where = language.tr(label, key=key) if k != "?" else language.tr("a bar")
        return _wrong(
            q,
            language.tr(
                "{where} does not have the value in the data: check the column you plotted.",
                where=where,
            ),
            "values-off",
        )
    if not str(seen.get("title", "")).strip():
        return _wrong(
            q, language.tr("the values are right, but your chart has no title."), "no-title"
        )
    # the axis of the values must say what they are and in which unit; the axis of the
    # names may go without a label (bar names say what they are)
    value_axis = "xlabel" if seen.get("kind") == "barh" else "ylabel"
    if not str(seen.get(value_axis, "")).strip():
        text = (
            language.tr(
                "the values are right, but the horizontal axis (the values) has no label: say "
                "what they are and in which unit."
            )
            if value_axis == "xlabel"
            else language.tr(
                "the values are right, but the vertical axis (the values) has no label: say "
                "what they are and in which unit."
            )
        )
        return _wrong(q, text, "no-axis-labels")
    return _right(q)


_CHECKERS = {
    "number": _check_number,
    "text": _check_text,
    "names": _check_names,
    "choice": _check_choice,
    "frame": _check_frame,
    "figure": _check_figure,
}
_WANTED = {
    "choice": marked("one letter in quotes"),
    "frame": marked("a table (a pandas DataFrame)"),
    "figure": marked("your chart (its Axes or Figure)"),
}


def _unreadable() -> str:
    return language.tr(
        "This answer could not be read: give a number, a name in quotes or a list of "
        "names, as the exercise asks."
    )


def check(question_id: str, answer: Any, **context: Any) -> Feedback:
    """Check an exercise answer and say, in a sentence, whether it is right.

    The message is in the lesson's language (see :mod:`koit_lessons.language`).

    Parameters
    ----------
    question_id : str
        The id printed in the exercise, e.g. "00-lithium-top".
    answer : object
        Your answer; leave it as ``...`` until you have one.
    **context
        Only where the exercise says so, the choice the answer depends on,
        e.g. ``topic=TOPIC`` in the capstone.

    Returns
    -------
    Feedback
        Its status is "correct", "incorrect", "unanswered" or "invalid" (an unknown id, a
        wrong keyword or context, or an answer of the wrong type or one that cannot be
        read); it never raises, whatever the id and the answer.

    Examples
    --------
    >>> check("00-lithium-top", ...)
    ⏳ [00-lithium-top] Not answered yet: replace the ... with your answer, then run the cell again.
    """
    try:
        return _check(question_id, answer, context)
    except Exception:  # noqa: BLE001 - check never raises: an answer it cannot read is invalid
        qid = question_id if isinstance(question_id, str) else _said(question_id)
        return Feedback(qid, INVALID, _unreadable())


def _check(question_id: object, answer: Any, context: dict[str, Any]) -> Feedback:
    q = _get(question_id)
    if q is None:
        if not isinstance(question_id, str):
            return Feedback(
                _said(question_id),
                INVALID,
                language.tr(
                    "The exercise id should be text in quotes, e.g. check('00-lithium-top', "
                    "answer), not {said}. Copy the check line from the exercise.",
                    said=_said(question_id),
                ),
            )
        known = questions()
        return Feedback(
            question_id,
            INVALID,
            language.tr(
                "There is no exercise called {said}.{maybe} "
                "Copy the id exactly as it appears in the exercise.",
                said=_said(question_id),
                maybe=did_you_mean(question_id, known),
            ),
        )
    unknown = sorted(set(context) - {q.context})
    if unknown:
        allowed = (
            language.tr("only {name}=", name=q.context)
            if q.context
            else language.tr("no extra arguments")
        )
        return Feedback(
            q.id,
            INVALID,
            language.tr(
                "This check takes {allowed}, not {given}. "
                "Copy the check line exactly as it appears in the exercise.",
                allowed=allowed,
                given=", ".join(k + "=" for k in unknown),
            ),
        )
    if q.context and _is_placeholder(answer):
        return judge(q, answer)  # not answered yet: say that before asking for the topic
    if q.context:
        if q.context not in context:
            call = f"check({q.id!r}, your_answer, {q.context}={q.context.upper()})"
            return Feedback(
                q.id,
                INVALID,
                language.tr(
                    "This answer depends on your {name}: check it with {call}.",
                    name=q.context,
                    call=call,
                ),
            )
        try:
            q = _bind(q, context)
        except KoitError as e:
            return Feedback(q.id, INVALID, str(e))
    return judge(q, answer)


def judge(q: Question, answer: Any) -> Feedback:
    """Check ``answer`` against a question whose context, if any, is already bound.

    ``check`` uses it after finding the question; the grader uses it with the questions
    of its answer key (see :func:`fixed`), computed before any submission runs.

    Parameters
    ----------
    q : Question
        A question with no context left to bind (from :func:`fixed`, or without a context).
    answer : object
        The answer; None or ``...`` (also inside a list, tuple or set) counts as unanswered.

    Returns
    -------
    Feedback
    """
    if answer is None:
        return Feedback(
            q.id,
            UNANSWERED,
            language.tr(
                "Your answer is None (no value): a function gave nothing back, or the data "
                "have no value. Read the exercise again for what to answer then, and run the "
                "cell again."
            ),
            "none",
        )
    if _is_placeholder(answer):
        return Feedback(
            q.id,
            UNANSWERED,
            language.tr(
                "Not answered yet: replace the ... with your answer, then run the cell again."
            ),
            "unanswered",
        )
    try:
        return _CHECKERS[q.kind](q, answer)
    except KoitError:
        raise  # the answer key itself failed: not the student's answer
    except Exception:  # noqa: BLE001 - an answer whose ==, str or len raises
        wanted = _WANTED.get(q.kind, "")
        return Feedback(
            q.id,
            INVALID,
            _unreadable()
            if q.kind not in _WANTED
            else language.tr(
                "This answer could not be read: give {wanted}, as the exercise asks.",
                wanted=language.tr(wanted),
            ),
            "unreadable",
        )
