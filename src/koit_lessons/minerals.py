"""Who mines and who refines a mineral, and how concentrated that is: views of the
USGS Mineral Commodity Summaries data sets built with :mod:`koit_lessons.metrics`.

Two data sets hold production by country: ``mineral_production`` (mine production,
and primary production of gallium) and ``mineral_processing`` (refinery and plant
production), both from USGS *Mineral Commodity Summaries 2026* (data years 2024 and
2025). Pick one with ``dataset=``; the default is mine production.
``mineral_reserves`` holds reserves. ``mineral_production_2023`` keeps the earlier
edition's (MCS 2025) nickel and rare-earth figures for 2023, only so that
:func:`compare_with_iea` compares the IEA's 2023 figures with USGS figures for 2023.

>>> from koit_lessons import minerals
>>> table = minerals.producers("lithium", 2025)
>>> list(table.columns)
['country', 'iso3', 'production', 'unit', 'share_pct']
>>> minerals.producers("copper", 2025, dataset="mineral_processing")["country"].iloc[0]
'China'
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from koit_lessons import data, metrics
from koit_lessons.errors import KoitError, pick_name, require_year, said
from koit_lessons.language import marked

__all__ = [
    "DATASETS",
    "STAGE_CHAINS",
    "mineral_names",
    "years",
    "producers",
    "world_total",
    "is_mined",
    "concentration",
    "concentration_table",
    "reserve_holders",
    "mine_vs_refine",
    "compare_with_iea",
]

DATASET = "mineral_production"
PROCESSING = "mineral_processing"
RESERVES = "mineral_reserves"
#: The production data sets and the supply stage each one measures.
DATASETS = {DATASET: marked("mining"), PROCESSING: marked("refining")}
#: MCS 2025's mine production in 2023 (nickel, rare earths): the year the IEA figures
#: describe, which MCS 2026 no longer gives. Never mixed into the tables of DATASET.
EARLIER = "mineral_production_2023"
_ALL = {**DATASETS, EARLIER: "mining"}
#: Supply chains with a mining stage and a refining stage in the USGS data:
#: chain name -> ((mined mineral, data set), (refined material, data set)).
STAGE_CHAINS = {
    "copper": (("copper", DATASET), ("copper", PROCESSING)),
    marked("aluminium (bauxite to alumina)"): (("bauxite", DATASET), ("alumina", PROCESSING)),
}
#: materials of the processing data that the glossary does not hold: translated where
#: a table of an edition names them
_PROCESSED_NAMES = (marked("alumina"), marked("silicon"))


def _dataset(dataset: object) -> str:
    return pick_name("production data set", dataset, _ALL)


def _mineral(mineral: object, dataset: str = DATASET) -> str:
    """The mineral's name as in the data (case and extra spaces ignored); a name in
    Korean or Italian ("리튬", "litio") counts as the mineral it names."""
    from koit_lessons import glossary

    known = mineral_names(dataset)
    found = glossary.identify(mineral, "mineral")
    return found if found in known else pick_name("mineral", mineral, known)


def mineral_names(dataset: str = DATASET) -> list[str]:
    """The minerals in a production data set (mine production by default), alphabetically.

    Parameters
    ----------
    dataset : str, optional
        "mineral_production" (the default) or "mineral_processing".

    Returns
    -------
    list of str
        The mineral names, in lower case.

    Raises
    ------
    KoitError
        If ``dataset`` is not one of the production data sets.

    Examples
    --------
    >>> mineral_names()[:3]
    ['bauxite', 'cobalt', 'copper']
    """
    return sorted(data.table(_dataset(dataset))["mineral"].unique())


def years(dataset: str = DATASET) -> list[int]:
    """The data years in a production data set (mine production by default).

    Parameters
    ----------
    dataset : str, optional
        "mineral_production" (the default) or "mineral_processing".

    Returns
    -------
    list of int
        The years, in increasing order.

    Raises
    ------
    KoitError
        If ``dataset`` is not one of the production data sets.

    Examples
    --------
    >>> years()
    [2024, 2025]
    """
    return sorted(int(y) for y in data.table(_dataset(dataset))["year"].unique())


def _rows(mineral: str, year: int | None, dataset: str = DATASET) -> tuple[pd.DataFrame, int]:
    dataset = _dataset(dataset)
    mineral = _mineral(mineral, dataset)
    known = years(dataset)
    if year is None:
        year = max(known)
    year = require_year(year, known, "There are no data for the year")
    df = data.table(dataset)
    rows = df[(df["mineral"] == mineral) & (df["year"] == year)]
    return rows, year


def is_mined(mineral: str) -> bool:
    """Whether the production data measure ``mineral`` by mine production: gallium's
    figures are primary (refinery) production, so gallium is "produced", not "mined".

    Parameters
    ----------
    mineral : str
        A mineral as named in the data, e.g. "lithium".

    Returns
    -------
    bool

    Examples
    --------
    >>> is_mined("lithium"), is_mined("gallium")
    (True, False)
    """
    mineral = _mineral(mineral)  # an unknown name is one sentence, never a silent True
    table = data.table(DATASET)
    measures = table.loc[table["mineral"] == mineral, "measure"].astype(str)
    return bool(measures.str.lower().str.startswith("mine").all())


def world_total(mineral: str, year: int | None = None, *, dataset: str = DATASET) -> float:
    """The world total of ``mineral`` in ``year`` (latest by default), from mine
    production or, with ``dataset="mineral_processing"``, from refinery production.

    Parameters
    ----------
    mineral : str
        A mineral name from :func:`mineral_names` (case and surrounding spaces are ignored).
    year : int, optional
        A data year; None (the default) means the latest year in the data set.
    dataset : str, optional
        "mineral_production" (the default) or "mineral_processing".

    Returns
    -------
    float
        The world total, in the unit of the data set's ``unit`` column for that mineral.

    Raises
    ------
    KoitError
        If the data set, mineral or year is unknown, or the data have no world total.

    Examples
    --------
    >>> world_total("lithium", 2025)
    290000.0
    """
    rows, year = _rows(mineral, year, dataset)
    world = rows.loc[rows["kind"] == "world", "production"]
    if world.empty or world.isna().all():
        raise KoitError(f"The data have no world total for {mineral} in {year}.")
    return float(world.iloc[0])


def producers(mineral: str, year: int | None = None, *, dataset: str = DATASET) -> pd.DataFrame:
    """The producing countries of ``mineral`` in ``year``, largest first, each with its
    share of the world total in percent (``share_pct``).

    Countries whose production the source withholds, or prints as zero ("—"), are left
    out (see ``data.cite("mineral_production")``); "Other countries" is not a country and is
    left out too, so the shares add up to less than 100.

    ``dataset="mineral_processing"`` gives refinery (or plant) production instead of
    mine production.

    Parameters
    ----------
    mineral : str
        A mineral name from :func:`mineral_names` (case and surrounding spaces are ignored).
    year : int, optional
        A data year; None (the default) means the latest year in the data set.
    dataset : str, optional
        "mineral_production" (the default) or "mineral_processing".

    Returns
    -------
    pandas.DataFrame
        Columns ``country``, ``iso3``, ``production``, ``unit`` and ``share_pct``; ``attrs``
        holds the data set name and its source line.

    Raises
    ------
    KoitError
        If the data set, mineral or year is unknown, or the data have no world total.

    Examples
    --------
    >>> producers("lithium", 2025)["country"].iloc[0]
    'Australia'
    """
    rows, year = _rows(mineral, year, dataset)
    # withheld ('W', empty) and zero ('—') rows are not producers
    countries = rows[(rows["kind"] == "country") & (rows["production"] > 0)]
    out = countries[["country", "iso3", "production", "unit"]].copy()
    total = world_total(mineral, year, dataset=dataset)
    out["share_pct"] = metrics.shares(out["production"], total=total).values
    out = out.sort_values("production", ascending=False, kind="stable").reset_index(drop=True)
    _localize_countries(out)
    out.attrs = {"dataset": dataset, "source": data.source_line(dataset)}
    return out


def _localize_countries(table: pd.DataFrame) -> None:
    """In a Korean or Italian lesson, write the ``country`` column in its language (the
    ``iso3`` column keeps the identifiers)."""
    from koit_lessons import glossary, language

    if language.current() != "en":
        table["country"] = [
            glossary.name(code, default=country) if isinstance(code, str) else country
            for code, country in zip(table["iso3"], table["country"], strict=True)
        ]


def concentration(
    mineral: str, year: int | None = None, *, dataset: str = DATASET
) -> dict[str, object]:
    """Top producer, top-1 and top-3 shares (%) and the HHI of production by country.

    The HHI is computed over the listed countries only ("Other countries" are many
    small producers), so it is a slight underestimate.

    Parameters
    ----------
    mineral : str
        A mineral name from :func:`mineral_names` (case and surrounding spaces are ignored).
    year : int, optional
        A data year; None (the default) means the latest year in the data set.
    dataset : str, optional
        "mineral_production" (the default) or "mineral_processing".

    Returns
    -------
    dict
        Keys ``mineral`` (lower case), ``top_country``, ``top1_pct``, ``top3_pct`` (floats,
        in %) and ``hhi`` (float, 0 to 10,000).

    Raises
    ------
    KoitError
        If the data set, mineral or year is unknown, or the data have no world total.

    Examples
    --------
    >>> concentration("cobalt", 2025)["top_country"]
    'Congo (Kinshasa)'
    """
    table = producers(mineral, year, dataset=dataset)
    shares = table["share_pct"]
    return {
        "mineral": _mineral(mineral, _dataset(dataset)),
        "top_country": table["country"].iloc[0],
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, 3),
        "hhi": metrics.hhi(shares),
    }


def concentration_table(
    year: int | None = None,
    minerals: Iterable[str] | None = None,
    *,
    dataset: str = DATASET,
) -> pd.DataFrame:
    """:func:`concentration` for every mineral (or only for ``minerals``), most
    concentrated first.

    Parameters
    ----------
    year : int, optional
        A data year; None (the default) means the latest year in the data set.
    minerals : iterable of str, optional
        The minerals to include; None (the default) means all of :func:`mineral_names`.
    dataset : str, optional
        "mineral_production" (the default) or "mineral_processing".

    Returns
    -------
    pandas.DataFrame
        One row per mineral with the keys of :func:`concentration` as columns, sorted by
        ``hhi`` from high to low; ``attrs`` holds the data set name and its source line.

    Raises
    ------
    KoitError
        If ``minerals`` is not a non-empty list of names, or a name, year or data set is unknown.

    Examples
    --------
    >>> concentration_table(2025, minerals=["cobalt", "lithium"])["mineral"].tolist()
    ['cobalt', 'lithium']
    """
    dataset = _dataset(dataset)
    if minerals is None:
        chosen = mineral_names(dataset)
    elif isinstance(minerals, str) or not isinstance(minerals, Iterable):
        raise KoitError(
            f"minerals= should be a list of mineral names, e.g. ['lithium', 'cobalt'], "
            f"not {said(minerals)}."
        )
    else:
        chosen = [_mineral(m, dataset) for m in minerals]
        if not chosen:
            raise KoitError("minerals= is an empty list: name at least one mineral.")
        twice = sorted({m for m in chosen if chosen.count(m) > 1})
        if twice:
            raise KoitError(
                f"minerals= names {', '.join(twice)} more than once: name each mineral once."
            )
    out = pd.DataFrame([concentration(m, year, dataset=dataset) for m in chosen])
    out = out.sort_values("hhi", ascending=False).reset_index(drop=True)
    from koit_lessons import glossary, language

    if language.current() != "en":  # a Korean or Italian lesson names them in its language
        out["mineral"] = [glossary.name(m, default=language.tr(m)) for m in out["mineral"]]
    out.attrs = {"dataset": dataset, "source": data.source_line(dataset)}
    return out


def reserve_holders(mineral: str) -> pd.DataFrame:
    """The countries holding reserves of ``mineral`` (USGS, reserves as of 2025), largest
    first, each with its share of the world total in percent (``share_pct``).

    Where USGS gives the world total only as a lower bound (nickel, rare earths:
    ">140,000,000"), the shares are computed against that bound and so are upper
    limits; the column ``world_more_than`` says so.

    Parameters
    ----------
    mineral : str
        A mineral with reserve data (case and surrounding spaces are ignored).

    Returns
    -------
    pandas.DataFrame
        Columns ``country``, ``iso3``, ``reserves``, ``unit``, ``share_pct`` and
        ``world_more_than`` (bool, the same in every row); ``attrs`` holds the data set
        name and its source line.

    Raises
    ------
    KoitError
        If there are no reserve data for ``mineral``, or no world total.

    Examples
    --------
    >>> reserve_holders("lithium")["country"].iloc[0]
    'Chile'
    """
    df = data.table(RESERVES)
    mineral = pick_name("mineral with reserve data", mineral, sorted(df["mineral"].unique()))
    rows = df[df["mineral"] == mineral]
    world = rows[rows["kind"] == "world"]
    if world.empty:
        raise KoitError(f"The data have no world total of reserves for {mineral}.")
    countries = rows[rows["kind"] == "country"]
    out = countries[["country", "iso3", "reserves", "unit"]].copy()
    out["share_pct"] = metrics.shares(
        out["reserves"], total=float(world["reserves"].iloc[0])
    ).values
    out["world_more_than"] = bool(world["more_than"].iloc[0])
    out = out.sort_values("reserves", ascending=False, kind="stable").reset_index(drop=True)
    _localize_countries(out)
    out.attrs = {"dataset": RESERVES, "source": data.source_line(RESERVES)}
    return out


def mine_vs_refine(year: int | None = None) -> pd.DataFrame:
    """Concentration of the mining and the refining stage of each chain in
    :data:`STAGE_CHAINS` (copper; bauxite to alumina), one row per chain and stage.

    Parameters
    ----------
    year : int, optional
        A data year; None (the default) means the latest year of each data set.

    Returns
    -------
    pandas.DataFrame
        One row per chain and stage: ``chain``, ``stage`` ("mining" or "refining"),
        ``material``, ``top_country``, ``top1_pct``, ``top3_pct`` and ``hhi``.

    Raises
    ------
    KoitError
        If ``year`` is not a year in the data.

    Examples
    --------
    >>> mine_vs_refine(2025)[["chain", "stage", "top_country"]].iloc[1].tolist()
    ['copper', 'refining', 'China']
    """
    rows = []
    for chain, stages in STAGE_CHAINS.items():
        for mineral, dataset in stages:
            c = concentration(mineral, year, dataset=dataset)
            rows.append(
                {
                    "chain": chain,
                    "stage": DATASETS[dataset],
                    "material": mineral,
                    **{k: v for k, v in c.items() if k != "mineral"},
                }
            )
    out = pd.DataFrame(rows)
    out.attrs = {
        "dataset": f"{DATASET} + {PROCESSING}",
        "source": data.source_line(DATASET),
    }
    return out


def compare_with_iea() -> pd.DataFrame:
    """Every IEA figure in ``iea_supply_concentration`` that the USGS tables also give
    (the same mineral, stage, year and measure), side by side.

    Only mining can be compared: the IEA rows cover nickel and rare earths, whose
    refining the USGS tables do not give. The IEA figures are for 2023, a year that
    USGS *Mineral Commodity Summaries 2026* no longer gives, so the USGS side comes from
    the 2025 edition (data set ``mineral_production_2023``) for 2023, and from
    ``mineral_production`` (MCS 2026) for any year that edition has. The column
    ``usgs_from`` names the data set used: editions are never mixed in one figure.

    Returns
    -------
    pandas.DataFrame
        One row per figure: ``mineral``, ``stage``, ``year``, ``measure`` ("top-1 share"
        or "top-3 share"), ``iea_pct``, ``iea_from`` (the IEA edition, and whether the
        figure was read in a press report), ``usgs_pct`` (computed from
        :func:`producers`, leaving out "Other countries"), ``usgs_from`` (the USGS data
        set and edition) and ``difference_pp`` (USGS minus IEA, in percentage points).

    Examples
    --------
    >>> t = compare_with_iea()
    >>> t[["mineral", "measure"]].values.tolist()
    [['nickel', 'top-3 share'], ['rare earths', 'top-1 share'], ['rare earths', 'top-3 share']]
    >>> t["usgs_from"].iloc[0]
    'mineral_production_2023 (MCS 2025)'
    """
    iea = data.load("iea_supply_concentration")
    editions = {
        DATASET: "MCS 2026",
        EARLIER: "MCS 2025",
    }
    rows = []
    for r in iea.itertuples(index=False):
        k = {"top-1 share": 1, "top-3 share": 3}.get(r.measure)
        if r.stage != "mining" or not k:
            continue
        # the current edition where it has the year, else the earlier one
        usgs_set = next(
            (
                ds
                for ds in (DATASET, EARLIER)
                if r.mineral in mineral_names(ds) and int(r.year) in years(ds)
            ),
            None,
        )
        if usgs_set is None:
            continue
        shares = producers(r.mineral, int(r.year), dataset=usgs_set)["share_pct"]
        by = r.reported_by
        reported = f" ({by})" if isinstance(by, str) and by else ""
        usgs = float(shares.head(k).sum())
        rows.append(
            {
                "mineral": r.mineral,
                "stage": r.stage,
                "year": int(r.year),
                "measure": r.measure,
                "iea_pct": float(r.share_pct),
                "iea_from": r.edition + reported,
                "usgs_pct": round(usgs, 1),
                "usgs_from": f"{usgs_set} ({editions[usgs_set]})",
                "difference_pp": round(usgs - float(r.share_pct), 1),
            }
        )
    out = pd.DataFrame(rows)
    out.attrs = {
        "dataset": f"iea_supply_concentration + {EARLIER}",
        "source": data.source_line("iea_supply_concentration") + "; " + data.source_line(EARLIER),
    }
    return out
