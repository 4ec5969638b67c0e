"""Memory chips and Korea's chip economy: views of the memory data sets built with
:mod:`koit_lessons.metrics`.

Two data sets: ``dram_market_share`` holds the shares of world DRAM revenue of the
three largest makers by quarter (TrendForce, as reported), and ``korea_chip_exports``
holds Korea's semiconductor exports and total exports by year (MOTIE). The memory
bandwidth of AI accelerators comes from ``ai_accelerators`` (lesson 01).

>>> from koit_lessons import memory
>>> memory.dram_shares("2025Q1")["company"].iloc[0]
'SK hynix'
>>> memory.chip_export_share(2024)
20.8
"""

from __future__ import annotations

import pandas as pd

from koit_lessons import data, metrics
from koit_lessons.errors import KoitError, pick_name, plain, require_year, said
from koit_lessons.quarters import quarter_shares

__all__ = [
    "DRAM",
    "EXPORTS",
    "ACCELERATORS",
    "quarters",
    "companies",
    "dram_shares",
    "dram_history",
    "company_history",
    "leaders",
    "dram_concentration",
    "concentration_history",
    "korea_share",
    "exports",
    "export_years",
    "chip_export_share",
    "bandwidth_per_flop",
    "hbm_shares",
]

DRAM = "dram_market_share"
EXPORTS = "korea_chip_exports"
ACCELERATORS = "ai_accelerators"


def quarters() -> list[str]:
    """The quarters in ``dram_market_share``, oldest first ('2021Q4', ...).

    Returns
    -------
    list of str
        The quarters, written like '2025Q1'.

    Examples
    --------
    >>> quarters()[0]
    '2021Q4'
    """
    return sorted(data.table(DRAM)["quarter"].unique())


def companies() -> list[str]:
    """The DRAM makers in ``dram_market_share``, in alphabetical order.

    Returns
    -------
    list of str
        The company names.

    Examples
    --------
    >>> companies()
    ['Micron', 'SK hynix', 'Samsung']
    """
    return sorted(data.table(DRAM)["company"].unique())


def _company(company: object) -> str:
    return pick_name("company", company, companies())


def dram_shares(quarter: str | None = None) -> pd.DataFrame:
    """The DRAM makers' shares of world DRAM revenue (``share_pct``) in a quarter
    (latest by default), largest first. ``quarter`` can be written '2025Q1', 'Q1 2025'
    or '1Q25'. Only shares a source states are listed.

    Parameters
    ----------
    quarter : str, optional
        The quarter, written as :func:`koit_lessons.quarters.pick_quarter` reads it; None
        (the default) for the latest.

    Returns
    -------
    pandas.DataFrame
        Columns ``company``, ``headquarters``, ``iso3``, ``share_pct`` and ``source_url``;
        ``attrs`` holds the data set name, the quarter and the source line.

    Raises
    ------
    KoitError
        If ``quarter`` is not a quarter in the data.

    Examples
    --------
    >>> float(dram_shares("1Q25")["share_pct"].iloc[0])
    36.0
    """
    cols = ["company", "headquarters", "iso3", "share_pct", "source_url"]
    return quarter_shares(DRAM, quarter, cols)


def dram_history() -> pd.DataFrame:
    """Every company's share in every quarter, one row per quarter and company, in
    time order, with ``time`` as a number for figures (2025Q1 is 2025.0, 2025Q2 is
    2025.25, ...), so that gaps between quarters show.

    Returns
    -------
    pandas.DataFrame
        Columns ``quarter``, ``company``, ``headquarters``, ``iso3``, ``share_pct`` and
        ``time`` (float); ``attrs`` holds the data set name and its source line.

    Examples
    --------
    >>> dram_history()["quarter"].iloc[0]
    '2021Q4'
    """
    df = data.table(DRAM)
    cols = ["quarter", "company", "headquarters", "iso3", "share_pct"]
    out = df[cols].sort_values(["quarter", "company"], kind="stable").reset_index(drop=True)
    year = out["quarter"].str[:4].astype(int)
    out["time"] = year + (out["quarter"].str[-1].astype(int) - 1) / 4
    out.attrs = {"dataset": DRAM, "source": data.source_line(DRAM)}
    return out


