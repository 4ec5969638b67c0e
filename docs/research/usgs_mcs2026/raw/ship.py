"""Write data/mineral_production.csv, mineral_processing.csv and mineral_reserves.csv from
../candidates.csv (MCS 2026), and data/mineral_production_2023.csv from the MCS 2025 rows
the lessons still compare with the IEA's data year 2023 (nickel and rare earths).

Nothing is computed: values, estimate flags and '>' are copied from candidates.csv.
Rows marked SUPERSEDED (the data release's rare-earth reserves of Brazil and the world,
replaced by MCS 2026 version 1.3) are left out; bauxite reserves and ferrosilicon are not
in the shipped data sets. Notes are shortened from candidates.csv's: the provenance of the
world-total row is dropped (it is in the data set's notes), the USGS footnotes are quoted.

Run from the repository root:  python3 docs/research/usgs_mcs2026/raw/ship.py
(the MCS 2025 rows are read from git: main's data/mineral_production.csv at the commit
before this refresh, passed as the first argument, e.g. `git show f9831cd:data/mineral_production.csv`).
"""
import csv
import io
import re
import subprocess
import sys

CAND = "docs/research/usgs_mcs2026/candidates.csv"
KIND_ORDER = {"country": 0, "other": 1, "world": 2}
# shipped measure strings, kept where MCS 2026 means the same thing
MEASURE = {
    ("production", "bauxite"): "Mine production, bauxite (dry weight)",
    ("production", "copper"): "Mine production, copper content",
    ("processing", "alumina"): "Refinery production, alumina (from bauxite)",
    ("processing", "copper"): "Refinery production, copper",
    ("processing", "silicon"): "Plant production, silicon metal (silicon content)",
}
ZERO = "printed '—' (USGS: zero)"


def note_of(row):
    parts = []
    for seg in (row["note"] or "").split(" | "):
        seg = seg.strip()
        if not seg or seg.startswith("USGS row \"World total\""):
            continue
        if seg.startswith("printed '—'"):
            parts.append(ZERO)
            continue
        if seg.startswith("printed '>"):
            parts.append("USGS gives only a lower bound ('>'): the true figure is more than this.")
            continue
        if seg.startswith("The USGS note 'Production quota"):
            # removed from the chapter in version 1.1 (5 March 2026): not carried over
            continue
        m = re.fullmatch(r'USGS note: "(.*)"', seg)
        if m:
            if m.group(1).startswith("Production quota;"):
                continue
            parts.append(m.group(1))
            continue
        if seg.startswith("Current value (version 1.3)"):
            parts.append("MCS 2026 version 1.3 (27 May 2026) value; "
                         + seg.split(": ", 1)[1] + " (superseded).")
            continue
        parts.append(seg)
    out = ""
    for part in parts:
        out += ("" if not out else " " if out.endswith(".") else "; ") + part
    return out


def main(old_production_csv):
    rows = list(csv.DictReader(open(CAND, encoding="utf-8")))
    rows = [r for r in rows if "SUPERSEDED" not in r["note"]]
    out = {"production": [], "processing": [], "reserves": []}
    for r in rows:
        ds = r["dataset"]
        if ds == "reserves" and r["mineral"] == "bauxite":
            continue
        base = {"mineral": r["mineral"], "country": r["country"], "iso3": r["iso3"],
                "kind": r["kind"], "year": r["year"]}
        if ds == "reserves":
            base.update(reserves=r["reserves"], unit=r["unit"],
                        more_than="true" if r["more_than"].lower() == "true" else "false",
                        note=note_of(r))
        else:
            base.update(production=r["production"], unit=r["unit"],
                        measure=MEASURE.get((ds, r["mineral"]), r["measure"]),
                        estimated=r["estimated"], note=note_of(r))
        for k in ("production", "reserves"):
            if base.get(k, "").endswith(".0"):
                base[k] = base[k][:-2]
        out[ds].append(base)
    fields = {
        "production": ["mineral", "country", "iso3", "kind", "year", "production", "unit",
                       "measure", "estimated", "note"],
        "reserves": ["mineral", "country", "iso3", "kind", "year", "reserves", "unit",
                     "more_than", "note"],
    }
    fields["processing"] = fields["production"]
    for ds, rs in out.items():
        rs.sort(key=lambda r: (r["mineral"], KIND_ORDER[r["kind"]], r["country"], r["year"]))
        with open(f"data/mineral_{ds}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fields[ds], lineterminator="\n")
            w.writeheader()
            w.writerows(rs)
    # the MCS 2025 rows kept for the like-year comparison with the IEA (data year 2023)
    old = list(csv.DictReader(io.StringIO(old_production_csv)))
    keep = [r for r in old if r["year"] == "2023" and r["mineral"] in ("nickel", "rare earths")]
    with open("data/mineral_production_2023.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fields["production"], lineterminator="\n")
        w.writeheader()
        w.writerows(keep)


if __name__ == "__main__":
    rev = sys.argv[1] if len(sys.argv) > 1 else "f9831cd"
    main(subprocess.run(["git", "show", f"{rev}:data/mineral_production.csv"],
                        capture_output=True, text=True, check=True).stdout)
