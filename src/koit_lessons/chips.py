"""Who makes chips, and how concentrated that is: views of the chip data sets built
with :mod:`koit_lessons.metrics`.

Four data sets: ``chip_value_chain_shares`` holds the shares of each stage of the
chain held by countries or regions (CSET Supply Chain Explorer);
``chip_capacity_shares`` holds shares of world wafer-fabrication capacity by region
(SIA/BCG; the most advanced nodes below 10 nm, and all nodes);
``foundry_market_share`` holds the revenue shares of the ten largest foundries by
quarter (TrendForce; for the newest quarters only the shares the press reported); and
``world_chip_sales`` holds world semiconductor sales by year, actual and forecast (WSTS,
via SIA and ESIA).

>>> from koit_lessons import chips
>>> chips.capacity_shares("below 10 nm", 2019)["region"].tolist()
['Taiwan', 'South Korea']
>>> chips.foundry_shares("2025Q2")["company"].iloc[0]
'TSMC'
"""

from __future__ import annotations

import re

import pandas as pd

from koit_lessons import data, metrics
from koit_lessons.errors import KoitError, pick_name, plain, require_number, require_year, said
from koit_lessons.language import marked
from koit_lessons.quarters import quarter_shares

__all__ = [
    "CAPACITY",
    "FIGURE_NAMES",
    "FOUNDRY",
    "VALUE_CHAIN",
    "STAGES",
    "stages",
    "stage_shares",
    "stage_concentration",
    "stage_table",
    "segments",
    "periods",
    "capacity_shares",
    "capacity_concentration",
    "capacity_history",
    "concentration_table",
    "quarters",
    "foundry_shares",
    "foundry_by_country",
    "foundry_concentration",
    "world_sales",
]

CAPACITY = "chip_capacity_shares"
FOUNDRY = "foundry_market_share"
VALUE_CHAIN = "chip_value_chain_shares"
SALES = "world_chip_sales"
#: The stages and inputs of ``chip_value_chain_shares``, in the order of the chain.
STAGES = [
    "EDA software",
    "core IP",
    "design",
    "silicon wafers",
    "photomasks",
    "fabrication",
    "assembly, test and packaging",
]
#: The data's names that lesson 02's figures show (regions, stages with their data year,
#: capacity periods), marked for the catalogues: the figures write them in the edition's
#: words (:func:`koit_lessons.plots._core.shown_name`), the tables keep them as they are.
FIGURE_NAMES = (
    marked("United States"),
    marked("South Korea"),
    marked("Europe"),
    marked("Japan"),
    marked("Taiwan"),
    marked("Mainland China"),
    marked("Israel"),
    marked("other countries"),
    marked("EDA software (2019)"),
    marked("core IP (2019)"),
    marked("design (2022)"),
    marked("silicon wafers (2019)"),
    marked("photomasks (2019)"),
    marked("fabrication (2022)"),
    marked("assembly, test and packaging (2022)"),
    marked("2032 (projection)"),
    marked("below 10 nm, 2019"),
    marked("below 10 nm, 2022"),
    marked("below 10 nm, 2032 (projection)"),
)
#: How many foundries TrendForce ranks each quarter; a quarter of ``foundry_market_share``
#: with fewer shares is incomplete (the others were not found, they are not zero).
TOP_FOUNDRIES = 10
#: Below this coverage (sum of the listed shares, in %) a concentration index would
#: mislead, so :func:`concentration_table` leaves the segment out.
MIN_COVERAGE = 95.0


def stages() -> list[str]:
    """The stages and inputs in ``chip_value_chain_shares``, in the order of the chain.

    Returns
    -------
    list of str
        The names of :data:`STAGES` that appear in the data, in the order of the chain.

    Examples
    --------
    >>> stages()[:3]
    ['EDA software', 'core IP', 'design']
    """
    present = set(data.table(VALUE_CHAIN)["stage"])
    return [s for s in STAGES if s in present]


