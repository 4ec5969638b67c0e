"""Korea and Italy in numbers (lesson 07): a sourced timeline and bilateral trade.

Four data sets serve this module: ``korea_italy_timeline`` (events from the 1884
treaty to 2026), ``korea_italy_trade`` (trade in goods, one row per series, flow and
year), ``korea_eu_partners`` (the EU member states Eurostat names as the largest
traders with Korea) and ``korea_italy_trade_products`` (what each side sells).

Trade figures come in **series**: one reporter and one unit each. Never compare
numbers across series: euros from EU statistics and dollars from Korean figures
measure the same goods differently. The balance is computed here, never stored.

>>> from koit_lessons import partnership
>>> t = partnership.trade("korea_usd")
>>> float(t.set_index("year").loc[2018, "balance"])  # Korea's balance with Italy, USD bn
-1.81
>>> partnership.surplus_side("korea_usd", 2018)
'Italy'
"""

from __future__ import annotations

import textwrap

import pandas as pd

from koit_lessons import data, glossary, language, metrics
from koit_lessons.errors import KoitError, pick_name, require_whole, require_year, said

__all__ = [
    "FTA_PROVISIONAL_YEAR",
    "FLOWS",
    "SIDES",
    "timeline",
    "categories",
    "series_names",
    "series_info",
    "flows",
    "value",
    "trade",
    "growth",
    "cagr",
    "before_after",
    "surplus_side",
    "eu_partners",
    "eu_rank",
    "products",
]

#: The EU–Korea FTA has been provisionally applied since 1 July 2011.
FTA_PROVISIONAL_YEAR = 2011
#: The two directions of trade, as the data set names them.
FLOWS = ("Korea to Italy", "Italy to Korea")
#: The two sides from whose point of view a trade table can be read.
SIDES = ("Korea", "Italy")


def side_aliases() -> dict[str, str]:
    """Every way the three editions write the two sides, → "Korea" or "Italy" (an
    edition writes ``side="Italia"`` where the English says ``side="Italy"``).

    >>> side_aliases()["이탈리아"], side_aliases()["corea"]
    ('Italy', 'Korea')
    """
    out = {}
    for code, side in (("KOR", "Korea"), ("ITA", "Italy")):
        for name in [*glossary.names_of(code), side, {"Korea": "Corea", "Italy": "Italia"}[side]]:
            out[" ".join(name.split()).lower()] = side
    out["한국"] = "Korea"
    return out


# --------------------------------------------------------------------- timeline
def categories() -> list[str]:
    """The kinds of event in the timeline (treaty, visit, summit ...).

    Returns
    -------
    list of str
        The categories, alphabetically.

    Examples
    --------
    >>> categories()[:3]
    ['agreement signed', 'dialogue', 'diplomatic']
    """
    return sorted(data.table("korea_italy_timeline")["category"].unique())


def timeline(category: str | None = None) -> pd.DataFrame:
    """The sourced timeline of Korea–Italy relations, oldest first.

    Parameters
    ----------
    category : str, optional
        Keep only one kind of event, e.g. ``"visit"`` (see :func:`categories`; case and
        surrounding spaces are ignored); None (the default) keeps all.

    Returns
    -------
    pandas.DataFrame
        A new frame sorted by ``date``; ``attrs["source"]`` is a wrapped note naming the
        publishers.

    Raises
    ------
    KoitError
        If ``category`` is not one of :func:`categories`.

    Examples
    --------
    >>> timeline("treaty")["date"].tolist()
    ['1884-06-26']
    """
    df = data.table("korea_italy_timeline")
    if category is not None:
        category = pick_name("event category", category, categories())
        df = df[df["category"] == category]
    out = df.sort_values("date", kind="stable").reset_index(drop=True)
    out.attrs = dict(df.attrs)
    publishers = list(dict.fromkeys(out["source_publisher"]))
    out.attrs["source"] = _wrap(  # in the edition's language: the timeline figure shows it
        language.tr(
            "Source: one source per event ({n} publishers, e.g. {examples}); see the source "
            "columns and data.cite('korea_italy_timeline').",
            n=len(publishers),
            examples="; ".join(publishers[:3]),
        )
    )
    return out