def company_history(company: str) -> pd.DataFrame:
    """One company's share of DRAM revenue in each quarter with data, oldest first.

    Parameters
    ----------
    company : str
        A company from :func:`companies` (case and surrounding spaces are ignored).

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`dram_history` for that company; ``attrs`` also names the company.

    Raises
    ------
    KoitError
        If ``company`` is not one of :func:`companies`.

    Examples
    --------
    >>> float(company_history("sk hynix")["share_pct"].max())
    38.7
    """
    name = _company(company)
    hist = dram_history()
    out = hist[hist["company"] == name].reset_index(drop=True)
    out.attrs = {"dataset": DRAM, "company": name, "source": data.source_line(DRAM)}
    return out


def leaders() -> pd.DataFrame:
    """The largest DRAM maker by revenue share in each quarter, with its share and
    its lead over the second in percentage points.

    Returns
    -------
    pandas.DataFrame
        Columns ``quarter``, ``leader``, ``share_pct``, ``second`` and ``lead_pp`` (one
        decimal); ``attrs`` holds the data set name and its source line.

    Examples
    --------
    >>> leaders()["leader"].tolist()[-3:]
    ['SK hynix', 'SK hynix', 'Samsung']
    """
    rows = []
    for q in quarters():
        table = dram_shares(q)
        first, second = table.iloc[0], table.iloc[1]
        rows.append(
            {
                "quarter": q,
                "leader": first["company"],
                "share_pct": float(first["share_pct"]),
                "second": second["company"],
                "lead_pp": round(float(first["share_pct"] - second["share_pct"]), 1),
            }
        )
    out = pd.DataFrame(rows)
    out.attrs = {"dataset": DRAM, "source": data.source_line(DRAM)}
    return out


def dram_concentration(quarter: str | None = None) -> dict[str, object]:
    """Top company, top-1 and top-3 shares (%), HHI and coverage of DRAM revenue in a
    quarter. The HHI covers the listed companies only, so it is a lower bound.

    Parameters
    ----------
    quarter : str, optional
        As for :func:`dram_shares`; None (the default) for the latest.

    Returns
    -------
    dict
        Keys ``quarter``, ``top``, ``n_companies`` (int), ``top1_pct``, ``top3_pct``
        (over fewer companies if fewer are listed), ``hhi`` and ``covered_pct`` (one decimal).

    Raises
    ------
    KoitError
        If ``quarter`` is not a quarter in the data.

    Examples
    --------
    >>> round(dram_concentration("2025Q2")["hhi"])
    3051
    """
    table = dram_shares(quarter)
    shares = table["share_pct"]
    return {
        "quarter": table.attrs["quarter"],
        "top": table["company"].iloc[0],
        "n_companies": len(table),
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, min(3, len(shares))),
        "hhi": metrics.hhi(shares),
        "covered_pct": round(float(shares.sum()), 1),
    }


def concentration_history(complete_only: bool = True) -> pd.DataFrame:
    """:func:`dram_concentration` for every quarter, oldest first. With
    ``complete_only=True`` (the default), quarters that lack one of the three makers
    are left out, since their HHI would not be comparable.

    Parameters
    ----------
    complete_only : bool, optional
        Keep only the quarters with every company of :func:`companies` listed (default True).

    Returns
    -------
    pandas.DataFrame
        One row per quarter with the keys of :func:`dram_concentration` as columns;
        ``attrs`` holds the data set name and its source line.

    Raises
    ------
    KoitError
        If ``complete_only`` is not True or False.

    Examples
    --------
    >>> concentration_history()["quarter"].iloc[-1]
    '2025Q4'
    """
    complete_only = plain(complete_only)  # np.True_ (e.g. from a comparison) is True
    if not isinstance(complete_only, bool):
        raise KoitError(f"complete_only= must be True or False, not {said(complete_only)}.")
    n = len(companies())
    rows = [dram_concentration(q) for q in quarters()]
    out = pd.DataFrame(rows)
    if complete_only:
        out = out[out["n_companies"] == n].reset_index(drop=True)
    out.attrs = {"dataset": DRAM, "source": data.source_line(DRAM)}
    return out


def korea_share(quarter: str | None = None) -> float:
    """The combined share (%) of world DRAM revenue of the Korea-headquartered makers
    (Samsung and SK hynix) in a quarter.

    Parameters
    ----------
    quarter : str, optional
        As for :func:`dram_shares`; None (the default) for the latest.

    Returns
    -------
    float
        The sum of the shares of the makers with ``iso3`` "KOR", rounded to one decimal.

    Raises
    ------
    KoitError
        If ``quarter`` is not a quarter in the data.

    Examples
    --------
    >>> korea_share("2025Q2")
    71.4
    """
    table = dram_shares(quarter)
    return round(float(table.loc[table["iso3"] == "KOR", "share_pct"].sum()), 1)


