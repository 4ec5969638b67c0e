"""Build ../candidates.csv and ../revisions_vs_shipped.csv.

Candidate rows come from the USGS data release file MCS2026_Commodities_Data.csv
(checked by SHA-256; pass its path as the first argument), plus two rows for the
rare-earth reserves that MCS 2026 version 1.3 revised. Each row is compared with the
chapter-PDF transcriptions in sources_substrata.py and sources_pranava.py and with the
secondary copies in sources_secondary.py; the result goes in the `crosscheck` column. Nothing is computed,
rounded or filled in: a cell that is 'NA' or 's' ("Included in World total") gives no row; 'W' gives a row with
an empty value; '—' (USGS: zero) gives 0 with a note.

Run from docs/research/usgs_mcs2026/:  python3 raw/build.py PATH/TO/MCS2026_Commodities_Data.csv
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import sources_pranava  # noqa: E402
import sources_re_pdf  # noqa: E402
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
RE_PDF_LABEL = "USGS chapter PDF mcs2026-rare-earths.pdf, version 1.3, read with pdftotext"


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


DR_SHA256 = "582a0aa231aea53d8a97dc8d1cd3dfa5f885cf3760353e3d029d7f0ae4fbaaf5"
DR_COPY = ("https://github.com/therealjameswilson/critical-minerals-records-stage-v3/blob/"
           "942d04a0d9f4f29fa0459535014a860e29ecdbd2/data/raw/usgs_mcs2026_commodities_data.csv")
VH_COPY = ("https://github.com/therealjameswilson/critical-minerals-records-stage-v3/blob/"
           "942d04a0d9f4f29fa0459535014a860e29ecdbd2/data/raw/usgs_mcs2026_version_history.txt")
CHAPTER_URL = {
    "LITHIUM": "mcs2026-lithium.pdf", "COBALT": "mcs2026-cobalt.pdf", "COPPER": "mcs2026-copper.pdf",
    "GALLIUM": "mcs2026-gallium.pdf", "GRAPHITE (NATURAL)": "mcs2026-graphite.pdf",
    "NICKEL": "mcs2026-nickel.pdf", "RARE EARTHS": "mcs2026-rare-earths.pdf",
    "BAUXITE AND ALUMINA": "mcs2026-bauxite-alumina.pdf", "SILICON": "mcs2026-silicon.pdf",
}
# (chapter, Statistics_detail without ": rounded") -> (dataset, mineral, unit, measure)
MAP = {
    ("LITHIUM", "Mine production"): ("production", "lithium", "t lithium content", "Mine production, lithium content"),
    ("LITHIUM", "Reserves"): ("reserves", "lithium", "t lithium content", "Reserves"),
    ("COBALT", "Mine production"): ("production", "cobalt", "t cobalt content", "Mine production, cobalt content"),
    ("COBALT", "Reserves"): ("reserves", "cobalt", "t cobalt content", "Reserves"),
    ("COPPER", "Mine production"): ("production", "copper", "thousand t copper content", "Mine production, copper content"),
    ("COPPER", "Refinery production"): ("processing", "copper", "thousand t copper content (refined copper)", "Refinery production, copper"),
    ("COPPER", "Reserves"): ("reserves", "copper", "thousand t copper content", "Reserves"),
    ("GALLIUM", "Primary production"): ("production", "gallium", "kg gallium content (primary low-purity gallium)", "Primary production, low-purity gallium"),
    ("GRAPHITE (NATURAL)", "Mine production"): ("production", "graphite", "t natural graphite", "Mine production, natural graphite"),
    ("GRAPHITE (NATURAL)", "Reserves"): ("reserves", "graphite", "t graphite", "Reserves"),
    ("NICKEL", "Mine production"): ("production", "nickel", "t nickel content", "Mine production, nickel content"),
    ("NICKEL", "Reserves"): ("reserves", "nickel", "t nickel content", "Reserves"),
    ("RARE EARTHS", "Mine production"): ("production", "rare earths", "t rare-earth-oxide equivalent", "Mine production, rare-earth-oxide equivalent"),
    ("RARE EARTHS", "Reserves"): ("reserves", "rare earths", "t rare-earth-oxide equivalent", "Reserves"),
    ("BAUXITE AND ALUMINA", "Alumina, refinery production"): ("processing", "alumina", "thousand dry t alumina (calcined equivalent)", "Refinery production, alumina"),
    ("BAUXITE AND ALUMINA", "Bauxite, mine production"): ("production", "bauxite", "thousand dry t bauxite", "Mine production, bauxite"),
    ("BAUXITE AND ALUMINA", "Bauxite reserves"): ("reserves", "bauxite", "thousand dry t bauxite", "Reserves"),
    ("SILICON", "Silicon metal"): ("processing", "silicon", "thousand t silicon content (silicon metal)", "Production, silicon metal"),
}
SUPERSEDED = {
    ("reserves", "rare earths", "Brazil", "2025"):
        "SUPERSEDED: MCS 2026 version 1.3 (27 May 2026) changed this value to 11,000,000 (see the version 1.3 row)",
    ("reserves", "rare earths", "World total (rounded)", "2025"):
        "SUPERSEDED: MCS 2026 version 1.3 (27 May 2026) changed this value to >75,000,000 (see the version 1.3 row)",
    ("production", "rare earths", "China", "2024"):
        "The USGS note 'Production quota; does not include undocumented production.' was removed from this cell "
        "in MCS 2026 version 1.1 (5 March 2026); the value did not change",
}
BOILERPLATE = "See Appendix C for resource and reserve definitions and information concerning data sources."


def read_release(path):
    import hashlib
    raw = open(path, "rb").read()
    digest = hashlib.sha256(raw).hexdigest()
    assert digest == DR_SHA256, "not the expected copy of MCS2026_Commodities_Data.csv: " + digest
    lines = raw.decode("cp1252").split("\r\n")
    header = next(csv.reader([lines[0]]))
    out = []
    for n, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        rec = dict(zip(header, next(csv.reader([line]))))
        out.append((n, line, rec))
    return out


def substrata_map():
    """(dataset, mineral, country, year) -> raw string, from the bitbaum/substrata transcription."""
    out = {}
    for ch in sources_substrata.CHAPTERS:
        for r in ch["rows"]:
            country = norm_country(r[0])
            for (key, ds, mineral, year, unit, measure), spec in zip(ch["cols"], r[1]):
                if spec is not None:
                    out[(ds, mineral, country, year)] = parse_cell(spec)[0]
    return out


def same(a, b):
    """Equal as read; the pranava0x0 extraction renders a printed '\u2014' as 0."""
    z = lambda x: "0" if x == "\u2014" else x
    return digits(z(a)) == digits(z(b)) or (a in ("W", "null") and b in ("W", "null"))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/mcs26/usgs_mcs2026_commodities_data.csv"
    release = read_release(path)
    smap = substrata_map()
    pmap = pranava_map()
    sec = {}
    for ds, m, c, y, v, label, q in sources_secondary.SECONDARY:
        sec.setdefault((ds, m, c, y), []).append((v, label))
    used = {"s": set(), "p": set(), "x": set()}
    rows = []
    skipped = []
    for n, line, r in release:
        ch = r["MCS chapter"]
        if ch not in CHAPTER_URL or not r["Section"].startswith("World"):
            continue
        detail = r["Statistics_detail"]
        rounded = detail.endswith(": rounded")
        m = MAP.get((ch, detail.replace(": rounded", "")))
        if m is None:
            continue
        ds, mineral, unit, measure = m
        country = "World total (rounded)" if r["Country"] == "World total" else r["Country"]
        if rounded:
            assert r["Country"] == "World total"
        year = r["Year"]
        raw = r["Value"]
        segs = [s for s in r["Notes"].split(" -- ") if s]
        if raw in ("NA", "s"):
            skipped.append((ds, mineral, country, year, raw, " -- ".join(segs)))
            continue
        est = "Estimated." in segs
        notes = []
        value, more = "", False
        if raw == "W":
            notes.append("W: withheld by USGS to avoid disclosing company proprietary data")
        elif raw == "\u2014":
            value = "0"
            notes.append("printed '\u2014' (USGS: Zero)")
        else:
            more = raw.startswith(">")
            value = digits(raw)
            assert value.isdigit(), (n, raw)
            if more:
                notes.append("printed '%s': USGS gives only a lower bound" % raw)
        notes += ['USGS note: "%s"' % s for s in segs if s not in ("Estimated.", BOILERPLATE)]
        if rounded:
            notes.append('USGS row "World total", Statistics_detail "%s"' % detail)
        k = (ds, mineral, country, year)
        if k in SUPERSEDED:
            notes.append(SUPERSEDED[k])
        checks = []
        if k in smap:
            used["s"].add(k)
            checks.append("bitbaum/substrata transcription of the chapter PDF (retrieved 2026-09-25): " +
                          ("same" if same(smap[k], raw) else "DIFFERS, reads '%s'" % smap[k]))
        if k in pmap:
            used["p"].add(k)
            checks.append(PRANAVA_LABEL + ": " + ("same" if same(pmap[k], raw) else "DIFFERS, reads '%s'" % pmap[k]))
        if mineral == "rare earths" and country in sources_re_pdf.VALUES:
            i = {"2024": 0, "2025": 1}[year] if ds == "production" else 2
            pv = sources_re_pdf.VALUES[country][i]
            checks.append(RE_PDF_LABEL + ": " + ("same" if same(pv, raw) else "DIFFERS, prints '%s'" % pv))
        for v, label in sec.get(k, []):
            used["x"].add((k, label))
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
            source=("USGS, Mineral Commodity Summaries 2026 Data Release (doi:10.5066/P1WKQ63T), file "
                    "MCS2026_Commodities_Data.csv, SHA-256 %s, read in the copy %s (chapter "
                    "https://pubs.usgs.gov/periodicals/mcs2026/%s, table \"%s\")"
                    % (DR_SHA256, DR_COPY, CHAPTER_URL[ch], r["Section"])),
            quote="line %d: %s" % (n, line),
            crosscheck=" ; ".join(checks) if checks else "no second copy read",
        ))
    rows += version_13_rows()
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
    print("substrata cells not in the release rows:", [k for k in smap if k not in used["s"]])
    print("pranava cells not in the release rows:", [k for k in pmap if k not in used["p"]])
    print("secondary cells not used:", [(ds, m, c, y, l) for ds, m, c, y, v, l, q in sources_secondary.SECONDARY
                                        if ((ds, m, c, y), l) not in used["x"]])
    print("release cells without a figure (NA or s):")
    for s in skipped:
        print("  ", s)
    revisions(rows)  # the version 1.3 rows come last and so replace the data-release rows


def version_13_rows():
    """The two rare-earth reserve values changed in MCS 2026 version 1.3 (27 May 2026), read in the PDF."""
    src = ("USGS, Mineral Commodity Summaries 2026, Rare Earths chapter, p. 153, table \"World Mine Production "
           "and Reserves\", version 1.3 PDF, read with pdftotext in the copy " + sources_re_pdf.SRC)
    vh = ("USGS revision history (https://pubs.usgs.gov/periodicals/mcs2026/versionHist.txt, copy " + VH_COPY +
          "), version 1.3: \"the value of reserves for Brazil was changed from \"21,000,000\" to \"11,000,000\" and "
          "the total was revised down from \">85,000,000\" to \">75,000,000\"\": same")
    common = dict(dataset="reserves", mineral="rare earths", year="2025", production="",
                  unit="t rare-earth-oxide equivalent",
                  measure="Reserves (MCS 2026 version 1.3 value; supersedes the data-release row)",
                  estimated="", source=src)
    tail = (" ; bitbaum/substrata transcription of the chapter PDF (retrieved 2026-09-25): same ; " +
            sources_secondary.ES + ": same ; " + PRANAVA_LABEL + " (version 1.2 PDF): DIFFERS, reads the old value")
    return [
        dict(common, country="Brazil", iso3="BRA", kind="country", reserves="11000000", more_than="false",
             quote=sources_re_pdf.LINES["Brazil"] + "   [column header: " + sources_re_pdf.HEADER + "]",
             note="Current value (version 1.3): the data release file and the version 1.0-1.2 PDF print 21,000,000",
             crosscheck=vh + tail),
        dict(common, country="World total (rounded)", iso3="", kind="world", reserves="75000000",
             more_than="true",
             quote=sources_re_pdf.LINES["World total (rounded)"] + "   [column header: " + sources_re_pdf.HEADER + "]",
             note="printed '>75,000,000': USGS gives only a lower bound | Current value (version 1.3): the data "
                  "release file and the version 1.0-1.2 PDF print >85,000,000",
             crosscheck=vh + tail),
    ]


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
        if ds == "reserves" and s.get("more_than") != n["more_than"]:
            status += " (more_than %s -> %s)" % (s.get("more_than"), n["more_than"])
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
