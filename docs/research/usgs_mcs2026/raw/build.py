"""Build ../candidates.csv from the table lines transcribed in sources.py.

Every number in candidates.csv is parsed from a quoted line in sources.py, which holds
the lines exactly as read (see notes.md for where). Nothing is computed, rounded or
filled in: a cell that was not read gives no row; 'W' gives a row with an empty value.

Run: python3 raw/build.py   (from docs/research/usgs_mcs2026/)
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sources  # noqa: E402

ISO3 = {
    "United States": "USA", "Argentina": "ARG", "Australia": "AUS", "Brazil": "BRA",
    "Canada": "CAN", "Chile": "CHL", "China": "CHN", "Mali": "MLI", "Portugal": "PRT",
    "Zimbabwe": "ZWE", "Congo (Kinshasa)": "COD", "Cuba": "CUB", "Indonesia": "IDN",
    "Madagascar": "MDG", "Papua New Guinea": "PNG", "Philippines": "PHL", "Russia": "RUS",
    "Turkey": "TUR", "Austria": "AUT", "Germany": "DEU", "India": "IND",
    "Korea, North": "PRK", "Korea, Republic of": "KOR", "Mexico": "MEX",
    "Mozambique": "MOZ", "Norway": "NOR", "Sri Lanka": "LKA", "Tanzania": "TZA",
    "Ukraine": "UKR", "Vietnam": "VNM", "Japan": "JPN", "New Caledonia": "NCL",
    "Burma": "MMR", "Greenland": "GRL", "Malaysia": "MYS", "Nigeria": "NGA",
    "South Africa": "ZAF", "Thailand": "THA", "Kazakhstan": "KAZ", "Peru": "PER",
    "Poland": "POL", "Zambia": "ZMB", "Bhutan": "BTN", "France": "FRA",
    "Iceland": "ISL", "Spain": "ESP",
}

FIELDS = ["dataset", "mineral", "country", "iso3", "kind", "year", "production",
          "reserves", "more_than", "unit", "measure", "estimated", "note", "source",
          "quote"]


def kind_of(country):
    if country.startswith("World total"):
        return "world"
    if country in ("Other countries", "Other"):
        return "other"
    return "country"


def clean(cell):
    """Return (value, more_than, flag) for one table cell, as read."""
    cell = cell.strip()
    more = cell.startswith(">")
    num = cell.lstrip(">").replace(",", "")
    if num.isdigit():
        return num, more, ""
    return None, more, cell  # W, N/A, NA, ...


def rows_from_table(t):
    out = []
    for line in t["lines"].strip().splitlines():
        line = line.strip()
        cells = [c.strip() for c in line.strip("|").split("|")]
        country = cells[0]
        name = "Other countries" if country == "Other" else country
        extra = t.get("row_notes", {}).get(country, "")
        label_note = 'row label read as "Other"' if country == "Other" else ""
        common = dict(mineral=t["mineral"], country=name, iso3=ISO3.get(name, ""),
                      kind=kind_of(name), source=t["source"], quote=line)
        for col, year, est in t["prod_cols"]:
            v, _, flag = clean(cells[col])
            if v is None and flag != "W":
                continue
            notes = []
            if flag == "W":
                notes.append("W: withheld by USGS to avoid disclosing company proprietary data")
            if v == "0":
                notes.append("0 is the extraction's rendering of the printed '—' (USGS: Zero)")
            notes += [n for n in (extra, label_note, t.get("prod_note", "")) if n]
            out.append(dict(common, dataset=t["prod_dataset"], year=year,
                            production=v or "", reserves="", more_than="",
                            unit=t["prod_unit"], measure=t["prod_measure"],
                            estimated=est, note=" | ".join(notes)))
        if t.get("res_col") is not None:
            v, more, flag = clean(cells[t["res_col"]])
            if v is not None:
                notes = [n for n in (t.get("res_row_notes", {}).get(country, ""),
                                     label_note, t.get("res_note", "")) if n]
                if v == "0":
                    notes.insert(0, "0 is the extraction's rendering of the printed '—' (USGS: Zero)")
                out.append(dict(common, dataset="reserves", year=t["res_year"],
                                production="", reserves=v,
                                more_than="true" if more else "false",
                                unit=t["res_unit"], measure="Reserves",
                                estimated="", note=" | ".join(notes)))
    return out


def main():
    rows = []
    for t in sources.TABLES:
        rows += rows_from_table(t)
    for r in sources.SINGLE_ROWS:
        rows.append(dict({f: "" for f in FIELDS}, **r))
    path = os.path.join(os.path.dirname(HERE), "candidates.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)
    counts = {}
    for r in rows:
        counts[r["dataset"]] = counts.get(r["dataset"], 0) + 1
    print(len(rows), "rows", counts)


if __name__ == "__main__":
    main()