def _same_source(part: pd.DataFrame, flow: str, years: list[int]) -> None:
    """Refuse to compare years of a series whose publishers differ and name no statistics.

    Growth between two such figures would mix two unknown sources (series ``press_usd``).
    """
    rows = part[(part["flow"] == flow) & (part["year"].isin(years))]
    publishers = list(dict.fromkeys(rows["source_publisher"]))
    unnamed = rows["reporter"].str.startswith("not stated").any()
    if len(publishers) > 1 and unnamed:
        raise KoitError(
            language.tr(
                "In the series {series} the years {years} come from a different publisher each "
                "({publishers}), and neither names its statistics, so no growth is computed "
                "between them.",
                series=repr(part["series"].iloc[0]),
                years=", ".join(map(str, years)),
                publishers="; ".join(publishers),
            )
        )  # in the edition's language: the trade explorer shows it (press_usd)


# ------------------------------------------------------------------------ trade
def series_names() -> list[str]:
    """The trade series: each has one reporter and one unit.

    Returns
    -------
    list of str
        The series names, alphabetically.

    Examples
    --------
    >>> series_names()
    ['eurostat_eur', 'korea_usd', 'press_usd']
    """
    return sorted(data.table("korea_italy_trade")["series"].unique())


def _series(series: object) -> pd.DataFrame:
    rows = data.table("korea_italy_trade")
    name = pick_name("trade series", series, sorted(rows["series"].unique()))
    part = rows[rows["series"] == name].reset_index(drop=True)
    part.attrs = dict(rows.attrs)
    part.attrs["source"] = _source_for(part)
    return part


def _series_name(series: object) -> str:
    return pick_name("trade series", series, series_names())


def _wrap(text: str) -> str:
    """Wrap a long source note so that it fits under a figure."""
    return textwrap.fill(text, width=115)


def _source_for(part: pd.DataFrame) -> str:
    publishers = list(dict.fromkeys(part["source_publisher"]))
    years = ", ".join(str(y) for y in sorted(part["year"].unique()))
    return _wrap("Source: " + "; ".join(publishers) + f" (data years {years}).")


def series_info(series: str) -> dict[str, str]:
    """Reporter, unit and the years of one series, in words.

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.

    Returns
    -------
    dict of str to str
        Keys ``series``, ``reporter`` (joined by "; "), ``unit``, ``years`` (joined by ", ")
        and ``source``.

    Raises
    ------
    KoitError
        If ``series`` is not one of :func:`series_names`.

    Examples
    --------
    >>> series_info("korea_usd")["unit"]
    'USD billion'
    """
    part = _series(series)
    return {
        "series": str(part["series"].iloc[0]),
        "reporter": "; ".join(dict.fromkeys(part["reporter"])),
        "unit": str(part["unit"].iloc[0]),
        "years": ", ".join(str(y) for y in sorted(part["year"].unique())),
        "source": part.attrs["source"],
    }


def _flow(flow: object) -> str:
    return pick_name("trade flow", flow, FLOWS)


def flows(series: str, flow: str) -> pd.Series:
    """One flow of one series as a Series indexed by year (only the years published).

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.
    flow : str
        One of :data:`FLOWS`: "Korea to Italy" or "Italy to Korea".

    Returns
    -------
    pandas.Series
        Values in the series' unit, indexed by year (int), oldest first; the name gives the
        flow and the unit.

    Raises
    ------
    KoitError
        If the series or the flow is unknown.

    Examples
    --------
    >>> flows("korea_usd", "Korea to Italy").to_dict()
    {2018: 4.493}
    """
    part = _series(series)
    f = _flow(flow)
    s = part[part["flow"] == f].set_index("year")["value"].sort_index()
    s.index = s.index.astype(int)
    s.name = f"{f} ({part['unit'].iloc[0]})"
    return s


