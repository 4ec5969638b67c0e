"""The one exception type that koit-lessons raises on bad input, with friendly wording,
and the checks that every module uses to say so.

A helper that takes a name uses :func:`pick_name` (or :func:`unknown_name` for the
message); one that takes a number uses
:func:`require_number`, :func:`require_percentage`, :func:`require_whole` or
:func:`require_year`. Each returns the value in a plain form (``float`` or ``int``)
or raises a :class:`KoitError` with one sentence that a student can act on.
NumPy and pandas numbers (``df["year"].max()`` is an ``np.int64``) are accepted
wherever a Python number is, and messages show them as plain numbers.
"""

from __future__ import annotations

import difflib
import math
import os
import sys
from collections.abc import Iterable
from decimal import Decimal
from numbers import Integral, Real


class KoitError(ValueError):
    """Raised when a helper gets a name, type or value it cannot use.

    The message always says what was wrong and what is allowed, so that a student
    can fix the call without reading a traceback.
    """


def plain(value: object) -> object:
    """``value`` as a plain Python object if it is a NumPy scalar or a 0-d array (as
    ``df["year"].max()`` or ``np.array(3)`` give), else ``value`` itself.

    Parameters
    ----------
    value : object
        Anything a student may pass.

    Returns
    -------
    object
        ``int``, ``float``, ``bool`` or ``str`` for a NumPy scalar; ``value`` otherwise.

    Examples
    --------
    >>> import numpy as np
    >>> plain(np.int64(2024)), plain(np.array(2.5)), plain("x")
    (2024, 2.5, 'x')
    """
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        try:
            return value.item()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a broken object is shown as it is
            return value
    return value


def said(value: object, limit: int = 60) -> str:
    """How a message shows a value a student gave: its ``repr`` on one line, NumPy
    scalars as plain numbers (``2024``, not ``np.int64(2024)``), cut after ``limit``
    characters; never raises.

    Parameters
    ----------
    value : object
        Anything a student may pass.
    limit : int, optional
        At most this many characters (default 60); longer text ends with "...".

    Returns
    -------
    str

    Examples
    --------
    >>> import numpy as np
    >>> said(np.int64(2024)), said("lithum"), said(list(range(30)), limit=20)
    ('2024', "'lithum'", '[0, 1, 2, 3, 4, 5...')
    >>> said(np.array([1, 2]))
    'a ndarray of 2 values'

    """
    if getattr(value, "ndim", 0) and hasattr(value, "size") and not isinstance(value, str):
        kind = type(value).__name__  # a Series or an array: not its many-line repr
        try:
            return f"a {kind} of {int(value.size)} values"  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001
            return f"a {kind}"
    try:
        text = repr(plain(value))
    except Exception:  # noqa: BLE001 - an object whose repr fails
        text = f"a {type(value).__name__} object"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def name_key(text: str) -> str:
    """The form in which names are compared: spaces around and inside collapsed, lower case.

    Parameters
    ----------
    text : str
        A name.

    Returns
    -------
    str

    Examples
    --------
    >>> name_key("  Rare   Earths ")
    'rare earths'
    """
    return " ".join(str(text).split()).lower()


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
    lowered = {name_key(c): c for c in choices}
    close = difflib.get_close_matches(name_key(word), list(lowered), n=n, cutoff=0.6)
    if not close:
        return ""
    names = [repr(lowered[c]) for c in close]
    return f" Did you mean {' or '.join(names)}?"


def pick_name(
    kind: str,
    word: object,
    choices: Iterable[str],
    more: str = "",
    aliases: dict[str, str] | None = None,
) -> str:
    """The choice ``word`` names, ignoring case and extra spaces (see :func:`name_key`);
    else the standard unknown-name error (see :func:`unknown_name`).

    Every helper that takes a name reads it with this function, so that ``" Lithium "``,
    ``"LITHIUM"`` and ``"lithium"`` mean the same everywhere.

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
    aliases : dict, optional
        Other spellings (compared as :func:`name_key` gives them) → the choice they mean.

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
    >>> pick_name("stage", " wafer  Fabrication", ["Design", "Wafer fabrication"])
    'Wafer fabrication'
    >>> pick_name("jurisdiction", "EU", ["European Union"], aliases={"eu": "European Union"})
    'European Union'
    """
    choices = [str(c) for c in choices]
    if isinstance(word, str):
        key = name_key(word)
        for name in choices:
            if key == name_key(name):
                return name
        for other, name in (aliases or {}).items():
            if key == name_key(other) and name in choices:
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
            f"The {kind} must be given as text in quotes,{example} not {said(word)}. "
            f"Allowed: {listed}."
        )
    return KoitError(
        f"There is no {kind} called {said(word)}.{did_you_mean(word, choices)} Allowed: {listed}."
    )