def _stage(stage: object) -> str:
    return pick_name("stage", stage, stages())


def stage_shares(stage: str) -> pd.DataFrame:
    """The countries' and regions' shares (``share_pct``) of one stage of the chain,
    largest first, with the data year. 'other countries' (an aggregate) comes last.

    Parameters
    ----------
    stage : str
        A stage from :func:`stages` (case and surrounding spaces are ignored).

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``iso3``, ``kind``, ``share_pct``, ``year`` and ``source_note``;
        ``attrs`` holds the data set name, the stage and the source line.

    Raises
    ------
    KoitError
        If ``stage`` is not one of :func:`stages`.

    Examples
    --------
    >>> stage_shares("EDA software")["region"].iloc[0]
    'United States'
    """
    name = _stage(stage)
    df = data.table(VALUE_CHAIN)
    rows = df[df["stage"] == name]
    cols = ["region", "iso3", "kind", "share_pct", "year", "source_note"]
    out = rows[cols].assign(_other=rows["kind"] == "other")
    out = out.sort_values(["_other", "share_pct"], ascending=[True, False], kind="stable")
    out = out.drop(columns="_other").reset_index(drop=True)
    out.attrs = {"dataset": VALUE_CHAIN, "stage": name, "source": data.source_line(VALUE_CHAIN)}
    return out


def stage_concentration(stage: str) -> dict[str, object]:
    """Top region, top-1 and top-3 shares (%) and HHI of one stage of the chain.

    'other countries' is many small suppliers, not one, so it is left out of the
    top shares and the HHI (which is then a slight underestimate).

    Parameters
    ----------
    stage : str
        A stage from :func:`stages` (case and surrounding spaces are ignored).

    Returns
    -------
    dict
        Keys ``stage``, ``year`` (int), ``top_region``, ``top1_pct``, ``top3_pct`` (in %;
        over fewer regions if fewer are named) and ``hhi``.

    Raises
    ------
    KoitError
        If ``stage`` is not one of :func:`stages`.

    Examples
    --------
    >>> stage_concentration("EDA software")["top1_pct"]
    96.0
    """
    table = stage_shares(stage)
    named = table[table["kind"] != "other"]
    shares = named["share_pct"]
    return {
        "stage": table.attrs["stage"],
        "year": int(table["year"].iloc[0]),
        "top_region": named["region"].iloc[0],
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, min(3, len(shares))),
        "hhi": metrics.hhi(shares),
    }


def stage_table() -> pd.DataFrame:
    """:func:`stage_concentration` for every stage, in the order of the chain, with a
    ``label`` such as 'EDA software (2019)' for figures.

    Returns
    -------
    pandas.DataFrame
        A ``label`` column followed by the keys of :func:`stage_concentration`, one row
        per stage; ``attrs`` holds the data set name and its source line.

    Examples
    --------
    >>> stage_table()["stage"].tolist()[:2]
    ['EDA software', 'core IP']
    """
    rows = [stage_concentration(s) for s in stages()]
    out = pd.DataFrame(rows)
    out.insert(0, "label", [f"{r['stage']} ({r['year']})" for r in rows])
    out.attrs = {"dataset": VALUE_CHAIN, "source": data.source_line(VALUE_CHAIN)}
    return out


def segments() -> list[str]:
    """The capacity segments in ``chip_capacity_shares`` ('all nodes', 'below 10 nm').

    Returns
    -------
    list of str
        The segment names, alphabetically.

    Examples
    --------
    >>> segments()
    ['all nodes', 'below 10 nm']
    """
    return sorted(data.table(CAPACITY)["segment"].unique())


def _segment(segment: object) -> str:
    return pick_name("capacity segment", segment, segments())