def value(series: str, flow: str, year: int) -> float:
    """One published figure, e.g. ``value("korea_usd", "Korea to Italy", 2018)``.

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.
    flow : str
        One of :data:`FLOWS`.
    year : int
        A year the series publishes for that flow (a number, not text).

    Returns
    -------
    float
        The figure, in the series' unit.

    Raises
    ------
    KoitError
        If the series, flow or year is not in the data.

    Examples
    --------
    >>> value("korea_usd", "Korea to Italy", 2018)
    4.493
    """
    s = flows(series, flow)
    series, flow = _series_name(series), _flow(flow)  # as spelled in the data, for messages
    year = require_year(year, s.index, f"The series {series!r} has no {flow!r} figure for the year")
    return float(s.loc[year])


def trade(series: str = "korea_usd", side: str = "Korea") -> pd.DataFrame:
    """Exports, imports, balance and total of one series, one row per year.

    Read from ``side``'s point of view: for ``side="Korea"`` exports are Korea's
    exports to Italy and the balance is Korea's surplus (+) or deficit (-). Where a
    source gives only one flow in a year, the other flow, the balance and the
    total are missing (NaN): nothing is filled in.

    Parameters
    ----------
    series : str, optional
        A series from :func:`series_names` (default "korea_usd").
    side : str, optional
        "Korea" (the default) or "Italy" (case and surrounding spaces are ignored).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``exports``, ``imports``, ``balance``, ``total`` (in the series'
        unit), ``unit`` and ``side``, oldest year first.

    Raises
    ------
    KoitError
        If the series or the side is unknown.

    Examples
    --------
    >>> trade("korea_usd").columns.tolist()
    ['year', 'exports', 'imports', 'balance', 'total', 'unit', 'side']
    """
    part = _series(series)
    side = pick_name("side", side, SIDES, aliases=side_aliases())
    wide = part.pivot(index="year", columns="flow", values="value").reindex(columns=list(FLOWS))
    out_flow, in_flow = FLOWS if side == "Korea" else FLOWS[::-1]
    table = pd.DataFrame(
        {
            "year": wide.index.astype(int),
            "exports": wide[out_flow].to_numpy(dtype=float),
            "imports": wide[in_flow].to_numpy(dtype=float),
        }
    )
    table["balance"] = (table["exports"] - table["imports"]).round(6)
    table["total"] = (table["exports"] + table["imports"]).round(6)
    table["unit"] = part["unit"].iloc[0]
    table["side"] = side
    table = table.sort_values("year").reset_index(drop=True)
    table.attrs = {"dataset": "korea_italy_trade", "source": part.attrs["source"]}
    return table


def surplus_side(series: str, year: int) -> str:
    """Which side sold more to the other in ``year``: 'Korea', 'Italy' or 'neither'.

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.
    year : int
        A year in which the series gives both flows.

    Returns
    -------
    str
        'Korea', 'Italy' or 'neither' (a balance of exactly 0).

    Raises
    ------
    KoitError
        If the series is unknown or does not give both flows for ``year``.

    Examples
    --------
    >>> surplus_side("korea_usd", 2018)
    'Italy'
    """
    table = trade(series).set_index("year")
    series = _series_name(series)
    complete = table.dropna(subset=["balance"]).index
    year = require_year(
        year, complete, f"The series {series!r} does not give both flows for the year"
    )
    balance = table.loc[year, "balance"]
    return "Korea" if balance > 0 else "Italy" if balance < 0 else "neither"