def as_whole(value: object) -> int | None:
    """``value`` as an ``int`` if it is a whole number, else None.

    A whole number is an ``int``, a NumPy or pandas integer (``np.int64(2024)``, what
    ``df["year"].max()`` gives), a 0-d integer array, or any of those as a float with a
    whole value (``2024.0``, ``np.float64(8.0)``). Bools (``True``, ``np.True_``), text,
    NaN and infinity are not.

    Parameters
    ----------
    value : object
        Anything a student may pass.

    Returns
    -------
    int or None

    Examples
    --------
    >>> import numpy as np
    >>> as_whole(np.int64(2024)), as_whole(np.float64(3.0)), as_whole(2.5), as_whole(True)
    (2024, 3, None, None)
    """
    value = plain(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        try:
            x = float(value)
        except (OverflowError, TypeError, ValueError):
            return None
        if math.isfinite(x) and x.is_integer():
            return int(x)
    return None


def is_whole(value: object) -> bool:
    """Whether ``value`` is a whole number (see :func:`as_whole`).

    Parameters
    ----------
    value : object
        Anything a student may pass.

    Returns
    -------
    bool
        True for ``3``, ``numpy.int64(3)`` or ``3.0``; False for ``3.5``, ``"3"``, ``True``.

    Examples
    --------
    >>> is_whole(3), is_whole(3.0), is_whole(3.5), is_whole(True), is_whole("3")
    (True, True, False, False, False)
    """
    return as_whole(value) is not None


def _real(value: object, what: str, example: str, kind: str, finite: bool) -> float:
    """``value`` as a float (NaN passes) if it is a real number, else a KoitError."""
    eg = f", e.g. {example}" if example else ""
    value = plain(value)
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, Real):
        raise KoitError(f"The {what} must be {kind}{eg}, not {said(value)}.")
    try:
        x = float(value)
    except OverflowError:  # an int too large for a float
        raise KoitError(f"The {what} must be a finite number{eg}, not {said(value)}.") from None
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
        The value to check. Bools, text and NaN are refused; NumPy numbers and 0-d
        arrays are fine.
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
        raise KoitError(f"The {what} must be {kind}{eg}, not {said(value)}.")
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
    n = as_whole(value)
    if n is None:
        raise KoitError(message or f"The {what} must be a whole number, not {said(value)}.")
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
        The year asked for: a whole number (see :func:`as_whole`), e.g. ``2024`` or
        ``np.int64(2024)`` from ``df["year"].max()``.
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
    >>> require_year("2024", [2023, 2024], "No data for")
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: Give the year as a number without quotes, e.g. 2024, not '2024'.
    """
    known = sorted({int(y) for y in known})
    listed = ", ".join(map(str, known))
    n = as_whole(year)
    if n is None:
        if isinstance(year, str) and as_whole(_int_text(year)) is not None:
            raise KoitError(
                f"Give the year as a number without quotes, e.g. {year.strip()}, not {year!r}."
            )
        eg = f"e.g. {known[-1]}, " if known else ""
        raise KoitError(
            f"The year must be a whole number, {eg}not {said(year)}. Years in the data: {listed}."
        )
    if n not in known:
        raise KoitError(f"{no_data} {n}. Years in the data: {listed}.")  # 2024, not np.int64(2024)
    return n


def _int_text(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)


def short_traceback(tb, folder: str | None = None):  # type: ignore[no-untyped-def]
    """``tb`` cut before its first frame inside the ``koit_lessons`` package (``folder``).

    A student who passes a bad value sees the line of their own cell and the one
    sentence of the :class:`KoitError`, not a page of the package's frames. A
    traceback whose frames are all outside the package (or all inside) is kept as it
    is. The cut is made in place (``tb_next`` is writable) and the head returned.
    """
    folder = folder or os.path.dirname(os.path.abspath(__file__))
    last, node = None, tb
    while node is not None and not _inside(node.tb_frame.f_code.co_filename, folder):
        last, node = node, node.tb_next
    if last is not None and node is not None:
        last.tb_next = None
    return tb


def _show_short(shell, etype, value, tb, tb_offset=None):  # type: ignore[no-untyped-def]
    shell.showtraceback((etype, value, short_traceback(tb)), tb_offset=tb_offset)


def install_short_tracebacks() -> bool:
    """In a running IPython (a Jupyter kernel), show a :class:`KoitError` with the
    student's own lines only; elsewhere do nothing. Called when ``koit_lessons`` is
    imported; leaves alone a shell that already has its own custom exception handler.

    Returns
    -------
    bool
        Whether the handler is now installed.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if shell.custom_exceptions not in ((), (KoitError,)):
        return False
    shell.set_custom_exc((KoitError,), _show_short)
    return True
