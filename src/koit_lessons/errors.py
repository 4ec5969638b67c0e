"""The one exception type that koit-lessons raises on bad input, with friendly wording,
and the checks that every module uses to say so.

A helper that takes a name uses :func:`unknown_name`; one that takes a number uses
:func:`require_number`, :func:`require_percentage`, :func:`require_whole` or
:func:`require_year`. Each returns the value in a plain form (``float`` or ``int``)
or raises a :class:`KoitError` with one sentence that a student can act on.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from numbers import Integral, Real


class KoitError(ValueError):
    """Raised when a helper gets a name, type or value it cannot use.

    The message always says what was wrong and what is allowed, so that a student
    can fix the call without reading a traceback.
    """


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """Return ' Did you mean: a, b?' for close matches of ``word``, or '' if none.

    Parameters
    ----------
    word : str
        The name that was given; compared without regard to case.
    choices : iterable of str
        The allowed names.
    n : int, optional
        At most this many suggestions (default 3).

    Returns
    -------
    str
        " Did you mean 'a' or 'b'?" (with a leading space), or "" if nothing is close.

    Examples
    --------
    >>> did_you_mean("lithum", ["lithium", "cobalt"])
    " Did you mean 'lithium'?"
    """
    choices = [str(c) for c in choices]
    lowered = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(str(word).lower(), list(lowered), n=n, cutoff=0.6)
    if not close:
        return ""
    names = [repr(lowered[c]) for c in close]
    return f" Did you mean {' or '.join(names)}?"


def pick_name(kind: str, word: object, choices: Iterable[str], more: str = "") -> str:
    """The choice ``word`` names, ignoring case and spaces around it; else the standard
    unknown-name error (see :func:`unknown_name`).

    Parameters
    ----------
    kind : str
        What is being named, for the message (e.g. "stage").
    word : object
        The name given; only text can match.
    choices : iterable of str
        The allowed names, in their proper spelling.
    more : str, optional
        Where to see all the names, as for :func:`unknown_name`.

    Returns
    -------
    str
        The matching choice, spelled as in ``choices``.

    Raises
    ------
    KoitError
        If ``word`` is not text or matches no choice.

    Examples
    --------
    >>> pick_name("stage", " Wafer fabrication", ["Design", "Wafer fabrication"])
    'Wafer fabrication'
    """
    choices = list(choices)
    if isinstance(word, str):
        for name in choices:
            if word.strip().lower() == name.lower():
                return name
    raise unknown_name(kind, word, choices, more)


def unknown_name(
    kind: str, word: object, choices: Iterable[str], more: str = "", shown: int = 10
) -> KoitError:
    """Build the standard error for an unknown name, listing what is allowed.

    Long lists are cut after ``shown`` names; ``more`` can say where to see them all.

    Parameters
    ----------
    kind : str
        What is being named, for the message (e.g. "mineral").
    word : object
        The name given; if it is not text, the message asks for text in quotes.
    choices : iterable of str
        The allowed names; listed in sorted order.
    more : str, optional
        Added in brackets after "and N more" when the list is cut.
    shown : int, optional
        At most this many names are listed (default 10).

    Returns
    -------
    KoitError
        The error, not raised: the caller raises it.

    Examples
    --------
    >>> str(unknown_name("mineral", "lithum", ["lithium", "cobalt"]))
    "There is no mineral called 'lithum'. Did you mean 'lithium'? Allowed: cobalt, lithium."
    """
    choices = sorted(str(c) for c in choices)
    listed = ", ".join(choices[:shown])
    if len(choices) > shown:
        listed += f" and {len(choices) - shown} more"
        if more:
            listed += f" ({more})"
    if not isinstance(word, str):
        example = f" e.g. {choices[0]!r}," if choices else ""
        return KoitError(
            f"The {kind} must be given as text in quotes,{example} not {word!r}. Allowed: {listed}."
        )
    return KoitError(
        f"There is no {kind} called {word!r}.{did_you_mean(word, choices)} Allowed: {listed}."
    )


def is_whole(value: object) -> bool:
    """Whether ``value`` is a whole number: an ``int`` or a NumPy integer, not a bool.

    Parameters
    ----------
    value : object
        Anything a student may pass.

    Returns
    -------
    bool
        True for ``3`` or ``numpy.int64(3)``; False for ``3.0``, ``"3"``, ``True``.

    Examples
    --------
    >>> is_whole(3), is_whole(3.0), is_whole(True), is_whole("3")
    (True, False, False, False)
    """
    return isinstance(value, Integral) and not isinstance(value, bool)


def _real(value: object, what: str, example: str, kind: str, finite: bool) -> float:
    """``value`` as a float (NaN passes) if it is a real number, else a KoitError."""
    eg = f", e.g. {example}" if example else ""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise KoitError(f"The {what} must be {kind}{eg}, not {value!r}.")
    x = float(value)
    if finite and not math.isfinite(x):
        raise KoitError(f"The {what} must be a finite number{eg}, not {x!r}.")
    return x


def require_number(
    value: object,
    what: str,
    *,
    example: str = "",
    kind: str = "a number",
    finite: bool = False,
    greater_than: float | None = None,
    at_least: float | None = None,
) -> float:
    """Return ``value`` as a float if it is a real number, else raise a KoitError.

    Parameters
    ----------
    value : object
        The value to check. Bools, text and NaN are refused; NumPy numbers are fine.
    what : str
        What the value is, for the message: "The {what} must be a number, not 'x'."
    example : str, optional
        A value to suggest in the message ("..., e.g. 0.5, not 'x'.").
    kind : str, optional
        What is wanted, in words (default "a number").
    finite : bool, optional
        Refuse infinity, and say "a finite number" for NaN too.
    greater_than, at_least : float, optional
        A lower bound ("must be more than 0" or "must be 0 or more").

    Returns
    -------
    float

    Examples
    --------
    >>> require_number(3, "growth rate")
    3.0
    >>> require_number("3", "growth rate")
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: The growth rate must be a number, not '3'.
    >>> require_number(0, "number of days", greater_than=0)
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: The number of days must be more than 0, not 0.
    """
    x = _real(value, what, example, kind, finite)
    if math.isnan(x):
        eg = f", e.g. {example}" if example else ""
        raise KoitError(f"The {what} must be {kind}{eg}, not {value!r}.")
    if greater_than is not None and not x > greater_than:
        raise KoitError(f"The {what} must be more than {greater_than:g}, not {x:g}.")
    if at_least is not None and not x >= at_least:
        raise KoitError(f"The {what} must be {at_least:g} or more, not {x:g}.")
    return x


def require_percentage(
    value: object,
    what: str,
    *,
    example: str = "",
    kind: str = "a number",
    finite: bool = False,
    above_zero: bool = False,
    message: str = "",
) -> float:
    """Return ``value`` as a float if it is a percentage from 0 to 100, else raise a
    KoitError.

    Parameters
    ----------
    value : object
        The value to check; as for :func:`require_number`.
    what, example, kind, finite
        As for :func:`require_number`, for a value that is not a number.
    above_zero : bool, optional
        Refuse 0 as well.
    message : str, optional
        The sentence for a number outside the range (NaN included); by default
        "The {what} must be a percentage from 0 to 100, not {value}."

    Returns
    -------
    float

    Examples
    --------
    >>> require_percentage(65, "cap")
    65.0
    >>> require_percentage(120, "cap")
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: The cap must be a percentage from 0 to 100, not 120.0.
    """
    x = _real(value, what, example, kind, finite)
    if not ((0 < x) if above_zero else (0 <= x)) or not x <= 100:
        raise KoitError(message or f"The {what} must be a percentage from 0 to 100, not {x!r}.")
    return x


def require_whole(
    value: object,
    what: str = "",
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    message: str = "",
) -> int:
    """Return ``value`` as an int if it is a whole number (see :func:`is_whole`) within
    the bounds, else raise a KoitError.

    Parameters
    ----------
    value : object
        The value to check.
    what : str, optional
        What the value is, for the default messages "The {what} must be a whole
        number, not 2.5." and "The {what} must be {minimum} or more, not 0."
    minimum, maximum : int, optional
        The smallest and largest value allowed.
    message : str, optional
        One sentence for every refusal, instead of the default messages.

    Returns
    -------
    int

    Examples
    --------
    >>> require_whole(3, "number of chips", minimum=1)
    3
    >>> require_whole(0, "number of chips", minimum=1)
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: The number of chips must be 1 or more, not 0.
    >>> require_whole(2.5, message="k must be a whole number of 1 or more, not 2.5.")
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: k must be a whole number of 1 or more, not 2.5.
    """
    if not is_whole(value):
        raise KoitError(message or f"The {what} must be a whole number, not {value!r}.")
    n = int(value)
    if minimum is not None and n < minimum:
        raise KoitError(message or f"The {what} must be {minimum} or more, not {n}.")
    if maximum is not None and n > maximum:
        raise KoitError(message or f"The {what} must be {maximum} or less, not {n}.")
    return n


def require_year(year: object, known: Iterable[int], no_data: str) -> int:
    """Return ``year`` (as an int) if it is one of the ``known`` years, else raise a
    KoitError that starts with ``no_data`` and lists the years in the data.

    Parameters
    ----------
    year : object
        The year asked for: a whole number (see :func:`is_whole`).
    known : iterable of int
        The years with data.
    no_data : str
        The start of the message, e.g. "There are no data for the year".

    Returns
    -------
    int

    Examples
    --------
    >>> require_year(2024, [2023, 2024], "There are no data for the year")
    2024
    >>> require_year(2019, [2023, 2024], "No data for")
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: No data for 2019. Years in the data: 2023, 2024.
    """
    known = sorted(known)
    if not is_whole(year) or year not in known:
        shown = int(year) if is_whole(year) else year  # 2024, not np.int64(2024)
        raise KoitError(f"{no_data} {shown!r}. Years in the data: {', '.join(map(str, known))}.")
    return int(year)
