"""Figures read in secondary copies (transcriptions of MCS 2026 in other projects' files).

The search tool returns these files by id only, without repository or path, so they are
cited by that id. They are cross-checks, never the source of a candidate row.
Each entry: (dataset, mineral, country, year, value, label, quote).
"""

TS_CU = "search-index file id 62476236067 (TypeScript transcription of the MCS 2026 copper table; repository not named)"
ES = "search-index file id 69581929749 (Playwright test header quoting MCS 2026, consulted 25/09/2026; repository not named)"
REF = "search-index file id 71435348238 (reference-value table, source 'USGS-MCS2026', dated 2026-10-02; repository not named)"
NL = "search-index file id 68400866370 (Dutch research note citing MCS 2026 graphite; repository not named)"
GA = "search-index file id 58977894767 (essay citing MCS 2026 gallium; repository not named)"
CD = "search-index file id 71260452120 (French fact card citing MCS 2026; repository not named)"

_cuq = {
    "Chile": "{ iso3: 'CHL', name: { en: 'Chile', es: 'Chile' }, mine2024: 5510, mine2025e: 5300, reserves: 180000, reported2025: { value: 5415.271, source: 'cochilco' } },",
    "Congo (Kinshasa)": "{ iso3: 'COD', name: { en: 'Congo (Kinshasa)', es: 'Congo (Kinshasa)' }, mine2024: 2990, mine2025e: 3200, reserves: 80000 },",
    "Peru": "{ iso3: 'PER', name: { en: 'Peru', es: 'Peru' }, mine2024: 2740, mine2025e: 2700, reserves: 85000 },",
    "United States": "{ iso3: 'USA', name: { en: 'United States', es: 'Estados Unidos' }, mine2024: 1050, mine2025e: 1000, reserves: 47000 },",
    "Indonesia": "{ iso3: 'IDN', name: { en: 'Indonesia', es: 'Indonesia' }, mine2024: 1010, mine2025e: 710, reserves: 21000 },",
    "Australia": "{ iso3: 'AUS', name: { en: 'Australia', es: 'Australia' }, mine2024: 765, mine2025e: 730, reserves: 100000 },",
    "Poland": "{ iso3: 'POL', name: { en: 'Poland', es: 'Polonia' }, mine2024: 400, mine2025e: 410, reserves: 33000 },",
    "Russia": "{ iso3: 'RUS', name: { en: 'Russia', es: 'Rusia' }, mine2024: 1020, mine2025e: 1300, reserves: 80000 },",
    "Canada": "{ iso3: 'CAN', name: { en: 'Canada', es: 'Canada' }, mine2024: 515, mine2025e: 500, reserves: 7000 },",
}
_cuv = {"Chile": ("5510", "5300", "180000"), "Congo (Kinshasa)": ("2990", "3200", "80000"),
        "Peru": ("2740", "2700", "85000"), "United States": ("1050", "1000", "47000"),
        "Indonesia": ("1010", "710", "21000"), "Australia": ("765", "730", "100000"),
        "Poland": ("400", "410", "33000"), "Russia": ("1020", "1300", "80000"),
        "Canada": ("515", "500", "7000")}

SECONDARY = []
for _c, (_a, _b, _r) in _cuv.items():
    SECONDARY += [("production", "copper", _c, "2024", _a, TS_CU, _cuq[_c]),
                  ("production", "copper", _c, "2025", _b, TS_CU, _cuq[_c]),
                  ("reserves", "copper", _c, "2025", _r, TS_CU, _cuq[_c])]
_w = "export const COPPER_WORLD = { mine2024: 23000, mine2025e: 23000, reserves: 980000 };"
_o = "/** Countries the USGS table folds into \"Other countries\" (2,850 in 2024, 3,000 in 2025e). */"
SECONDARY += [
    ("production", "copper", "World total (rounded)", "2024", "23000", TS_CU, _w),
    ("production", "copper", "World total (rounded)", "2025", "23000", TS_CU, _w),
    ("reserves", "copper", "World total (rounded)", "2025", "980000", TS_CU, _w),
    ("production", "copper", "Other countries", "2024", "2850", TS_CU, _o),
    ("production", "copper", "Other countries", "2025", "3000", TS_CU, _o),
]