def periods(segment: str = "below 10 nm") -> list[int]:
    """The years with data for a segment: data years and projection years.

    Parameters
    ----------
    segment : str, optional
        A segment from :func:`segments` (case and surrounding spaces are ignored);
        default 'below 10 nm'.

    Returns
    -------
    list of int
        The years, in increasing order.

    Raises
    ------
    KoitError
        If ``segment`` is not one of :func:`segments`.

    Examples
    --------
    >>> periods("below 10 nm")
    [2019, 2022, 2032]
    """
    df = data.table(CAPACITY)
    return sorted(int(p) for p in df.loc[df["segment"] == _segment(segment), "period"].unique())


def _rows(segment: str, period: int) -> pd.DataFrame:
    seg = _segment(segment)
    known = periods(seg)
    period = require_year(period, known, f"There are no data for {seg!r} in")
    df = data.table(CAPACITY)
    return df[(df["segment"] == seg) & (df["period"] == period)]


def capacity_shares(segment: str, period: int) -> pd.DataFrame:
    """The regions' shares (``share_pct``) of world wafer-fabrication capacity in a
    segment and year, largest first, with ``status`` (actual or projection) and who
    reported the figure.

    Only the shares a source states are listed, so they may add up to less than 100.

    Parameters
    ----------
    segment : str
        A segment from :func:`segments` (case and surrounding spaces are ignored).
    period : int
        A year from :func:`periods` for that segment.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``iso3``, ``share_pct``, ``status``, ``measure`` and
        ``reported_by``; ``attrs`` holds the data set name and its source line.

    Raises
    ------
    KoitError
        If the segment or year is not in the data.

    Examples
    --------
    >>> float(capacity_shares("below 10 nm", 2032)["share_pct"].sum())
    95.0
    """
    rows = _rows(segment, period)
    cols = ["region", "iso3", "share_pct", "status", "measure", "reported_by"]
    out = rows[cols].sort_values("share_pct", ascending=False, kind="stable")
    out = out.reset_index(drop=True)
    out.attrs = {"dataset": CAPACITY, "source": data.source_line(CAPACITY)}
    return out


def capacity_concentration(segment: str, period: int) -> dict[str, object]:
    """Top region, top-1 and top-3 shares (%), HHI and coverage of a segment in a year.

    ``covered_pct`` is the sum of the listed shares. Where it is below 100 the HHI is
    computed over the listed regions only, so it is a lower bound.

    Parameters
    ----------
    segment : str
        A segment from :func:`segments` (case and surrounding spaces are ignored).
    period : int
        A year from :func:`periods` for that segment.

    Returns
    -------
    dict
        Keys ``segment``, ``period``, ``status``, ``top_region``, ``top1_pct``, ``top3_pct``,
        ``hhi`` and ``covered_pct`` (shares in %).

    Raises
    ------
    KoitError
        If the segment or year is not in the data.

    Examples
    --------
    >>> capacity_concentration("below 10 nm", 2019)["hhi"]
    8528.0
    """
    table = capacity_shares(segment, period)
    shares = table["share_pct"]
    return {
        "segment": _segment(segment),
        "period": require_year(period, periods(segment), ""),  # checked: an int, not np.int64
        "status": table["status"].iloc[0],
        "top_region": table["region"].iloc[0],
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, min(3, len(shares))),
        "hhi": metrics.hhi(shares),
        "covered_pct": float(shares.sum()),
    }


def capacity_history(segment: str = "below 10 nm") -> pd.DataFrame:
    """Every region's share of a segment in every year of the data, one row per region
    and year, with a ``when`` label ('2019', '2032 (projection)') for figures.

    Parameters
    ----------
    segment : str, optional
        A segment from :func:`segments` (case and surrounding spaces are ignored);
        default 'below 10 nm'.

    Returns
    -------
    pandas.DataFrame
        Columns ``when`` and ``period`` followed by those of :func:`capacity_shares`;
        ``attrs`` holds the data set name and its source line.

    Raises
    ------
    KoitError
        If ``segment`` is not one of :func:`segments`.

    Examples
    --------
    >>> capacity_history()["when"].unique().tolist()
    ['2019', '2022', '2032 (projection)']
    """
    seg = _segment(segment)
    parts = []
    for period in periods(seg):
        table = capacity_shares(seg, period)
        suffix = " (projection)" if table["status"].iloc[0] == "projection" else ""
        table.insert(0, "when", f"{period}{suffix}")
        table.insert(1, "period", period)
        parts.append(table)
    out = pd.concat(parts, ignore_index=True)
    out.attrs = {"dataset": CAPACITY, "source": data.source_line(CAPACITY)}
    return out


