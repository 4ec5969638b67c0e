"""The course's terms in English, Korean and Italian: names of minerals, countries and
groupings, and the key terms of the lessons, from the ``glossary`` table in ``data/``.

The data keep one set of identifiers (a mineral's English name as in the data, a
country's ISO alpha-3 code): this module turns an identifier into its name in the
lesson's language, and a name in any of the three languages back into its identifier,
so that ``minerals.producers("리튬")`` and ``minerals.producers("litio")`` work.
Where a standard exists the translations follow it; ``data.cite("glossary")`` names
the sources.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pandas as pd

from koit_lessons import data, language

__all__ = ["glossary", "name", "identify", "names_of"]

_LANGS = ("en", "ko", "it")


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    return data.table("glossary")


def glossary(kind: str | None = None, lang: str | None = None) -> pd.DataFrame:
    """The glossary: each term in English and in the lesson's language.

    Parameters
    ----------
    kind : str, optional
        "mineral", "country", "grouping" or "term"; None (the default) for all.
    lang : str, optional
        "ko" or "it" for one language beside English; by default the lesson's language,
        and in English both.

    Returns
    -------
    pandas.DataFrame
        Columns ``kind``, ``en`` and the language columns; a new frame.

    Examples
    --------
    >>> glossary("mineral", lang="it").set_index("en").loc["lithium", "it"]
    'litio'
    """
    lang = language.validate(lang) if lang is not None else language.current()
    df = _table()
    if kind is not None:
        df = df[df["kind"] == data_kind(kind)]
    columns = ["kind", "en"] + (["ko", "it"] if lang == "en" else [lang])
    out = df[columns].reset_index(drop=True).copy()
    out.attrs = {"dataset": "glossary", "source": data.source_line("glossary")}
    return out


def data_kind(kind: str) -> str:
    """``kind`` checked against the glossary's kinds (a KoitError names them)."""
    from koit_lessons.errors import pick_name

    return pick_name("glossary kind", kind, ["country", "grouping", "mineral", "term"])


def name(identifier: str, lang: str | None = None, default: str | None = None) -> str:
    """The name of a glossary entry in ``lang`` (default: the lesson's language).

    Parameters
    ----------
    identifier : str
        An ISO alpha-3 code, a mineral as named in the data, or another glossary id.
    lang : str, optional
        "en", "ko" or "it".
    default : str, optional
        Returned for an identifier the glossary does not hold (default: the identifier).

    Returns
    -------
    str

    Examples
    --------
    >>> name("AUS", "ko"), name("lithium", "it"), name("XXX", "ko")
    ('호주', 'litio', 'XXX')
    """
    lang = language.validate(lang) if lang is not None else language.current()
    row = _by_id().get(identifier)
    if row is None:
        return identifier if default is None else default
    return row[lang]


@lru_cache(maxsize=1)
def _by_id() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in _table().to_dict("records")}


@cache
def _lookup(kind: str) -> dict[str, str]:
    df = _table()
    df = df[df["kind"] == kind]
    found: dict[str, str] = {}
    for row in df.to_dict("records"):
        for lang in _LANGS:
            found[" ".join(str(row[lang]).lower().split())] = row["id"]
        found[row["id"].lower()] = row["id"]
    return found


def identify(text: object, kind: str) -> str | None:
    """The identifier of a name written in English, Korean or Italian (None if unknown).

    Parameters
    ----------
    text : object
        A name such as "리튬", "Litio" or "lithium" (case and extra spaces ignored).
    kind : str
        "mineral", "country", "grouping" or "term".

    Returns
    -------
    str or None

    Examples
    --------
    >>> identify("리튬", "mineral"), identify(" Terre rare ", "mineral")
    ('lithium', 'rare earths')
    >>> identify("Cile", "country"), identify("Atlantis", "country")
    ('CHL', None)
    """
    if not isinstance(text, str):
        return None
    return _lookup(data_kind(kind)).get(" ".join(text.lower().split()))


def names_of(identifier: str) -> list[str]:
    """Every name of a glossary entry: English, Korean and Italian.

    Parameters
    ----------
    identifier : str

    Returns
    -------
    list of str
        Empty for an identifier the glossary does not hold.

    Examples
    --------
    >>> names_of("CHL")
    ['Chile', '칠레', 'Cile']
    """
    row = _by_id().get(identifier)
    return [row[lang] for lang in _LANGS] if row else []
