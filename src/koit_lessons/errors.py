"""The one exception type that koit-lessons raises on bad input, with friendly wording."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class KoitError(ValueError):
    """Raised when a helper gets a name, type or value it cannot use.

    The message always says what was wrong and what is allowed, so that a student
    can fix the call without reading a traceback.
    """


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """Return ' Did you mean: a, b?' for close matches of ``word``, or '' if none.

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


def unknown_name(
    kind: str, word: object, choices: Iterable[str], more: str = "", shown: int = 10
) -> KoitError:
    """Build the standard error for an unknown name, listing what is allowed.

    Long lists are cut after ``shown`` names; ``more`` can say where to see them all.
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


def require_year(year: object, known: Iterable[int], no_data: str) -> int:
    """Return ``year`` if it is one of the ``known`` years, else raise a KoitError that
    starts with ``no_data`` (e.g. "There are no data for the year") and lists the years.

    >>> require_year(2024, [2023, 2024], "There are no data for the year")
    2024
    """
    known = sorted(known)
    if isinstance(year, bool) or not isinstance(year, int) or year not in known:
        raise KoitError(f"{no_data} {year!r}. Years in the data: {', '.join(map(str, known))}.")
    return year
