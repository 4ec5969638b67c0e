"""Numbers in lesson prose, bound to the data they come from.

A lesson's prose may state a number only in one of three ways:

- a code cell shows it (its output is compared by the notebook tests), or
- a :class:`Claim` registers it: the text as written ("about 79 %") and a call that
  computes it from the data, with its rounding; :func:`verify` recomputes it, so a data
  refresh that changes the number fails a test until the sentence is changed too, or
- a :class:`Fixed` entry registers it as not coming from the data: quoted from a named
  source, a definition, or a worked example.

``tests/test_claims.py`` recomputes every claim and fails when a bound lesson's prose
holds a percentage or a large figure that no entry covers. The lessons bound so far are
listed in :data:`BOUND`; each has a module ``claims.lessonNN`` with its ``ENTRIES``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

from koit_lessons.errors import KoitError

__all__ = [
    "Claim",
    "Fixed",
    "BOUND",
    "entries",
    "verify",
    "numbers_in",
    "uncovered",
    "undated_rankings",
]

#: lessons whose prose is bound to the data (every number registered): those with a
#: module ``claims.lessonNN``
BOUND = tuple(
    sorted(
        m.name[len("lesson") :]
        for m in pkgutil.iter_modules(__path__)
        if m.name.startswith("lesson")
    )
)

#: a percentage ("79 %", "0.5%") or a large figure ("6,400", "$173.4 billion")
NUMBER = re.compile(
    r"\d[\d,.]*\s?%"
    r"|(?:US)?[$€]?\s?\d[\d,.]*\s?(?:billion|million|trillion|bn)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b"
)
_VALUE = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Claim:
    """A number in a lesson's prose that comes from the data.

    Parameters
    ----------
    text : str
        The words as the prose has them, including the number, e.g. "about 79 %".
    compute : callable
        Returns the number from the data, unrounded.
    digits : int, optional
        The rounding the text uses: decimals (default 0); -2 for hundreds ("9,700").
    relation : str, optional
        "equal" (default): the text's number is the computed one, rounded; "under" or
        "over": the computed number is below or above the text's.
    """

    text: str
    compute: Callable[[], float]
    digits: int = 0
    relation: str = "equal"

    def stated(self) -> float:
        """The number as the text states it."""
        found = _VALUE.search(self.text)
        if found is None:
            raise KoitError(f"The claim {self.text!r} holds no number.")
        return float(found.group().replace(",", ""))

    def problem(self) -> str | None:
        """Why the data do not support the text (None when they do)."""
        value = float(self.compute())
        stated = self.stated()
        if self.relation == "under":
            ok, want = value < stated, f"below {stated:g}"
        elif self.relation == "over":
            ok, want = value > stated, f"above {stated:g}"
        else:
            rounded = round(value, self.digits)
            ok, want = rounded == stated, f"{rounded:g} (rounded to {self.digits} digits)"
        return None if ok else f"{self.text!r} says {stated:g}, the data give {want}"


@dataclass(frozen=True)
class Fixed:
    """A number in a lesson's prose that does not come from the data: a quote from a
    named source, a definition or a worked example.

    Parameters
    ----------
    text : str
        The words as the prose has them, including the number.
    why : str
        Where it comes from: the source (publisher, title, year) or "definition" /
        "worked example".
    """

    text: str
    why: str


def entries(lesson: str) -> list[Claim | Fixed]:
    """The registered numbers of one lesson (its module ``claims.lessonNN``; none for a
    lesson without one, whose prose must then hold no percentage or large figure)."""
    if lesson not in BOUND:
        return []
    return list(importlib.import_module(f"koit_lessons.claims.lesson{lesson}").ENTRIES)


def verify(lesson: str) -> list[str]:
    """Recompute every claim of one lesson; the problems, one sentence each."""
    return [p for e in entries(lesson) if isinstance(e, Claim) and (p := e.problem())]


def numbers_in(text: str) -> list[re.Match[str]]:
    """The percentages and large figures in a piece of prose."""
    return list(NUMBER.finditer(text))


def uncovered(text: str, registered: list[Claim | Fixed]) -> list[str]:
    """The numbers in ``text`` that no registered entry's text covers."""
    spans = []
    for e in registered:
        start = text.find(e.text)
        while start >= 0:
            spans.append((start, start + len(e.text)))
            start = text.find(e.text, start + 1)
    return [
        m.group()
        for m in numbers_in(text)
        if not any(a <= m.start() and m.end() <= b for a, b in spans)
    ]


#: words that rank ("largest", "second-largest", "#1", "leads")
_RANK = re.compile(
    r"\b(?:largest|biggest|(?:second|third|fourth|fifth)[- ]largest|number one|top producer"
    r"|leads?|(?<!-)led|leader|leading(?!-edge))\b|#1\b",
    re.I,
)
#: a year (1800-2099) or a quarter ("2025Q2", "2Q25")
_WHEN = re.compile(r"\b(?:1[89]\d\d|20\d\d)(?:Q[1-4])?\b|\b[1-4]Q\d\d\b")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def undated_rankings(text: str, names: set[str]) -> list[str]:
    """The sentences of ``text`` that rank a named country or company ("Chile, the
    largest producer, ...") without saying the year or quarter.

    Questions, words inside quotation marks and sentences that ask for the year are
    not claims, and are skipped.

    Examples
    --------
    >>> undated_rankings("Chile is the largest producer. In 2024 Chile led.", {"Chile"})
    ['Chile is the largest producer.']
    """
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )
    found = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", text):
        bare = _QUOTED.sub("", sentence)
        if sentence.strip().endswith("?") or "which year" in sentence:
            continue
        if _RANK.search(bare) and pattern.search(bare) and not _WHEN.search(sentence):
            found.append(sentence.strip())
    return found
