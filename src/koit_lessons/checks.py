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

__all__ = [
    "check",
    "judge",
    "fixed",
    "Feedback",
    "Question",
    "Mistake",
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
    "unanswered": "not answered (the ... left in place)",
    "none": "None: a function gave nothing back",
    "unreadable": "an answer that could not be read",
    "text-not-number": "text where a number is asked (the number in quotes?)",
    "several-values": "several values where one number is asked",
    "not-a-number": "NaN: missing values in the calculation",
    "infinite": "infinite: a division by zero",
    "wrong-kind": "the wrong kind of answer (e.g. a list where one value is asked)",
    "fraction-not-percent": "a fraction where the question asks for percent (0.37, not 37)",
    "too-high": "a number too high (no known mistake explains it)",
    "too-low": "a number too low (no known mistake explains it)",
    "wrong-name": "another name",
    "wrong-count": "the wrong number of names",
    "some-names-wrong": "some of the names wrong",
    "wrong-order": "the right names in the wrong order",
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
class Question:
    """One checked exercise.

    ``expected`` is a function that computes the right answer from the shipped data.
    ``kind`` is "number" (with ``tolerance`` in the answer's units), "text" (a name;
    ``aliases`` maps other accepted spellings to it), or "names" (a collection of
    names; ``ordered`` says whether order matters).

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
        "number" (the default), "text" or "names".
    hint : str, optional
        Added to the message for a wrong answer.
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


_REGISTRY: dict[str, Question] = {}


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
    if q.kind not in ("number", "text", "names"):
        raise ValueError(f"unknown question kind {q.kind!r}")
    for m in q.mistakes:
        DIAGNOSES.setdefault(m.code, m.meaning or m.label)
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
    ['00-cobalt-top3', '00-graphite-hhi']
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
    return f"{language.number(x, ',.4g')}{' ' + unit if unit else ''}"


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


def _hint(q: Question) -> str:
    return " " + language.tr("Hint: {hint}", hint=text_of(q, "hint")) if q.hint else ""


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


def _check_number(q: Question, answer: object) -> Feedback:
    tr = language.tr
    value = _as_number(answer)
    if value is None:
        if isinstance(answer, str):
            said = tr("text ({said}). Write the number without quotes.", said=_said(answer))
            code = "text-not-number"
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
    tol = max(q.tolerance, 1e-9 * abs(want))
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
    m = _mistake(q, lambda v: abs(value - float(v)) <= max(q.tolerance, 1e-9 * abs(float(v))))
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


def _canonical(q: Question, answer: object) -> str:
    aliases = {_norm(k): _norm(v) for k, v in q.aliases().items()}
    a = _norm(answer)
    return aliases.get(a, a)


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


def _check_names(q: Question, answer: object) -> Feedback:
    tr = language.tr
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


_CHECKERS = {"number": _check_number, "text": _check_text, "names": _check_names}


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
        return Feedback(
            q.id,
            INVALID,
            _unreadable(),
            "unreadable",
        )