def growth(series: str, flow: str, start: int, end: int) -> float:
    """Growth of one flow from ``start`` to ``end`` in percent (metrics.growth_rate).

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.
    flow : str
        One of :data:`FLOWS`.
    start, end : int
        Two years the series publishes for that flow; ``end`` after ``start``.

    Returns
    -------
    float
        The growth in %.

    Raises
    ------
    KoitError
        If a name or year is not in the data, ``end`` is not after ``start``, or the two
        figures come from different unnamed sources.

    Examples
    --------
    >>> round(growth("eurostat_eur", "Italy to Korea", 2008, 2014), 1)
    61.5
    """
    a, b = _two_years(series, flow, start, end)
    return metrics.growth_rate(a, b)


def cagr(series: str, flow: str, start: int, end: int) -> float:
    """Compound annual growth of one flow from ``start`` to ``end``, % per year.

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.
    flow : str
        One of :data:`FLOWS`.
    start, end : int
        Two years the series publishes for that flow; ``end`` after ``start``.

    Returns
    -------
    float
        The compound annual growth in % per year over ``end - start`` years.

    Raises
    ------
    KoitError
        As for :func:`growth`, or if a figure is not positive.

    Examples
    --------
    >>> round(cagr("eurostat_eur", "Italy to Korea", 2008, 2014), 1)
    8.3
    """
    a, b = _two_years(series, flow, start, end)
    return metrics.cagr(a, b, end - start)


def _two_years(series: str, flow: str, start: object, end: object) -> tuple[float, float]:
    s = flows(series, flow)
    series, flow = _series_name(series), _flow(flow)
    no_data = f"The series {series!r} has no {flow!r} figure for the year"
    start = require_year(start, s.index, no_data)
    end = require_year(end, s.index, no_data)
    if end <= start:
        raise KoitError(f"The end year ({end}) must come after the start year ({start}).")
    _same_source(_series(series), _flow(flow), [start, end])
    return float(s.loc[start]), float(s.loc[end])


def before_after(series: str, flow: str, event_year: int = FTA_PROVISIONAL_YEAR) -> pd.Series:
    """Average of one flow in the published years before ``event_year`` and from it on.

    This is a comparison, not a cause: anything else that changed between the two
    periods (exchange rates, the 2009 and 2020 shocks, demand in the world) is in it.

    Parameters
    ----------
    series : str
        A series from :func:`series_names`.
    flow : str
        One of :data:`FLOWS`.
    event_year : int, optional
        The first year of the "after" period (default ``FTA_PROVISIONAL_YEAR``, 2011).

    Returns
    -------
    pandas.Series
        ``series``, ``flow``, ``event_year``, ``before_years``, ``after_years`` (years
        joined by ", "), ``mean_before``, ``mean_after`` and ``change_pct``.

    Raises
    ------
    KoitError
        If a name is unknown, ``event_year`` is not whole, a period has no figures, or the
        figures come from different unnamed sources.

    Examples
    --------
    >>> ba = before_after("eurostat_eur", "Italy to Korea")
    >>> ba["before_years"], ba["after_years"]
    ('2008', '2014')
    """
    event_year = require_whole(
        event_year,
        message=f"The event year must be a whole number such as 2011, not {said(event_year)}.",
    )
    s = flows(series, flow)
    series, flow = _series_name(series), _flow(flow)
    before, after = s[s.index < event_year], s[s.index >= event_year]
    if before.empty or after.empty:
        raise KoitError(
            f"The series {series!r} needs {flow!r} figures on both sides of {event_year} "
            f"to compare; it has them for {', '.join(map(str, s.index))}."
        )
    _same_source(_series(series), _flow(flow), list(s.index))
    mean_before, mean_after = float(before.mean()), float(after.mean())
    return pd.Series(
        {
            "series": series,
            "flow": flow,
            "event_year": event_year,
            "before_years": ", ".join(map(str, before.index)),
            "after_years": ", ".join(map(str, after.index)),
            "mean_before": mean_before,
            "mean_after": mean_after,
            "change_pct": metrics.growth_rate(mean_before, mean_after),
        }
    )