_es_li = " *     Producción 2025 (mundo 290.000 t sin EE. UU.): Australia 92.000 (31,7 %) · China 62.000"
_es_lr = " *     Reservas: Chile 9.200.000 · Australia 8.400.000 · China 4.600.000 · Argentina 4.400.000 ·"
_es_lr2 = " *     EE. UU. 4.400.000 · mundo 37.000.000. Bolivia NO figura en la tabla de reservas."
_es_re = " *     Producción 2025: China 270.000 · EE. UU. 51.000 · Australia 29.000 · Birmania 22.000 ·"
_es_re2 = " *     Tailandia 4.800 · Rusia 2.600 · mundo 390.000 → China 69,2 % · Rusia 0,7 %."
_es_rr = " *     Reservas: China 44 Mt · Brasil 11 Mt · Australia 6,3 Mt · Rusia 3,8 Mt · Vietnam 3,5 Mt ·"
_es_rr2 = " *     mundo >75 Mt → Vietnam ≤ 4,7 %, quinto, no segundo."
_es_cu = " *   Congo (Kinshasa) 3.200 · Perú 2.700 · China 1.800 · mundo 23.000 → la RD del Congo es la segunda."
SECONDARY += [
    ("production", "lithium", "World total (rounded)", "2025", "290000", ES, _es_li),
    ("production", "lithium", "Australia", "2025", "92000", ES, _es_li),
    ("production", "lithium", "China", "2025", "62000", ES, _es_li),
    ("reserves", "lithium", "Chile", "2025", "9200000", ES, _es_lr),
    ("reserves", "lithium", "Australia", "2025", "8400000", ES, _es_lr),
    ("reserves", "lithium", "China", "2025", "4600000", ES, _es_lr),
    ("reserves", "lithium", "Argentina", "2025", "4400000", ES, _es_lr),
    ("reserves", "lithium", "United States", "2025", "4400000", ES, _es_lr2),
    ("reserves", "lithium", "World total (rounded)", "2025", "37000000", ES, _es_lr2),
    ("production", "rare earths", "China", "2025", "270000", ES, _es_re),
    ("production", "rare earths", "United States", "2025", "51000", ES, _es_re),
    ("production", "rare earths", "Australia", "2025", "29000", ES, _es_re),
    ("production", "rare earths", "Burma", "2025", "22000", ES, _es_re),
    ("production", "rare earths", "Thailand", "2025", "4800", ES, _es_re2),
    ("production", "rare earths", "Russia", "2025", "2600", ES, _es_re2),
    ("production", "rare earths", "World total (rounded)", "2025", "390000", ES, _es_re2),
    ("reserves", "rare earths", "China", "2025", "44000000", ES, _es_rr),
    ("reserves", "rare earths", "Brazil", "2025", "11000000", ES, _es_rr),
    ("reserves", "rare earths", "Australia", "2025", "6300000", ES, _es_rr),
    ("reserves", "rare earths", "Russia", "2025", "3800000", ES, _es_rr),
    ("reserves", "rare earths", "Vietnam", "2025", "3500000", ES, _es_rr),
    ("reserves", "rare earths", "World total (rounded)", "2025", "75000000", ES, _es_rr2),
    ("production", "copper", "Congo (Kinshasa)", "2025", "3200", ES, _es_cu),
    ("production", "copper", "Peru", "2025", "2700", ES, _es_cu),
    ("production", "copper", "China", "2025", "1800", ES, _es_cu),
    ("production", "copper", "World total (rounded)", "2025", "23000", ES, _es_cu),
]

_r = "| usgs:li-{k}-2025 | lithium mine production 2025, {c} (estimate) | {v} | t Li | USGS-MCS2026 | 2026-10-02 |"
for _c, _k, _v in [("Australia", "australia", "92000"), ("China", "china", "62000"), ("Chile", "chile", "56000"),
                   ("Zimbabwe", "zimbabwe", "28000"), ("Argentina", "argentina", "23000"),
                   ("Brazil", "brazil", "12000"), ("Mali", "mali", "9400"), ("Canada", "canada", "5600")]:
    SECONDARY.append(("production", "lithium", _c, "2025", _v, REF, _r.format(k=_k, c=_c, v=_v)))
SECONDARY += [
    ("production", "lithium", "World total (rounded)", "2025", "290000", REF,
     "| usgs:li-world-2025 | world lithium mine production 2025, estimate, rounded (lithium content; mcs2026-lithium.pdf) | 290000 | t Li | USGS-MCS2026 | 2026-10-02 |"),
    ("production", "bauxite", "World total (rounded)", "2025", "440000", REF,
     "| usgs:bauxite-world-2025 | world bauxite mine production 2025 (estimate, rounded; mcs2026-bauxite-alumina.pdf) | 440000 | kt dry | USGS-MCS2026 | 2026-10-02 |"),
    ("processing", "alumina", "World total (rounded)", "2025", "150000", REF,
     "| usgs:alumina-world-2025 | world alumina refinery production 2025 (estimate, rounded; same chapter) | 150000 | kt | USGS-MCS2026 | 2026-10-02 |"),
]

_nl = ("[4] USGS, Mineral Commodity Summaries 2026 — Graphite (natural): China 1.400 kt / wereld 1.800 kt (2025e), "
       "Mozambique 60 kt (2024: 39), Tanzania 75, Madagaskar 80; ...")
SECONDARY += [
    ("production", "graphite", "China", "2025", "1400000", NL, _nl),
    ("production", "graphite", "World total (rounded)", "2025", "1800000", NL, _nl),
    ("production", "graphite", "Mozambique", "2025", "60000", NL, _nl),
    ("production", "graphite", "Mozambique", "2024", "39000", NL, _nl),
    ("production", "graphite", "Tanzania", "2025", "75000", NL, _nl),
    ("production", "graphite", "Madagascar", "2025", "80000", NL, _nl),
    ("production", "cobalt", "Congo (Kinshasa)", "2025", "230000", CD,
     "...iron 230 000 tonnes sur 310 000 dans le monde, essentiellement au Lualaba et au Haut-Katanga ..."),
    ("production", "cobalt", "World total (rounded)", "2025", "310000", CD,
     "...iron 230 000 tonnes sur 310 000 dans le monde, essentiellement au Lualaba et au Haut-Katanga ..."),
]
