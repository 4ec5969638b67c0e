"""What it takes to train an AI model: compute, chips, time and energy.

Pure functions for the arithmetic of a training run, and views of three data sets:
``ai_training_compute`` (Epoch AI), ``ai_accelerators`` (Google Cloud TPU pages)
and ``data_centre_electricity`` (IEA).

The arithmetic in four lines::

    FLOP        ≈ 6 × parameters × training tokens
    chip-seconds = FLOP / (peak FLOP/s per chip × utilisation)
    time         = chip-seconds / number of chips
    energy       = power per chip × number of chips × time

>>> from koit_lessons import compute
>>> compute.training_flop(1e9, 20e9)        # 1 billion parameters, 20 billion tokens
1.2e+20
>>> round(compute.chip_hours(1.2e20, 100e12, 0.5), 1)
666.7
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from koit_lessons import data, language, metrics
from koit_lessons._results import Result
from koit_lessons.errors import KoitError, pick_name, require_number, require_whole

__all__ = [
    "FLOP_PER_PARAMETER_TOKEN",
    "training_flop",
    "chip_seconds",
    "chip_hours",
    "training_time_days",
    "chips_needed",
    "energy_mwh",
    "decimal_year",
    "fit_trend",
    "doubling_months",
    "models",
    "accelerators",
    "accelerator",
    "accelerator_names",
    "arithmetic_intensity",
    "TrainingRun",
    "training_run",
    "data_centre_electricity",
]

#: The common approximation: training a dense transformer costs about 6 FLOP per
#: parameter per training token (2 for the forward pass, 4 for the backward pass).
FLOP_PER_PARAMETER_TOKEN = 6
SECONDS_PER_HOUR = 3600
HOURS_PER_DAY = 24
DAYS_PER_YEAR = 365.25


def _positive(x: object, what: str, *, allow_zero: bool = False) -> float:
    require_number(x, what)  # NaN is "not a number" here, infinity "not finite"
    bound = {"at_least": 0} if allow_zero else {"greater_than": 0}
    return require_number(x, what, finite=True, **bound)


def _finite(compute: Callable[[], float], what: str) -> float:
    """The result of ``compute()``, or one sentence if it is too large for a number."""
    try:
        x = float(compute())
    except (OverflowError, ZeroDivisionError):
        x = math.inf
    if not math.isfinite(x):
        raise KoitError(
            f"The {what} comes out too large to compute as a number: check the size and units "
            "of the inputs (e.g. 1e9 for a billion)."
        )
    return x


def _utilisation(u: object) -> float:
    value = _positive(u, "utilisation")
    if value > 1:
        hint = f" Did you mean {value / 100:g}?" if value <= 100 else ""
        raise KoitError(
            f"The utilisation is a fraction between 0 and 1 (e.g. 0.4 for 40 %), "
            f"not {value:g}.{hint}"
        )
    return value


def _count(n: object, what: str) -> int:
    return require_whole(n, what, minimum=1)  # 8.0 chips (e.g. from a widget) is 8


# --- the arithmetic of a training run ---------------------------------------------------


def training_flop(parameters: float, tokens: float) -> float:
    """Approximate training compute in FLOP: 6 × parameters × training tokens.

    The rule of thumb holds for dense transformer language models; for
    mixture-of-experts models use the parameters active per token.

    Parameters
    ----------
    parameters : float
        The number of parameters (more than 0).
    tokens : float
        The number of training tokens (more than 0).

    Returns
    -------
    float
        ``6 * parameters * tokens``.

    Raises
    ------
    KoitError
        If a value is not a finite number above 0.

    Llama 3.1 405B: 405 billion parameters, 15.6 trillion tokens:

    Examples
    --------
    >>> training_flop(405e9, 15.6e12)
    3.7908e+25
    """
    n = _positive(parameters, "number of parameters")
    d = _positive(tokens, "number of training tokens")
    return _finite(lambda: FLOP_PER_PARAMETER_TOKEN * n * d, "training compute")


def chip_seconds(flop: float, peak_flops: float, utilisation: float) -> float:
    """Seconds one chip would need: FLOP / (peak FLOP/s × utilisation).

    ``peak_flops`` is in FLOP per second (1 TFLOP/s = 1e12); ``utilisation`` is
    the fraction of the peak that a real run reaches (0 to 1).

    Parameters
    ----------
    flop : float
        The training compute in FLOP (more than 0).
    peak_flops : float
        The chip's peak in FLOP per second (more than 0).
    utilisation : float
        The fraction of the peak reached, above 0 and at most 1.

    Returns
    -------
    float
        Seconds of one chip's work.

    Raises
    ------
    KoitError
        If a value is not a finite number above 0, or the utilisation is above 1.

    Examples
    --------
    >>> chip_seconds(1e18, 1e12, 0.5)
    2000000.0
    """
    f = _positive(flop, "training compute (FLOP)")
    peak = _positive(peak_flops, "peak FLOP per second")
    u = _utilisation(utilisation)
    return _finite(lambda: f / (peak * u), "number of chip-seconds")


def chip_hours(flop: float, peak_flops: float, utilisation: float) -> float:
    """Chip-hours (GPU-hours, TPU-hours) a training run needs.

    Parameters
    ----------
    flop, peak_flops, utilisation : float
        As for :func:`chip_seconds`.

    Returns
    -------
    float
        :func:`chip_seconds` divided by 3,600.

    Raises
    ------
    KoitError
        As for :func:`chip_seconds`.

    Examples
    --------
    >>> chip_hours(3.6e18, 1e12, 1.0)
    1000.0
    """
    return chip_seconds(flop, peak_flops, utilisation) / SECONDS_PER_HOUR


def training_time_days(flop: float, peak_flops: float, utilisation: float, chips: int) -> float:
    """Wall-clock days for ``chips`` chips working together (perfect scaling assumed).

    Parameters
    ----------
    flop, peak_flops, utilisation : float
        As for :func:`chip_seconds`.
    chips : int
        The number of chips, 1 or more (a whole float such as 8.0 is taken as 8).

    Returns
    -------
    float
        Days: chip-seconds divided by ``chips`` and by 86,400.

    Raises
    ------
    KoitError
        As for :func:`chip_seconds`, or if ``chips`` is not a whole number of 1 or more.

    Examples
    --------
    >>> training_time_days(8.64e16, 1e12, 1.0, 1)
    1.0
    """
    n = _count(chips, "number of chips")
    return chip_seconds(flop, peak_flops, utilisation) / n / SECONDS_PER_HOUR / HOURS_PER_DAY


def chips_needed(flop: float, peak_flops: float, utilisation: float, days: float) -> int:
    """The smallest number of chips that finish the run within ``days`` days.

    Parameters
    ----------
    flop, peak_flops, utilisation : float
        As for :func:`chip_seconds`.
    days : float
        The time allowed, in days (more than 0).

    Returns
    -------
    int
        At least 1.

    Raises
    ------
    KoitError
        As for :func:`chip_seconds`, or if ``days`` is not a finite number above 0.

    Examples
    --------
    >>> chips_needed(8.64e16 * 10, 1e12, 1.0, 2)
    5
    """
    d = _positive(days, "number of days")
    seconds = chip_seconds(flop, peak_flops, utilisation)
    ratio = _finite(lambda: seconds / (d * HOURS_PER_DAY * SECONDS_PER_HOUR), "number of chips")
    return max(1, math.ceil(ratio - 1e-9))


def energy_mwh(power_w: float, chips: int, hours: float) -> float:
    """Electricity used by the chips alone, in megawatt-hours: power × chips × hours.

    Servers, networking and cooling come on top of this.

    Parameters
    ----------
    power_w : float
        The power of one chip in watts (more than 0).
    chips : int
        The number of chips, 1 or more (a whole float such as 8.0 is taken as 8).
    hours : float
        The running time in hours (0 or more).

    Returns
    -------
    float
        ``power_w * chips * hours / 1e6``.

    Raises
    ------
    KoitError
        If a value is not a finite number in its range, or ``chips`` is not whole.

    Examples
    --------
    >>> energy_mwh(500, 1000, 24)
    12.0
    """
    p = _positive(power_w, "power per chip (W)")
    n = _count(chips, "number of chips")
    h = _positive(hours, "number of hours", allow_zero=True)
    return _finite(lambda: p * n * h / 1e6, "energy")


# --- growth of training compute ------------------------------------------------------------


def decimal_year(dates: pd.Series) -> pd.Series:
    """Dates as decimal years, e.g. 1 July 2020 -> about 2020.5.

    Parameters
    ----------
    dates : pandas.Series
        Dates, or text that :func:`pandas.to_datetime` reads as dates, with no gaps.

    Returns
    -------
    pandas.Series
        Floats: the year plus the fraction of its days (365 or 366) before the date.

    Raises
    ------
    KoitError
        If ``dates`` is not a Series or some value cannot be read as a date.

    Examples
    --------
    >>> decimal_year(pd.Series(pd.to_datetime(["2020-01-01"]))).tolist()
    [2020.0]
    """
    if not isinstance(dates, pd.Series):
        raise KoitError(
            f"Pass the dates as one column (a pandas Series), not {type(dates).__name__}."
        )
    d = pd.to_datetime(dates, errors="coerce")
    if d.isna().any():
        raise KoitError(
            "Some dates could not be read as dates: check the column for typos or gaps."
        )
    start = pd.to_datetime(d.dt.year.astype(str) + "-01-01")
    length = np.where(d.dt.is_leap_year, 366.0, 365.0)
    return d.dt.year + (d - start).dt.days / length


def fit_trend(
    df: pd.DataFrame,
    date: str = "publication_date",
    value: str = "training_compute_flop",
) -> dict[str, float]:
    """Fit a straight line to log10(value) against time: an exponential trend.

    Returns a dict with the fitted ``slope_log10`` (orders of magnitude per year),
    ``intercept_log10``, the ``annual_growth`` factor (10 ** slope), the growth
    ``rate_pct`` per year, the ``doubling_years`` and ``doubling_months``
    (from :func:`koit_lessons.metrics.doubling_time`), the number of points ``n``
    and ``r2``, the share of the variance in log10(value) the line explains.

    Parameters
    ----------
    df : pandas.DataFrame
        The table; rows missing the date or the value are dropped first.
    date : str, optional
        The column of dates (datetimes, or numbers such as decimal years); default
        "publication_date".
    value : str, optional
        The column of positive values; default "training_compute_flop".

    Returns
    -------
    dict
        The keys above; ``n`` is an int, the rest floats. Without growth (``rate_pct``
        0 or less) ``doubling_years`` and ``doubling_months`` are ``inf``.

    Raises
    ------
    KoitError
        If ``df`` is not a table, lacks a column, has under two rows, a value is not
        positive, or all dates are the same.

    Examples
    --------
    >>> toy = pd.DataFrame({"publication_date": pd.to_datetime(["2020-01-01", "2021-01-01"]),
    ...                     "training_compute_flop": [1e20, 4e20]})
    >>> round(fit_trend(toy)["annual_growth"], 2)
    4.0
    """
    if not isinstance(df, pd.DataFrame):
        raise KoitError(f"Pass a table (a pandas DataFrame), not {type(df).__name__}.")
    for col in (date, value):
        if col not in df.columns:
            raise KoitError(
                f"The table has no column {col!r}. "
                f"Its columns are: {', '.join(map(str, df.columns))}."
            )
    rows = df[[date, value]].dropna()
    if len(rows) < 2:
        raise KoitError("A trend needs at least two rows with both a date and a value.")
    y_raw = rows[value].astype("float64")
    if (y_raw <= 0).any():
        raise KoitError(f"The column {value!r} must hold positive numbers to use a log scale.")
    if pd.api.types.is_datetime64_any_dtype(rows[date]):
        x = decimal_year(rows[date]).to_numpy(dtype=float)
    else:
        x = rows[date].astype("float64").to_numpy()
    if np.ptp(x) == 0:
        raise KoitError("All rows have the same date, so there is no trend over time to fit.")
    y = np.log10(y_raw.to_numpy())
    slope, intercept = np.polyfit(x, y, 1)
    predicted = intercept + slope * x
    ss_res = float(((y - predicted) ** 2).sum())
    ss_tot = float(((y - y.mean()) ** 2).sum())
    growth = float(10**slope)
    rate = (growth - 1) * 100
    years = metrics.doubling_time(rate) if rate > 0 else math.inf
    return {
        "slope_log10": float(slope),
        "intercept_log10": float(intercept),
        "annual_growth": growth,
        "rate_pct": rate,
        "doubling_years": years,
        "doubling_months": years * 12,
        "n": int(len(rows)),
        "r2": 1 - ss_res / ss_tot if ss_tot > 0 else 1.0,
    }


def doubling_months(annual_growth: float) -> float:
    """Months to double for something that grows by ``annual_growth`` times per year.

    Parameters
    ----------
    annual_growth : float
        The growth factor per year (e.g. 4.0 for four times); must be above 1.

    Returns
    -------
    float
        Months: 12 × :func:`koit_lessons.metrics.doubling_time` of the growth in percent.

    Raises
    ------
    KoitError
        If ``annual_growth`` is not a finite number above 1.

    Examples
    --------
    >>> doubling_months(4.0)
    6.0
    """
    g = _positive(annual_growth, "annual growth factor")
    if g <= 1:
        raise KoitError(
            "Only something that grows doubles: the annual growth factor must be above 1, "
            f"not {g:g}."
        )
    return 12 * metrics.doubling_time((g - 1) * 100)


# --- data views ----------------------------------------------------------------------------


def models() -> pd.DataFrame:
    """The ``ai_training_compute`` table, oldest first, with a ``decimal_year`` column.

    Returns
    -------
    pandas.DataFrame
        A new frame sorted by ``publication_date`` and ``model``, with a new index.

    Examples
    --------
    >>> models()["model"].iloc[0]
    'AlexNet'
    """
    df = data.table("ai_training_compute").sort_values(["publication_date", "model"])
    df["decimal_year"] = decimal_year(df["publication_date"])
    return df.reset_index(drop=True)


def accelerator_names() -> list[str]:
    """The chips in the ``ai_accelerators`` data set.

    Returns
    -------
    list of str
        The chip names, in the order of the data set.

    Examples
    --------
    >>> accelerator_names()[:2]
    ['Google TPU v4', 'Google TPU v5p']
    """
    return list(data.table("ai_accelerators")["chip"])


def accelerators() -> pd.DataFrame:
    """The ``ai_accelerators`` table with the memory in GB and the FLOP per byte.

    ``flop_per_byte`` is peak FLOP/s divided by memory bandwidth in bytes/s: how
    many operations a chip must do on each byte it reads to stay busy.

    Returns
    -------
    pandas.DataFrame
        A copy of the table with ``memory_gb`` (GiB converted to GB) and ``flop_per_byte``
        added (from ``peak_bf16_tflops`` and ``memory_bandwidth_gbps``).

    Examples
    --------
    >>> float(accelerators().set_index("chip").loc["Google TPU v4", "flop_per_byte"].round(1))
    229.2
    """
    df = data.table("ai_accelerators").copy()
    gib = df["memory_unit"] == "GiB"
    df["memory_gb"] = df["memory_capacity"].where(~gib, df["memory_capacity"] * 2**30 / 1e9)
    df["flop_per_byte"] = [
        arithmetic_intensity(p * 1e12, b * 1e9)
        for p, b in zip(df["peak_bf16_tflops"], df["memory_bandwidth_gbps"], strict=True)
    ]
    df.attrs = dict(data.table("ai_accelerators").attrs)
    return df


def accelerator(chip: str) -> dict[str, object]:
    """One chip's row as a dict, e.g. ``accelerator("Google TPU v5p")["peak_bf16_tflops"]``.

    Parameters
    ----------
    chip : str
        A chip from :func:`accelerator_names` (case and surrounding spaces are ignored).

    Returns
    -------
    dict
        ``chip`` and the other columns of ``ai_accelerators``; missing values are None.

    Raises
    ------
    KoitError
        If ``chip`` is not one of :func:`accelerator_names`.

    Examples
    --------
    >>> accelerator("Google TPU v4")["peak_bf16_tflops"]
    275.0
    """
    name = pick_name("chip", chip, accelerator_names())
    row = data.table("ai_accelerators").set_index("chip").loc[name]
    out = {"chip": name, **row.to_dict()}
    return {
        k: (None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
        for k, v in out.items()
    }


def arithmetic_intensity(peak_flops: float, bandwidth_bytes: float) -> float:
    """FLOP a chip can do per byte it reads from memory at full speed.

    Parameters
    ----------
    peak_flops : float
        The peak in FLOP per second (more than 0).
    bandwidth_bytes : float
        The memory bandwidth in bytes per second (more than 0).

    Returns
    -------
    float
        ``peak_flops / bandwidth_bytes``.

    Raises
    ------
    KoitError
        If a value is not a finite number above 0.

    Examples
    --------
    >>> arithmetic_intensity(100e12, 2e12)
    50.0
    """
    peak = _positive(peak_flops, "peak FLOP per second")
    bandwidth = _positive(bandwidth_bytes, "memory bandwidth (bytes per second)")
    return _finite(lambda: peak / bandwidth, "arithmetic intensity")


@dataclass(frozen=True)
class TrainingRun(Result):
    """One hypothetical training run (see :func:`training_run`); fields can also be
    read by name, ``run["days"]``.

    Parameters
    ----------
    chip : str
        The chip's name as in ``ai_accelerators``.
    flop : float
        The training compute in FLOP.
    peak_flops : float
        The chip's peak bf16 compute in FLOP per second.
    utilisation : float
        The fraction of the peak reached (0 to 1).
    chips : int
        The number of chips.
    chip_hours : float
        The chip-hours needed.
    days : float
        The wall-clock days with ``chips`` chips.
    power_w : float or None
        The power of one chip in watts; None when the data set has none.
    energy_mwh : float or None
        The chips' electricity in MWh; None when ``power_w`` is None.
    """

    chip: str
    flop: float
    peak_flops: float
    utilisation: float
    chips: int
    chip_hours: float
    days: float
    power_w: float | None
    energy_mwh: float | None


def training_run(
    parameters: float,
    tokens: float,
    chip: str = "Google TPU v4",
    utilisation: float = 0.4,
    chips: int = 1024,
) -> TrainingRun:
    """Everything about one hypothetical training run, for the calculator.

    Returns the FLOP, chip-hours, days, and the chips' energy in MWh (None when
    the data set has no power figure for the chip).

    Parameters
    ----------
    parameters : float
        The number of parameters (more than 0).
    tokens : float
        The number of training tokens (more than 0).
    chip : str, optional
        A chip from :func:`accelerator_names` (default "Google TPU v4").
    utilisation : float, optional
        The fraction of the peak reached, above 0 and at most 1 (default 0.4).
    chips : int, optional
        The number of chips, 1 or more (default 1024).

    Returns
    -------
    TrainingRun
        The inputs and results; ``power_w`` and ``energy_mwh`` are None without a power figure.

    Raises
    ------
    KoitError
        If the chip is unknown or a number is out of its range.

    Examples
    --------
    >>> run = training_run(1e9, 20e9, "Google TPU v4", 0.5, 8)
    >>> round(run.days, 2)
    1.26
    """
    spec = accelerator(chip)
    u = _utilisation(utilisation)
    n = _count(chips, "number of chips")
    flop = training_flop(parameters, tokens)
    peak = float(spec["peak_bf16_tflops"]) * 1e12
    hours = chip_hours(flop, peak, u)
    days = training_time_days(flop, peak, u, n)
    power = spec.get("power_w")
    energy = energy_mwh(float(power), n, days * HOURS_PER_DAY) if power else None
    return TrainingRun(
        chip=str(spec["chip"]),
        flop=flop,
        peak_flops=peak,
        utilisation=u,
        chips=n,
        chip_hours=hours,
        days=days,
        power_w=float(power) if power else None,
        energy_mwh=energy,
    )


def data_centre_electricity() -> pd.DataFrame:
    """The IEA figures, with a readable ``label`` column for charts.

    Returns
    -------
    pandas.DataFrame
        A copy of ``data_centre_electricity`` with ``label`` added, e.g. '2024 (IEA estimate)'.

    Examples
    --------
    >>> data_centre_electricity()["label"].tolist()
    ['2024 (IEA estimate)', '2030 (IEA projection)']
    """
    df = data.table("data_centre_electricity").copy()
    df["label"] = [
        language.tr("{period} (IEA projection)", period=p)
        if s.startswith("projection")
        else language.tr("{period} (IEA estimate)", period=p)
        for p, s in zip(df["period"], df["status"], strict=True)
    ]
    return df