def concentration_table(min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """:func:`capacity_concentration` for every segment and year whose listed shares
    cover at least ``min_coverage`` % of the world, in time order, with a ``label``
    such as 'below 10 nm, 2032 (projection)' for figures.

    Parameters
    ----------
    min_coverage : float, optional
        The smallest sum of listed shares, in %, for a segment and year to be kept
        (default ``MIN_COVERAGE``, 95).

    Returns
    -------
    pandas.DataFrame
        A ``label`` column followed by the keys of :func:`capacity_concentration`, sorted
        by segment and year; ``attrs`` holds the data set name and its source line.

    Raises
    ------
    KoitError
        If ``min_coverage`` is not a number, or no segment and year reaches it.

    Examples
    --------
    >>> concentration_table()["label"].tolist()[0]
    'below 10 nm, 2019'
    """
    require_number(min_coverage, "min_coverage=", kind="a number of percent")  # NaN: not a number
    min_coverage = require_number(
        min_coverage, "min_coverage=", kind="a number of percent", finite=True
    )
    rows = []
    for seg in segments():
        for period in periods(seg):
            c = capacity_concentration(seg, period)
            if c["covered_pct"] >= min_coverage:
                suffix = " (projection)" if c["status"] == "projection" else ""
                rows.append({"label": f"{seg}, {period}{suffix}", **c})
    if not rows:
        raise KoitError(
            f"No segment has listed shares covering {min_coverage:g}% of the world; "
            "try a lower min_coverage=."
        )
    out = pd.DataFrame(rows).sort_values(["segment", "period"]).reset_index(drop=True)
    out.attrs = {"dataset": CAPACITY, "source": data.source_line(CAPACITY)}
    return out


def quarters(complete_only: bool = False) -> list[str]:
    """The quarters in ``foundry_market_share``, oldest first ('2025Q1', ...).

    Parameters
    ----------
    complete_only : bool, optional
        Keep only the quarters with the shares of all ten ranked foundries (default
        False: every quarter, also those for which only some shares were found).

    Returns
    -------
    list of str
        The quarters, written like '2025Q2'.

    Raises
    ------
    KoitError
        If ``complete_only`` is not True or False.

    Examples
    --------
    >>> quarters()[-1]
    '2025Q4'
    >>> quarters(complete_only=True)[-1]
    '2025Q2'
    """
    complete_only = plain(complete_only)  # np.True_ (e.g. from a comparison) is True
    if not isinstance(complete_only, bool):
        raise KoitError(f"complete_only= must be True or False, not {said(complete_only)}.")
    df = data.table(FOUNDRY)
    counts = df.dropna(subset=["share_pct"]).groupby("quarter").size()
    if complete_only:
        counts = counts[counts >= TOP_FOUNDRIES]
    return sorted(counts.index)


def _quarters_of(label: str) -> set[str]:
    """The quarters a source's data_year names: '2025Q3', '2025Q1 and 2025Q2' or a range
    '2025Q3-2025Q4'."""
    found: set[str] = set()
    for start, end in re.findall(r"(\d{4}Q[1-4])(?:\s*[-–]\s*(\d{4}Q[1-4]))?", label):
        year, n = int(start[:4]), int(start[-1])
        while True:
            q = f"{year}Q{n}"
            found.add(q)
            if not end or q >= end:
                break
            year, n = (year + 1, 1) if n == 4 else (year, n + 1)
    return found


def _foundry_source(quarter: str) -> str:
    """The source line of ``foundry_market_share`` naming only the sources of ``quarter``."""
    sources = data.describe(FOUNDRY)["sources"]
    parts = [
        f"{s['publisher']}, {s['title']} (data year {s['data_year']})"
        for s in sources
        if quarter in _quarters_of(s.get("data_year", ""))
    ]
    return "Source: " + "; ".join(parts) + "." if parts else data.source_line(FOUNDRY)


def _complete(quarter: str, what: str) -> None:
    """A plain KoitError when ``quarter`` lacks some of the ten shares."""
    shares = quarter_shares(FOUNDRY, quarter, ["company", "share_pct"])
    if len(shares) < TOP_FOUNDRIES:
        found = ", ".join(shares["company"])
        raise KoitError(
            f"For {shares.attrs['quarter']} our sources give the shares of only {len(shares)} "
            f"of the ten largest foundries ({found}), so {what} would leave out the others; "
            f"use a quarter with all ten: {', '.join(quarters(complete_only=True))}."
        )


def foundry_shares(quarter: str | None = None) -> pd.DataFrame:
    """The ten largest foundries in a quarter, largest first, with their revenue (million
    US$) and share of world foundry revenue (``share_pct``).

    ``quarter`` can be written '2025Q2', 'Q2 2025' or '2Q25'. By default, the latest
    quarter with all ten shares. For a later quarter named explicitly, only the foundries
    whose share was found are listed (and ``revenue_musd`` may be empty).

    Parameters
    ----------
    quarter : str, optional
        The quarter, written as :func:`koit_lessons.quarters.pick_quarter` reads it; None
        (the default) for the latest quarter with all ten shares.

    Returns
    -------
    pandas.DataFrame
        Columns ``company``, ``headquarters``, ``iso3``, ``revenue_musd`` and ``share_pct``;
        ``attrs`` holds the data set name, the quarter, the source line and ``complete``
        (True when all ten shares are listed).

    Raises
    ------
    KoitError
        If ``quarter`` is not a quarter in the data.

    Examples
    --------
    >>> float(foundry_shares("2Q25")["share_pct"].iloc[0])
    70.2
    >>> foundry_shares("2025Q4")["company"].tolist()
    ['TSMC', 'Samsung']
    """
    if quarter is None:
        quarter = quarters(complete_only=True)[-1]
    cols = ["company", "headquarters", "iso3", "revenue_musd", "share_pct"]
    out = quarter_shares(FOUNDRY, quarter, cols)
    out.attrs["complete"] = len(out) >= TOP_FOUNDRIES
    out.attrs["source"] = _foundry_source(out.attrs["quarter"])
    return out


def foundry_by_country(quarter: str | None = None) -> pd.DataFrame:
    """The top-10 foundries' revenue shares added up by headquarters country, largest
    first, with the number of companies and their names. Only for a quarter with all ten
    shares: a total over some of them would be too small.

    Parameters
    ----------
    quarter : str, optional
        As for :func:`foundry_shares`; None (the default) for the latest quarter with all
        ten shares.

    Returns
    -------
    pandas.DataFrame
        Columns ``headquarters``, ``iso3``, ``share_pct`` (rounded to one decimal),
        ``revenue_musd``, ``companies`` (names joined by ", ") and ``n_companies``; ``attrs``
        as for :func:`foundry_shares`.

    Raises
    ------
    KoitError
        If ``quarter`` is not a quarter in the data, or not all ten shares are known for it.

    Examples
    --------
    >>> foundry_by_country("2025Q2")["headquarters"].iloc[0]
    'Taiwan'
    """
    table = foundry_shares(quarter)
    _complete(table.attrs["quarter"], "a total by country")
    out = (
        table.groupby(["headquarters", "iso3"], as_index=False)
        .agg(
            share_pct=("share_pct", "sum"),
            revenue_musd=("revenue_musd", "sum"),
            companies=("company", lambda s: ", ".join(s)),
            n_companies=("company", "size"),
        )
        .sort_values("share_pct", ascending=False, kind="stable")
        .reset_index(drop=True)
    )
    # The inputs have one decimal: round away float noise from adding them up.
    out["share_pct"] = out["share_pct"].round(1)
    out.attrs = dict(table.attrs)
    return out


def foundry_concentration(quarter: str | None = None, by: str = "company") -> dict[str, object]:
    """Top-1 and top-3 shares (%) and HHI of foundry revenue in a quarter, by company
    or, with ``by="country"``, by headquarters country.

    The HHI covers the ten listed foundries only (about 97 % of the market), so it is
    a slight underestimate. Only for a quarter with all ten shares.

    Parameters
    ----------
    quarter : str, optional
        As for :func:`foundry_shares`; None (the default) for the latest quarter with all
        ten shares.
    by : str, optional
        "company" (the default) or "country".

    Returns
    -------
    dict
        Keys ``quarter``, ``by``, ``top`` (a company or country), ``top1_pct``, ``top3_pct``,
        ``hhi`` and ``covered_pct`` (shares in %).

    Raises
    ------
    KoitError
        If ``by`` is not "company" or "country", ``quarter`` is not in the data, or not all
        ten shares are known for it.

    Examples
    --------
    >>> round(foundry_concentration("2025Q2")["hhi"])
    5051
    """
    by = pick_name("grouping for by=", by, ["company", "country"])
    table = foundry_shares(quarter)
    _complete(table.attrs["quarter"], "a concentration index")
    if by == "country":
        table = foundry_by_country(table.attrs["quarter"])
    name = "company" if by == "company" else "headquarters"
    shares = table["share_pct"]
    return {
        "quarter": table.attrs["quarter"],
        "by": by,
        "top": table[name].iloc[0],
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, 3),
        "hhi": metrics.hhi(shares),
        "covered_pct": float(shares.sum()),
    }


