"""Trade between Korea and Italy (lesson 07): exports, imports and the balance by year."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from koit_lessons import glossary, language
from koit_lessons.errors import KoitError, pick_name, said
from koit_lessons.language import tr
from koit_lessons.plots._core import (
    COUNTRY_COLORS,
    NEUTRAL,
    _axes,
    _check_frame,
    _document,
    _finish,
    _source_text,
)
from koit_lessons.plots._describe import in_sentence, number, sentence

__all__ = ["trade_bars"]


@_document
def trade_bars(
    df: pd.DataFrame,
    *,
    year: str = "year",
    exports: str = "exports",
    imports: str = "imports",
    balance: str | None = "balance",
    side: str = "Korea",
    ax: Axes | None = None,
    title: str | None = None,
    ylabel: str | None = None,
    source: str | None = None,
) -> Axes:
    """Paired bars per year: ``side``'s exports and imports, with the balance.

    Exports and imports are drawn in the two countries' colours (goods leaving Korea in
    Korea's blue, goods leaving Italy in Italy's green), the balance as a black diamond.
    Missing values stay gaps, marked "no figure".

    Parameters
    ----------
    df : pandas.DataFrame
        One row per year, e.g. :func:`koit_lessons.partnership.trade`.
    year, exports, imports : str
        The columns with the years and with ``side``'s exports and imports.
    balance : str or None
        The column with the balance (None: no diamonds).
    side : str
        ``"Korea"`` or ``"Italy"``: whose exports and imports the columns hold.
    {ax}
    title, ylabel : str, optional
        The title and the label of the value axis (default: ``"Value"``).
    {source}

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": [2023, 2024], "exports": [5.0, None],
    ...                    "imports": [6.0, 6.5], "balance": [-1.0, None]})
    >>> ax = trade_bars(df, source="Source: an example.")
    >>> "no figure" in [t.get_text() for t in ax.texts]
    True
    """
    _check_frame(df, [year, exports, imports, balance])
    try:
        from koit_lessons.partnership import side_aliases

        # ' korea' is Korea, and so is 대한민국 (an edition writes the side in its language)
        side = pick_name("side", side, ("Korea", "Italy"), aliases=side_aliases())
    except KoitError:
        raise KoitError(f"side must be 'Korea' or 'Italy', not {said(side)}.") from None
    src = _source_text(df, source)
    rows = df.sort_values(year).reset_index(drop=True)
    other = "Italy" if side == "Korea" else "Korea"
    out_color = COUNTRY_COLORS["KOR" if side == "Korea" else "ITA"]
    in_color = COUNTRY_COLORS["ITA" if side == "Korea" else "KOR"]
    ax = _axes(ax)
    xs = list(range(len(rows)))
    width = 0.38
    # the countries as the edition writes them (한국, Italia); the data say Korea, Italy
    english = language.current() == "en"
    shown = {
        "Korea": "Korea" if english else glossary.name("KOR"),
        "Italy": "Italy" if english else glossary.name("ITA"),
    }
    me, them = shown[side], shown[other]
    b1 = ax.bar([x - width / 2 for x in xs], rows[exports], width, color=out_color,
                label=tr("{a} to {b} ({a}'s exports)", a=me, b=them))  # fmt: skip
    b2 = ax.bar([x + width / 2 for x in xs], rows[imports], width, color=in_color,
                label=tr("{b} to {a} ({a}'s imports)", a=me, b=them))  # fmt: skip
    for bars in (b1, b2):  # Italian: 4,5
        ax.bar_label(bars, labels=["" if pd.isna(v) else language.number(v, ",.1f")
                                   for v in bars.datavalues], padding=2, fontsize=8)  # fmt: skip
    for offset, col in ((-width / 2, exports), (width / 2, imports)):
        for x, v in zip(xs, rows[col], strict=True):
            if pd.isna(v):
                ax.annotate(
                    tr("no figure"), (x + offset, 0), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", rotation=90, fontsize=8, color=NEUTRAL,
                )  # fmt: skip
    if balance is not None and rows[balance].notna().any():
        ax.scatter(xs, rows[balance], marker="D", color="#000000", zorder=3,
                   label=tr("{a}'s balance (exports − imports)", a=me))  # fmt: skip
        for x, v in zip(xs, rows[balance], strict=True):
            if pd.notna(v):
                ax.annotate(
                    language.number(v, "+,.2f"),
                    (x, v),
                    xytext=(8, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=8,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
                )  # on a white box: the label can land on a bar
    top = max(rows[[exports, imports]].max().max(), 0)
    ax.set_ylim(top=top * 1.45 if top > 0 else None)
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.set_xticks(xs, [str(v) for v in rows[year]])
    ax.set_xlim(-0.6, len(xs) - 0.4)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.legend(fontsize=8, loc="upper left")
    ylabel = ylabel if ylabel is not None else tr("Value")
    years = []
    for _, row in rows.iterrows():
        text = tr(
            "{year}: exports {e}, imports {i}",
            year=row[year],
            e=number(row[exports]),
            i=number(row[imports]),
        )
        if balance is not None and pd.notna(row[balance]):
            text += tr(", balance {b}", b=language.number(row[balance], "+,.2f"))
        years.append(text)
    described = sentence(
        tr(
            "Bar chart of {a}'s exports to and imports from {b} in {unit}, two bars per year",
            a=me,
            b=them,
            unit=in_sentence(ylabel),
        ),
        None,
        title,
        "; ".join(years),
    )
    return _finish(
        ax,
        src,
        title=title,
        xlabel=tr("Data year (only the years a source published)"),
        ylabel=ylabel,
        description=described,
    )