def export_years() -> list[int]:
    """The years in ``korea_chip_exports``.

    Returns
    -------
    list of int
        The years, in increasing order.

    Examples
    --------
    >>> export_years()
    [2022, 2023, 2024, 2025]
    """
    return sorted(int(y) for y in data.table(EXPORTS)["year"])


def exports() -> pd.DataFrame:
    """Korea's semiconductor exports and total exports (billion US$) by year, with the
    semiconductors' share of total exports (``chip_share_pct``, one decimal).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``semiconductor_exports_busd``, ``total_exports_busd`` and
        ``chip_share_pct``, oldest year first; ``attrs`` holds the data set name and its
        source line.

    Examples
    --------
    >>> exports()["chip_share_pct"].tolist()
    [18.9, 15.6, 20.8, 24.4]
    """
    df = data.table(EXPORTS)
    cols = ["year", "semiconductor_exports_busd", "total_exports_busd"]
    out = df[cols].sort_values("year").reset_index(drop=True)
    out["chip_share_pct"] = (
        100 * out["semiconductor_exports_busd"] / out["total_exports_busd"]
    ).round(1)
    out.attrs = {"dataset": EXPORTS, "source": data.source_line(EXPORTS)}
    return out


def chip_export_share(year: int) -> float:
    """Semiconductors' share (%) of Korea's total exports in a year.

    Parameters
    ----------
    year : int
        A year from :func:`export_years`.

    Returns
    -------
    float
        The ``chip_share_pct`` of :func:`exports` for that year (one decimal).

    Raises
    ------
    KoitError
        If there are no export data for ``year``.

    Examples
    --------
    >>> chip_export_share(2023)
    15.6
    """
    known = export_years()
    year = require_year(year, known, "There are no export data for")
    table = exports().set_index("year")
    return float(table.loc[year, "chip_share_pct"])


def bandwidth_per_flop() -> pd.DataFrame:
    """For each accelerator in ``ai_accelerators``: peak bf16 compute, HBM bandwidth,
    and the bytes of memory traffic available per 1,000 floating-point operations at
    peak (``bytes_per_kflop``). The smaller it is, the more a chip waits on memory
    unless a program reuses each number many times.

    Returns
    -------
    pandas.DataFrame
        Columns ``chip``, ``memory_type``, ``peak_bf16_tflops``, ``memory_bandwidth_gbps``
        and ``bytes_per_kflop`` (two decimals), in the order of the data set; ``attrs``
        holds the data set name and its source line.

    Examples
    --------
    >>> bandwidth_per_flop()["chip"].iloc[0]
    'Google TPU v4'
    """
    df = data.table(ACCELERATORS)
    cols = ["chip", "memory_type", "peak_bf16_tflops", "memory_bandwidth_gbps"]
    out = df[cols].copy()
    # GB/s over TFLOP/s = bytes per 1,000 FLOP.
    out["bytes_per_kflop"] = (out["memory_bandwidth_gbps"] / out["peak_bf16_tflops"]).round(2)
    out = out.reset_index(drop=True)
    out.attrs = {"dataset": ACCELERATORS, "source": data.source_line(ACCELERATORS)}
    return out


HBM = "hbm_market_share"


def hbm_shares() -> pd.DataFrame:
    """HBM market shares by quarter: one row per quarter, one column per company, with
    only the shares the source states (an empty cell where it names none).

    Returns
    -------
    pandas.DataFrame
        Index ``quarter`` (oldest first); columns ``SK hynix``, ``Samsung`` and
        ``Micron`` (percent of world HBM revenue, pandas' nullable numbers); ``attrs``
        holds the data set name and its source line.

    Examples
    --------
    >>> hbm_shares().loc["2025Q3"].tolist()
    [57.0, 22.0, 21.0]
    >>> hbm_shares().loc["2025Q1", "SK hynix"] is pd.NA
    True
    """
    # a copy: pandas 2.0.0's pivot renames its input's index in place (pandas #52629)
    df = data.table(HBM).copy()
    out = df.pivot(index="quarter", columns="company", values="share_pct")
    out = out.reindex(columns=["SK hynix", "Samsung", "Micron"]).sort_index()
    out = out.astype("Float64")
    out.columns.name = None
    out.attrs = {"dataset": HBM, "source": data.source_line(HBM)}
    return out