#: the statuses of :func:`world_sales`, in the edition's language where a figure shows them
#: (``plots.stage_bars``' legend and description); the column itself stays English
STATUSES = (marked("actual"), marked("forecast"))


def world_sales() -> pd.DataFrame:
    """World semiconductor sales by year (billion US$), actual and forecast, oldest
    year first and, within a year, the actual before the forecast, with a ``label`` for
    figures such as '2025, actual' or '2026, forecast (WSTS Autumn 2025)'.

    A forecast is not a measurement: the data hold WSTS's forecast for 2025, made in
    December 2025, beside the actual sales that SIA reported in February 2026.

    Returns
    -------
    pandas.DataFrame
        Columns ``label``, ``year``, ``status`` ("actual" or "forecast"), ``edition``,
        ``published``, ``world_sales_busd`` and ``growth_pct`` (empty where the source
        states no exact growth); ``attrs`` holds the data set name and its source line.

    Examples
    --------
    >>> sales = world_sales()
    >>> sales.loc[sales["status"] == "actual", "world_sales_busd"].tolist()
    [630.5, 791.7]
    >>> sales["label"].iloc[-1]
    '2026, forecast (WSTS Autumn 2025)'
    """
    df = data.table(SALES)
    cols = ["year", "status", "edition", "published", "world_sales_busd", "growth_pct"]
    out = df[cols].sort_values(["year", "status"], kind="stable").reset_index(drop=True)
    forecast = out["status"] == "forecast"
    label = out["year"].astype(str) + ", " + out["status"]
    label[forecast] = label[forecast] + " (" + out.loc[forecast, "edition"] + ")"
    out.insert(0, "label", label.astype(str))
    out.attrs = {"dataset": SALES, "source": data.source_line(SALES)}
    return out