# ------------------------------------------------------------------ EU partners
def eu_partners(year: int, flow: str = "exports to Korea") -> pd.DataFrame:
    """The EU member states Eurostat names for ``year`` and ``flow``, with their rank.

    Ranks count only the members the release names (ties share a rank), so they are
    ranks among the largest traders, not a full table of the EU.

    Parameters
    ----------
    year : int
        A year with data for ``flow``.
    flow : str, optional
        A flow as written in ``korea_eu_partners`` (default "exports to Korea").

    Returns
    -------
    pandas.DataFrame
        A copy of the rows with ``rank`` (int) added, sorted by rank and name; ``attrs``
        holds the data set name and a source line.

    Raises
    ------
    KoitError
        If the flow or year is not in the data.

    Examples
    --------
    >>> eu_partners(2014)["member_state"].iloc[0]
    'Germany'
    """
    df = data.table("korea_eu_partners")
    flow = pick_name("flow", flow, sorted(df["flow"].unique()))
    df = df[df["flow"] == flow]
    no_data = "The EU partner data have no figures for the year"
    year = require_year(year, df["year"].unique(), no_data)
    out = df[df["year"] == year].copy()
    out["rank"] = out["value"].rank(ascending=False, method="min").astype(int)
    out = out.sort_values(["rank", "member_state"]).reset_index(drop=True)
    if language.current() != "en":  # the names as the edition writes them (Italia, 독일)
        out["member_state"] = [
            glossary.name(code, default=name) if isinstance(code, str) else name
            for code, name in zip(out["iso3"], out["member_state"], strict=True)
        ]
    publishers = "; ".join(dict.fromkeys(out["source_publisher"]))
    out.attrs = {
        "dataset": "korea_eu_partners",
        "source": _wrap(f"Source: {publishers} (data year {year})."),
    }
    return out


def eu_rank(year: int, flow: str = "exports to Korea", member: str = "Italy") -> int:
    """The rank of ``member`` among the member states the Eurostat release names.

    Parameters
    ----------
    year : int
        A year with data for ``flow``.
    flow : str, optional
        As for :func:`eu_partners` (default "exports to Korea").
    member : str, optional
        A member state named in that release (default "Italy"; read in title case).

    Returns
    -------
    int
        The rank, 1 for the largest.

    Raises
    ------
    KoitError
        If the flow or year is not in the data, or the release does not name ``member``.

    Examples
    --------
    >>> eu_rank(2014)
    4
    """
    table = eu_partners(year, flow)
    names = table["member_state"].tolist()
    # a member state in any of the three editions' words: Italy, Italia, 이탈리아
    aliases = {
        " ".join(other.split()).lower(): shown
        for code, shown in zip(table["iso3"], names, strict=True)
        if isinstance(code, str)
        for other in glossary.names_of(code)
    }
    try:
        member = pick_name("member state named in this release", member, names, aliases=aliases)
    except KoitError as err:
        raise KoitError(f"{err} Eurostat named only the largest traders in {said(year)}.") from None
    return int(table.set_index("member_state").loc[member, "rank"])


# --------------------------------------------------------------------- products
def products(direction: str | None = None) -> pd.DataFrame:
    """The main product groups each side sells the other, as the sources list them.

    Parameters
    ----------
    direction : str, optional
        One of :data:`FLOWS`; None (the default) for both.

    Returns
    -------
    pandas.DataFrame
        A new frame sorted by ``direction``, ``period`` and ``order_in_source``.

    Raises
    ------
    KoitError
        If ``direction`` is not one of :data:`FLOWS`.

    Examples
    --------
    >>> products("Italy to Korea")["direction"].unique().tolist()
    ['Italy to Korea']
    """
    df = data.table("korea_italy_trade_products")
    if direction is not None:
        direction = pick_name("direction", direction, FLOWS)
        df = df[df["direction"] == direction]
    out = df.sort_values(["direction", "period", "order_in_source"]).reset_index(drop=True)
    out.attrs = dict(df.attrs)
    return out
