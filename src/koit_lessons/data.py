"""Load the curated data sets that ship with koit-lessons.

Every data set is a CSV file described in ``datapackage.json`` (the Frictionless
Data Package standard): its fields, types, units, sources and notes. Three
functions are all a lesson needs::

    >>> from koit_lessons import data
    >>> data.list_datasets()                # what is there            # doctest: +SKIP
    >>> minerals = data.load("mineral_production")    # a fresh, typed DataFrame
    >>> data.cite("mineral_production")        # where the numbers come from   # doctest: +SKIP

Loading never writes anything: each call reads the shipped file and returns a new
DataFrame, so changing it in a notebook cannot change the data.

The package's own modules read through :func:`table` instead: one cache for every
data set, read once per session and shared, so they must not change what it returns
(they filter it into new frames, or ``.copy()`` it first).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from datetime import date
from typing import Any

import pandas as pd

from koit_lessons.errors import KoitError, pick_name, unknown_name
from koit_lessons.language import marked
from koit_lessons.resources import data_dir

__all__ = [
    "list_datasets",
    "load",
    "table",
    "cite",
    "citation",
    "describe",
    "source_line",
    "names",
    "status",
    "data_years",
]

_PANDAS_TYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
}


@functools.lru_cache(maxsize=1)
def _package() -> dict[str, Any]:
    path = data_dir() / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KoitError(
            "The data description file datapackage.json is missing from this installation. "
            "Reinstall koit-lessons."
        ) from None
    except json.JSONDecodeError as exc:
        raise KoitError(
            f"The data description file datapackage.json is damaged ({exc.msg}, line "
            f"{exc.lineno}). Reinstall koit-lessons."
        ) from None


def names() -> list[str]:
    """The names of all shipped data sets, in the order of ``datapackage.json``.

    Returns
    -------
    list of str
        The ``name`` of every resource in ``datapackage.json``.

    Examples
    --------
    >>> names()[:2]
    ['mineral_production', 'ai_training_compute']
    """
    return [r["name"] for r in _package()["resources"]]


def _resource(name: object) -> dict[str, Any]:
    """The entry of the data set ``name`` (case and spaces around it ignored)."""
    name = pick_name("data set", name, names(), more="see data.list_datasets()")
    for r in _package()["resources"]:
        if r["name"] == name:
            return r
    raise unknown_name("data set", name, names(), more="see data.list_datasets()")


def describe(name: str) -> dict[str, Any]:
    """The full description of one data set (a copy of its ``datapackage.json`` entry).

    Parameters
    ----------
    name : str
        A data set name, as listed by :func:`list_datasets` (case and spaces around
        it are ignored).

    Returns
    -------
    dict
        A deep copy of the entry (fields, sources, notes, ...); changing it changes nothing.

    Raises
    ------
    KoitError
        If there is no data set called ``name``.

    Examples
    --------
    >>> describe("mineral_production")["name"]
    'mineral_production'
    """
    return copy.deepcopy(_resource(name))


def load(name: str) -> pd.DataFrame:
    """Load a data set as a new DataFrame with the types its schema declares.

    Parameters
    ----------
    name : str
        A data set name, as listed by :func:`list_datasets` (case and spaces around
        it are ignored).

    Returns
    -------
    pandas.DataFrame
        A fresh copy: you can change it freely, the shipped file never changes.
        ``df.attrs["source"]`` holds a one-line source note used by the plots.

    Examples
    --------
    >>> df = load("mineral_production")
    >>> sorted(df["mineral"].unique())[:2]
    ['bauxite', 'cobalt']
    """
    res = _resource(name)
    name = res["name"]  # as spelled in datapackage.json, whatever the case or spaces given
    schema = res["schema"]
    fields = schema["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES.get(f.get("type", "string"), "string") for f in fields}
    dates = [f["name"] for f in fields if f.get("type") in ("date", "datetime")]
    for col in dates:
        dtypes.pop(col)
    path = data_dir() / res["path"]
    try:
        with path.open("r", encoding="utf-8") as fh:
            df = pd.read_csv(
                fh,
                dtype=dtypes,
                keep_default_na=False,
                na_values=schema.get("missingValues", [""]),
                parse_dates=dates or False,
            )
    except FileNotFoundError:
        raise KoitError(
            f"The file for data set {name!r} ({res['path']}) is missing from this "
            "installation. Reinstall koit-lessons."
        ) from None
    except (ValueError, TypeError, pd.errors.ParserError) as exc:
        raise KoitError(
            f"The file for data set {name!r} ({res['path']}) does not match its "
            f"description and could not be read: {str(exc).splitlines()[0]}. "
            "Reinstall koit-lessons."
        ) from None
    expected = [f["name"] for f in fields]
    if list(df.columns) != expected:
        raise KoitError(
            f"The file for data set {name!r} has columns {list(df.columns)}, but its "
            f"description lists {expected}. Reinstall koit-lessons."
        )
    df.attrs["dataset"] = name
    df.attrs["source"] = source_line(name)
    return df


def table(name: str) -> pd.DataFrame:
    """The shared, read-once copy of a data set, for the modules of this package.

    Every topic module reads the shipped data through this one cache instead of
    calling :func:`load` each time. The frame is shared by all callers, so treat it
    as read-only: filter it into a new frame, or ``.copy()`` it before changing
    anything (columns, values or ``attrs``). In a notebook, use :func:`load`, which
    returns a fresh frame you may change.

    Parameters
    ----------
    name : str
        As for :func:`load`.

    Returns
    -------
    pandas.DataFrame
        The same object on every call for the same ``name``, typed as by :func:`load`.

    Examples
    --------
    >>> table("mineral_production") is table("mineral_production")
    True
    >>> table("mineral_production").attrs["dataset"]
    'mineral_production'
    """
    # a friendly error for a bad name, and one spelling, before the cache sees it
    return _table(_resource(name)["name"])


@functools.cache
def _table(name: str) -> pd.DataFrame:
    return load(name)


def _sources(res: dict[str, Any]) -> list[dict[str, Any]]:
    return res.get("sources") or _package().get("sources", [])


def source_line(name: str) -> str:
    """A short source note for the foot of a figure, e.g. 'Source: USGS, ... (data 2024).'

    Parameters
    ----------
    name : str
        A data set name, as listed by :func:`list_datasets` (case and spaces around
        it are ignored).

    Returns
    -------
    str
        "Source: " and, for each source, "publisher, title" with its data year if known,
        joined by "; ". The data set's own sources, else the package's.

    Raises
    ------
    KoitError
        If there is no data set called ``name``.

    Examples
    --------
    >>> source_line("msp_members")[:31]
    'Source: The Korea Herald (Yonha'
    """
    parts = []
    for s in _sources(_resource(name)):
        bit = f"{s.get('publisher', '')}, {s['title']}".strip(", ")
        if s.get("data_year"):
            bit += f" (data year {s['data_year']})"
        parts.append(bit)
    return localised_source("Source: " + "; ".join(parts) + ".")


_DATA_YEARS = re.compile(r"\s\(data\s+years?\s")  # a wrapped line may break inside
_REVISED, _ESTIMATED, _AND = marked("(revised)"), marked("(estimated)"), marked(" and ")
# the value chain's and the capacity data's years: "2019 (inputs)", "2022 (projection 2032)"
_INPUTS, _STAGES, _PROJECTION = marked("(inputs)"), marked("(stages)"), marked("projection")


def localised_source(text: str) -> str:
    """A source line (as :func:`koit_lessons.data.source_line` writes it) with its own
    words in the lesson's language: "Source:" and "(data year 2024)"; the publishers and
    titles stay as they were published.

    >>> localised_source("Source: USGS, Mineral Commodity Summaries (data year 2024).")
    'Source: USGS, Mineral Commodity Summaries (data year 2024).'
    """
    from koit_lessons.language import current, tr

    if current() == "en":
        return text
    if (whole := tr(text)) != text:  # a line translated whole, e.g. networks.SOURCE
        return whole
    if text.startswith("Source: "):
        text = tr("Source: {text}", text=text[len("Source: ") :])
    if text.startswith("Sources: "):
        text = tr("Sources: {text}", text=text[len("Sources: ") :])
    out, rest = "", text
    while (m := _DATA_YEARS.search(rest)) is not None:
        start, depth, i = m.start(), 0, m.start() + 1
        for i in range(m.start() + 1, len(rest)):  # the bracket that closes this one
            depth += {"(": 1, ")": -1}.get(rest[i], 0)
            if depth == 0:
                break
        years = " ".join(rest[m.end() : i].split())
        for word in (_REVISED, _ESTIMATED, _AND, _INPUTS, _STAGES, _PROJECTION):
            years = years.replace(word, tr(word))
        out += rest[:start] + tr(" (data year {years})", years=years)
        rest = rest[i + 1 :]
    return out + rest


def citation(name: str) -> str:
    """The full citation and notes of a data set, as text.

    Parameters
    ----------
    name : str
        A data set name, as listed by :func:`list_datasets` (case and spaces around
        it are ignored).

    Returns
    -------
    str
        Several lines: the title and name, one line per source (publisher, title, edition,
        date, data year, table, URL, access date where known), the license and the notes.

    Raises
    ------
    KoitError
        If there is no data set called ``name``.

    Examples
    --------
    >>> citation("msp_members").splitlines()[0][:40]
    'Members of the Minerals Security Partner'
    """
    res = _resource(name)
    lines = [f"{res['title']}  [{res['name']}]", ""]
    for s in _sources(res):
        cite = f"{s.get('publisher', '')}. {s['title']}"
        if s.get("edition"):
            cite += f", {s['edition']}"
        if s.get("published"):
            cite += f" ({s['published']})"
        cite += "."
        if s.get("data_year"):
            cite += f" Data year: {s['data_year']}."
        if s.get("table"):
            cite += f" {s['table']}."
        cite += f" {s['path']}"
        if s.get("accessed"):
            cite += f" (accessed {s['accessed']})"
        lines.append("- " + cite)
    lic = res.get("licenses") or _package().get("licenses", [])
    if lic:
        lines += ["", "License: " + "; ".join(lc.get("title", lc.get("name", "")) for lc in lic)]
    notes = res.get("notes", [])
    if notes:
        lines += ["", "Notes:"] + [f"- {n}" for n in notes]
    return "\n".join(lines)


def cite(name: str) -> None:
    """Print where a data set comes from: publisher, title, edition, data year, URL, notes.

    Parameters
    ----------
    name : str
        A data set name, as listed by :func:`list_datasets` (case and spaces around
        it are ignored).

    Raises
    ------
    KoitError
        If there is no data set called ``name``.

    Examples
    --------
    >>> cite("msp_members")  # doctest: +ELLIPSIS
    Members of the Minerals Security Partnership (June 2024)  [msp_members]
    ...
    """
    print(citation(name))


def _row_count(path_name: str) -> int:
    with (data_dir() / path_name).open("r", encoding="utf-8") as fh:
        return max(sum(1 for line in fh if line.strip()) - 1, 0)


def list_datasets() -> pd.DataFrame:
    """A table of the shipped data sets: name, title, rows and source.

    Reference tables (``"role": "reference"`` in ``datapackage.json``, e.g. the glossary)
    are left out: they are loaded like the others but are not data to analyse.

    Returns
    -------
    pandas.DataFrame
        One row per data set; ``rows`` counts the non-blank lines of its CSV file after the
        header.

    Examples
    --------
    >>> list_datasets().columns.tolist()
    ['name', 'title', 'rows', 'source']
    """
    rows = []
    for r in _package()["resources"]:
        if r.get("role") == "reference":  # the glossary: not a data set to analyse
            continue
        src = _sources(r)
        rows.append(
            {
                "name": r["name"],
                "title": r["title"],
                "rows": _row_count(r["path"]),
                "source": "; ".join(f"{s.get('publisher', '')}, {s['title']}" for s in src),
            }
        )
    return pd.DataFrame(rows)


#: the columns that hold a data set's time: a year, a quarter or a period
_TIME_COLUMNS = ("quarter", "year", "period")


def _runs(labels: list[str], step) -> str:
    """ "2012, 2014–2016" from sorted labels, joining neighbours that ``step`` links."""
    parts: list[list[str]] = []
    for label in labels:
        if parts and step(parts[-1][-1]) == label:
            parts[-1].append(label)
        else:
            parts.append([label])
    return ", ".join(p[0] if len(p) == 1 else f"{p[0]}–{p[-1]}" for p in parts)


def _next_quarter(q: str) -> str:
    year, n = int(q[:4]), int(q[-1])
    return f"{year + n // 4}Q{n % 4 + 1}"


def data_years(name: str) -> str:
    """The years or quarters a data set covers, read from its own rows.

    Parameters
    ----------
    name : str
        A data set name.

    Returns
    -------
    str
        Runs of years or quarters, e.g. "2012, 2014–2025" or "2025Q1–2025Q2"; for a data
        set without a year, quarter or period column, what its metadata declares.

    Examples
    --------
    >>> data_years("mineral_production")
    '2024–2025'
    >>> data_years("foundry_market_share")
    '2025Q1–2025Q4'
    """
    res = _resource(name)
    declared = res.get("koit_status", {}).get("data_years")
    if declared:
        return declared
    df = _table(name)
    for column in _TIME_COLUMNS:
        if column in df.columns:
            labels = sorted({str(v) for v in df[column].dropna()})
            if column == "quarter":
                return _runs(labels, _next_quarter)
            if all(v.isdigit() for v in labels):
                return _runs(labels, lambda y: str(int(y) + 1))
            return ", ".join(labels)
    raise KoitError(f"The data set {name} has no year column and declares no data years.")


def _age(published: str, today: date) -> str:
    parts = published.split("-")
    if not parts[0].isdigit():
        return ""
    year = int(parts[0])
    if len(parts) == 1:
        years = today.year - year
        return "this year" if years == 0 else f"{years} year{'s' * (years != 1)}"
    months = (today.year - year) * 12 + today.month - int(parts[1])
    if months < 24:
        return f"{months} month{'s' * (months != 1)}"
    years, months = divmod(months, 12)
    return f"{years} years" + (f" {months} month{'s' * (months != 1)}" if months else "")


def status(today: date | None = None) -> pd.DataFrame:
    """How current each data set is: edition, publication date and age, data years, when
    it was read, the publisher's rhythm, the next edition, and any newer edition not yet
    used.

    Parameters
    ----------
    today : datetime.date, optional
        The date to measure ages from (default: today).

    Returns
    -------
    pandas.DataFrame
        One row per data set: ``name``, ``edition``, ``published``, ``age`` (since
        publication, at the precision of the date given), ``data_years`` (see
        :func:`data_years`), ``accessed``, ``cadence``, ``next``, ``newer``.

    Examples
    --------
    >>> from datetime import date
    >>> row = status(date(2026, 12, 2)).set_index("name").loc["foundry_market_share"]
    >>> row["published"], row["age"], row["data_years"]
    ('2026-03-12', '9 months', '2025Q1–2025Q4')
    """
    if today is None:
        today = date.today()
    elif not isinstance(today, date):
        raise KoitError(f"today= must be a date, e.g. date(2026, 12, 2), not {today!r}.")
    rows = []
    for r in _package()["resources"]:
        st = r.get("koit_status", {})
        rows.append(
            {
                "name": r["name"],
                "edition": st.get("edition", ""),
                "published": st.get("published", ""),
                "age": _age(st.get("published", ""), today),
                "data_years": data_years(r["name"]),
                "accessed": st.get("accessed", ""),
                "cadence": st.get("cadence", ""),
                "next": st.get("next", ""),
                "newer": st.get("newer", ""),
            }
        )
    return pd.DataFrame(rows)
