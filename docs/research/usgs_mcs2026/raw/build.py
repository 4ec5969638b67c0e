"""Build ../candidates.csv and ../revisions_vs_shipped.csv.

Candidate rows come only from sources_substrata.py (cells transcribed from
bitbaum/substrata research/usgs-mcs.json). Each row is compared with the independent
PDF-text extraction in sources_pranava.py and with the secondary copies in
sources_secondary.py; the result goes in the `crosscheck` column. Nothing is computed,
rounded or filled in: a cell that is absent or 'NA' gives no row; 'W' gives a row with
an empty value; '—' (USGS: zero) gives 0 with a note.

Run from docs/research/usgs_mcs2026/:  python3 raw/build.py
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import sources_pranava  # noqa: E402
import sources_secondary  # noqa: E402
import sources_substrata  # noqa: E402

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
    "Iceland": "ISL", "Spain": "ESP", "Greece": "GRC", "Guinea": "GIN",
    "Ireland": "IRL", "Jamaica": "JAM", "Saudi Arabia": "SAU",
    "United Arab Emirates": "ARE",
}

FIELDS = ["dataset", "mineral", "country", "iso3", "kind", "year", "production",
          "reserves", "more_than", "unit", "measure", "estimated", "note", "source",
          "quote", "crosscheck"]

PRANAVA_LABEL = "pranava0x0 PDF-text extraction (captured 2026-05-19)"


def norm_country(c):
    return "Other countries" if c == "Other" else c


def kind_of(c):
    if c.startswith("World total"):
        return "world"
    if c in ("Other countries", "Other"):
        return "other"
    return "country"


def parse_cell(spec):
    toks = spec.split()
    raw = toks[0]
    est = "e" in toks[1:]
    fns = [t[1:] for t in toks[1:] if t.startswith("^")]
    return raw, est, fns


def quote_of(name, key, raw, est, fns):
    parts = ['"raw": "%s"' % raw]
    if est:
        parts.append('"estimated": true')
    if fns:
        parts.append('"footnotes": [%s]' % ", ".join('"%s"' % f for f in fns))
    return 'row "%s": "%s": {%s}' % (name, key, ", ".join(parts))


def pranava_map():
    """(dataset, mineral, country, year) -> value string as read in the pranava lines."""
    out = {}
    for t in sources_pranava.TABLES:
        for line in t["lines"].strip().splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            country = norm_country(cells[0])
            for col, year, _ in t["prod_cols"]:
                out[(t["prod_dataset"], t["mineral"], country, year)] = cells[col]
            if t.get("res_col") is not None:
                out[("reserves", t["mineral"], country, t["res_year"])] = cells[t["res_col"]]
    # silicon metal, 2025 column, read in data/audit/silicon/data.json (sub_metal_production_latest)
    for c, v in [("United States", "null"), ("Australia", "47"), ("Bhutan", "0"), ("Brazil", "180"),
                 ("Canada", "34"), ("China", "4000"), ("France", "68"), ("Germany", "13"),
                 ("Iceland", "16"), ("India", "0"), ("Kazakhstan", "7"), ("Malaysia", "0"),
                 ("Norway", "130"), ("Russia", "35"), ("South Africa", "10"), ("Spain", "4"),
                 ("Other countries", "46"), ("World total (rounded)", "4600")]:
        out[("processing", "silicon", c, "2025")] = v
    return out


def digits(s):
    return s.lstrip(">").replace(",", "")


def main():
    pmap = pranava_map()
    sec = {}
    for ds, m, c, y, v, label, q in sources_secondary.SECONDARY:
        sec.setdefault((ds, m, c, y), []).append((v, label))
    used_p, used_s = set(), set()
    rows = []
    for ch in sources_substrata.CHAPTERS:
        for r in ch["rows"]:
            name, cells = r[0], r[1]
            rowfn = r[2] if len(r) > 2 else []
            country = norm_country(name)
            for (key, ds, mineral, year, unit, measure), spec in zip(ch["cols"], cells):
                if spec is None:
                    continue
                raw, est, fns = parse_cell(spec)
                if raw == "NA":
                    continue
                notes = []
                value, more = "", False
                if raw == "W":
                    notes.append("W: withheld by USGS to avoid disclosing company proprietary data")
                elif raw == "—":
                    value = "0"
                    notes.append("printed '—' (USGS: Zero)")
                else:
                    more = raw.startswith(">")
                    value = digits(raw)
                    assert value.isdigit(), (ch["slug"], name, key, raw)
                    if more:
                        notes.append("printed '%s': USGS gives only a lower bound" % raw)
                for f in fns:
                    notes.append("footnote %s: \"%s\"" % (f, ch["footnotes"][f]))
                for f in rowfn:
                    notes.append("footnote %s on the row name: \"%s\"" % (f, ch["footnotes"][f]))
                if name == "Other":
                    notes.append('row label printed "Other"')
                # cross-checks
                k = (ds, mineral, country, year)
                checks = []
                if k in pmap:
                    used_p.add(k)
                    pv = pmap[k]
                    pd = "" if pv in ("W", "null") else digits(pv)
                    if pd == value:
                        checks.append(PRANAVA_LABEL + ": same")
                    else:
                        checks.append(PRANAVA_LABEL + ": DIFFERS, reads '%s'" % pv)
                for v, label in sec.get(k, []):
                    used_s.add((k, label))
                    checks.append("%s: %s" % (label, "same" if v == value else "DIFFERS, reads " + v))
                rows.append(dict(
                    dataset=ds, mineral=mineral, country=country, iso3=ISO3.get(country, ""),
                    kind=kind_of(country), year=year,
                    production=value if ds != "reserves" else "",
                    reserves=value if ds == "reserves" else "",
                    more_than=("true" if more else "false") if ds == "reserves" else "",
                    unit=unit, measure=measure,
                    estimated=("true" if est else "false") if ds != "reserves" else "",
                    note=" | ".join(notes),
                    source="%s (chapter %s, table \"%s\", unit note \"%s\")" % (
                        sources_substrata.SRC, ch["url"], ch["table"], ch["unitQuote"]),
                    quote=quote_of(name, key, raw, est, fns),
                    crosscheck=" ; ".join(checks) if checks else "no second copy read",
                ))
    with open(os.path.join(OUT, "candidates.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    counts = {}
    for r in rows:
        counts[r["dataset"]] = counts.get(r["dataset"], 0) + 1
    print(len(rows), "rows", counts)
    differs = [r for r in rows if "DIFFERS" in r["crosscheck"]]
    print("rows with a differing cross-check:", len(differs))
    for r in differs:
        print("  ", r["dataset"], r["mineral"], r["country"], r["year"], r["production"] or r["reserves"], "|", r["crosscheck"])
    unused_p = [k for k in pmap if k not in used_p]
    print("pranava cells with no substrata row:", unused_p)
    unused_s = [(k, l) for ds, m, c, y, v, l, q in sources_secondary.SECONDARY
                for k in [(ds, m, c, y)] if (k, l) not in used_s]
    print("secondary cells with no substrata row:", unused_s)
    revisions(rows)


def revisions(rows):
    """Compare 2024 (and reserves) with the shipped MCS 2025 data; write revisions_vs_shipped.csv."""
    data = os.path.join(OUT, "..", "..", "..", "data")
    shipped = {}
    for fname, ds, col in [("mineral_production.csv", "production", "production"),
                           ("mineral_processing.csv", "processing", "production"),
                           ("mineral_reserves.csv", "reserves", "reserves")]:
        with open(os.path.join(data, fname), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                shipped[(ds, r["mineral"], r["country"], r["year"])] = r
    new = {(r["dataset"], r["mineral"], r["country"], r["year"]): r for r in rows}
    out = []
    for k, s in sorted(shipped.items()):
        ds, m, c, y = k
        val_old = s["reserves"] if ds == "reserves" else s["production"]
        if ds == "reserves":
            k_new = (ds, m, c, "2025")
            what = "reserves (MCS 2025, year 2024) vs reserves (MCS 2026, year 2025)"
        elif y == "2024":
            k_new = k
            what = "2024 production: MCS 2025 estimate vs MCS 2026 revision"
        else:
            continue  # 2023 rows: MCS 2026 gives no 2023 column
        n = new.get(k_new)
        if n is None:
            out.append(dict(dataset=ds, mineral=m, country=c, comparison=what, shipped=val_old,
                            mcs2026="", status="not in MCS 2026 table as read"))
            continue
        val_new = n["reserves"] if ds == "reserves" else n["production"]
        status = "unchanged" if val_new == val_old else "changed"
        out.append(dict(dataset=ds, mineral=m, country=c, comparison=what, shipped=val_old,
                        mcs2026=val_new, status=status))
    # rows in MCS 2026 (2024 or reserves) with no shipped counterpart
    for k, n in sorted(new.items()):
        ds, m, c, y = k
        if ds == "reserves":
            k_old = (ds, m, c, "2024")
        elif y == "2024":
            k_old = k
        else:
            continue
        if k_old not in shipped:
            out.append(dict(dataset=ds, mineral=m, country=c,
                            comparison="new in MCS 2026 (no shipped row)", shipped="",
                            mcs2026=n["reserves"] if ds == "reserves" else n["production"],
                            status="new row"))
    with open(os.path.join(OUT, "revisions_vs_shipped.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["dataset", "mineral", "country", "comparison",
                                          "shipped", "mcs2026", "status"], lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    st = {}
    for r in out:
        st[r["status"]] = st.get(r["status"], 0) + 1
    print("revisions_vs_shipped:", st)


if __name__ == "__main__":
    main()
