"""Table lines as read, with where they were read. Used by build.py as a cross-check of sources_substrata.py.

The `lines` blocks are copied verbatim from the world-table sections of the audit.md
files in the public repository pranava0x0/usgs-mineral-commodity-summaries (a PDF-text
extraction of the USGS MCS 2026 chapters; see notes.md, section 1). Their columns are
`| country | prev-yr | latest-yr | capacity | reserves | note |`, where prev-yr is 2024 and
latest-yr is 2025 (the repository's data.json says "world_production_year_prev": "2024",
"world_production_year_latest": "2025"). The extraction renders a printed '—' as 0, and
a cell it could not read or that is 'NA'/'( )' as N/A (or NA).
"""

PR = "https://github.com/pranava0x0/usgs-mineral-commodity-summaries/blob/{commit}/data/audit/{slug}/audit.md"
C614 = "614d7edde92a28d6651e3d1af7483b6808c45b62"
C2514 = "2514d2bf45d514b45435a62983869ba1738349ad"
C3E6 = "3e6e9052911fd550e7fd9ba348c3e6a18f497c61"
C2503 = "25031d0f60fa0c508068145d6be6228fc4933d51"

P24_25 = [(1, "2024", ""), (2, "2025", "true")]

TABLES = [
    dict(
        mineral="lithium", prod_dataset="production",
        source=PR.format(commit=C614, slug="lithium") + " (identical world table at commit " + C2514 + ")",
        prod_unit="t lithium content", prod_measure="Mine production, lithium content",
        res_unit="t lithium content", res_year="2025",
        prod_cols=P24_25, res_col=4,
        row_notes={
            "Argentina": "footnote 5 on the row: \"Reported.\"",
            "Chile": "footnote 5 on the row: \"Reported.\"",
            "World total (rounded)": "footnote 8: \"Excludes U.S. production.\"",
        },
        res_row_notes={
            "Australia": "footnote 6: \"For Australia, Joint Ore Reserves Committee-compliant or equivalent reserves were 5.1 million tons.\"",
            "Other countries": "footnote 7: \"Other countries with reported reserves include Austria, Congo (Kinshasa), Czechia, Finland, Germany, Ghana, Mexico, Namibia, Serbia, and Spain.\"",
            "Argentina": "footnote 5 on the row: \"Reported.\"",
            "Chile": "footnote 5 on the row: \"Reported.\"",
        },
        lines="""
| United States | W | W | N/A | 4,400,000 |  |
| Argentina | 13,800 | 23,000 | N/A | 4,400,000 | footnote 5 |
| Australia | 82,700 | 92,000 | N/A | 8,400,000 | footnote 6 |
| Brazil | 10,200 | 12,000 | N/A | 540,000 |  |
| Canada | 4,820 | 5,600 | N/A | 1,600,000 |  |
| Chile | 48,900 | 56,000 | N/A | 9,200,000 | footnote 5 |
| China | 41,400 | 62,000 | N/A | 4,600,000 |  |
| Mali | 770 | 9,400 | N/A | 370,000 |  |
| Portugal | 380 | 380 | N/A | 60,000 |  |
| Zimbabwe | 20,000 | 28,000 | N/A | 500,000 |  |
| Other countries | 0 | 0 | N/A | 2,400,000 | footnote 7 |
| World total (rounded) | 222,000 | 290,000 | N/A | 37,000,000 | footnote 8 |
""",
    ),
    dict(
        mineral="cobalt", prod_dataset="production",
        source=PR.format(commit=C614, slug="cobalt") + " (identical world table at commit " + C2514 + ")",
        prod_unit="t cobalt content", prod_measure="Mine production, cobalt content",
        res_unit="t cobalt content", res_year="2025",
        prod_cols=P24_25, res_col=4,
        row_notes={
            "Russia": "footnote 11 on the row (cell not identified by the extraction): \"Data from the Russia Ministry of Natural Resources.\"",
        },
        res_row_notes={
            "Australia": "footnote 10: \"For Australia, Joint Ore Reserves Committee-compliant or equivalent reserves were 680,000 tons.\"",
            "Russia": "footnote 11 on the row (cell not identified by the extraction): \"Data from the Russia Ministry of Natural Resources.\"",
        },
        lines="""
| United States | 200 | 300 | N/A | 70,000 |  |
| Australia | 4,780 | 3,700 | N/A | 1,700,000 | footnote 10 |
| Canada | 3,350 | 3,500 | N/A | 220,000 |  |
| China | 2,000 | 2,000 | N/A | 160,000 |  |
| Congo (Kinshasa) | 226,000 | 230,000 | N/A | 6,000,000 |  |
| Cuba | 3,450 | 2,000 | N/A | 500,000 |  |
| Indonesia | 35,000 | 44,000 | N/A | 760,000 |  |
| Madagascar | 3,100 | 3,900 | N/A | 100,000 |  |
| Papua New Guinea | 2,630 | 2,800 | N/A | 84,000 |  |
| Philippines | 3,100 | 3,700 | N/A | 260,000 |  |
| Russia | 8,000 | 7,700 | N/A | 800,000 | footnote 11 |
| Turkey | 2,200 | 1,900 | N/A | 91,000 |  |
| Other countries | 7,780 | 9,100 | N/A | 780,000 |  |
| World total (rounded) | 302,000 | 310,000 | N/A | 12,000,000 |  |
""",
    ),
    dict(
        mineral="graphite", prod_dataset="production",
        source=PR.format(commit=C2514, slug="graphite"),
        prod_unit="t natural graphite", prod_measure="Mine production, natural graphite",
        res_unit="t graphite", res_year="2025",
        prod_cols=P24_25, res_col=4,
        row_notes={c: "footnote 4 on the row (reserves cell): \"Included in \u201cWorld total.\u201d\""
                   for c in ("United States", "Austria", "Germany", "Ukraine")},
        lines="""
| United States | 0 | 0 | N/A | N/A | footnote 4 |
| Austria | 100 | 200 | N/A | N/A | footnote 4 |
| Brazil | 58,000 | 65,000 | N/A | 74,000,000 |  |
| Canada | 11,700 | 8,000 | N/A | 5,900,000 |  |
| China | 1,270,000 | 1,400,000 | N/A | 100,000,000 |  |
| Germany | 140 | 140 | N/A | N/A | footnote 4 |
| India | 17,600 | 17,000 | N/A | 8,600,000 |  |
| Korea, North | 8,100 | 8,000 | N/A | 2,000,000 |  |
| Korea, Republic of | 1,000 | 500 | N/A | 1,800,000 |  |
| Madagascar | 85,000 | 80,000 | N/A | 27,000,000 |  |
| Mexico | 706 | 740 | N/A | 3,100,000 |  |
| Mozambique | 39,000 | 60,000 | N/A | 25,000,000 |  |
| Norway | 5,340 | 6,600 | N/A | 600,000 |  |
| Russia | 20,000 | 25,000 | N/A | 14,000,000 |  |
| Sri Lanka | 3,000 | 3,200 | N/A | 1,500,000 |  |
| Tanzania | 27,000 | 75,000 | N/A | 18,000,000 |  |
| Turkey | 2,600 | 2,200 | N/A | 6,900,000 |  |
| Ukraine | 900 | 800 | N/A | N/A | footnote 4 |
| Vietnam | 500 | 500 | N/A | 9,700,000 |  |
| World total (rounded) | 1,550,000 | 1,800,000 | N/A | 310,000,000 |  |
""",
    ),
    dict(
        mineral="rare earths", prod_dataset="production",
        source=PR.format(commit=C614, slug="rare-earths") + " (identical world table at commit " + C2514 + ")",
        prod_unit="t rare-earth-oxide equivalent", prod_measure="Mine production, rare-earth-oxide equivalent",
        res_unit="t rare-earth-oxide equivalent", res_year="2025",
        prod_cols=P24_25, res_col=4,
        res_note="",
        row_notes=dict(
            {"United States": "footnote 11: \"Reported.\""},
            **{c: "footnote 12: \"Estimated based on reported import data for China. Source: Trade Data Monitor Inc.\""
               for c in ("Burma", "Madagascar", "Malaysia", "Thailand", "Vietnam")}),
        res_row_notes={
            "Australia": "footnote 13: \"For Australia, Joint Ore Reserves Committee-compliant or equivalent reserves were 3.3 million tons.\"",
            "Brazil": "MCS 2026 version 1.3 revised Brazil reserves from 21,000,000 to 11,000,000 (per a public repository's record of the USGS version history; see notes.md). This row is the pre-revision value.",
            "World total (rounded)": "MCS 2026 version 1.3 revised the world reserves from >85,000,000 to >75,000,000 (per a public repository's record of the USGS version history; see notes.md). This row is the pre-revision value.",
        },
        lines="""
| United States | 45,500 | 51,000 | N/A | 1,900,000 | footnote 11 |
| Australia | 29,000 | 29,000 | N/A | 6,300,000 | footnote 13 |
| Brazil | 560 | 2,000 | N/A | 21,000,000 |  |
| Burma | 27,000 | 22,000 | N/A | NA | footnote 12 |
| Canada | 0 | 0 | N/A | 830,000 |  |
| China | 270,000 | 270,000 | N/A | 44,000,000 |  |
| Greenland | 0 | 0 | N/A | 1,500,000 |  |
| India | 2,900 | 2,900 | N/A | NA | footnote 14 |
| Madagascar | 1,400 | 2,700 | N/A | NA | footnote 12 |
| Malaysia | 140 | 110 | N/A | 710,000 | footnote 12 |
| Nigeria | 1,500 | 1,500 | N/A | NA |  |
| Russia | 2,600 | 2,600 | N/A | 3,800,000 |  |
| South Africa | 0 | 0 | N/A | 860,000 |  |
| Tanzania | 0 | 0 | N/A | 890,000 |  |
| Thailand | 2,100 | 4,800 | N/A | NA | footnote 12 |
| Vietnam | 300 | 150 | N/A | 3,500,000 | footnote 12 |
| Other | 1,000 | 550 | N/A | NA |  |
| World total (rounded) | 380,000 | 390,000 | N/A | >85,000,000 |  |
""",
    ),
    dict(
        mineral="nickel", prod_dataset="production",
        source=PR.format(commit=C3E6, slug="nickel") + " (identical world table at commit " + C2514 + ")",
        prod_unit="t nickel content", prod_measure="Mine production, nickel content",
        res_unit="t nickel content", res_year="2025",
        prod_cols=P24_25, res_col=4,
        row_notes={"New Caledonia": "footnote 10: \"Overseas territory of France.\""},
        res_row_notes={
            "Australia": "footnote 9: \"For Australia, Joint Ore Reserves Committee-compliant or equivalent reserves were 11 million tons.\"",
            "New Caledonia": "footnote 10: \"Overseas territory of France.\"",
        },
        lines="""
| United States | 7,490 | 10,000 | N/A | 340,000 |  |
| Australia | 98,000 | 45,000 | N/A | 25,000,000 | footnote 9 |
| Brazil | 67,500 | 70,000 | N/A | 16,000,000 |  |
| Canada | 125,000 | 140,000 | N/A | 2,200,000 |  |
| China | 115,000 | 120,000 | N/A | 4,400,000 |  |
| Indonesia | 2,310,000 | 2,600,000 | N/A | 62,000,000 |  |
| New Caledonia | 116,000 | 140,000 | N/A | 7,100,000 | footnote 10 |
| Philippines | 354,000 | 270,000 | N/A | 4,800,000 |  |
| Russia | 205,000 | 200,000 | N/A | 8,300,000 |  |
| Other countries | 308,000 | 290,000 | N/A | >9,100,000 |  |
| World total (rounded) | 3,710,000 | 3,900,000 | N/A | >140,000,000 |  |
""",
    ),
    dict(
        mineral="gallium", prod_dataset="production",
        source=PR.format(commit=C2514, slug="gallium"),
        prod_unit="kg gallium content (primary low-purity gallium)",
        prod_measure="Primary production, low-purity gallium (table 'World Low-Purity Production and Production Capacity')",
        prod_cols=P24_25, res_col=None,
        row_notes={
            "China": "footnotes 4 and 5 on the row: \"Source: Asian Metal Ltd.\" / \"Estimated from Asian Metal Ltd.\"",
            "Other countries": "footnote 6 (capacity): \"Other countries estimated to still have primary low-purity gallium production capacity include Germany, Hungary, Kazakhstan, the Republic of Korea, and Ukraine.\"",
        },
        lines="""
| United States | 0 | 0 | 0 | N/A |  |
| China | 839,000 | 900,000 | 1,600,000 | N/A | footnote 4,5 |
| Japan | 3,000 | 3,000 | 10,000 | N/A |  |
| Russia | 6,000 | 6,000 | 10,000 | N/A |  |
| Other countries | 0 | 0 | 100,000 | N/A | footnote 6 |
| World total (rounded) | 848,000 | 900,000 | 1,700,000 | N/A |  |
""",
    ),
    dict(
        mineral="copper", prod_dataset="processing",
        source=PR.format(commit=C2503, slug="copper") + " (identical world table in data/audit/copper/data.json at commits " + C2503 + " and " + C2514 + ")",
        prod_unit="thousand t copper content (refined copper)",
        prod_measure="Refinery production, copper (column identified, not labelled, by the extraction: see note)",
        prod_note=("The extraction labels these columns only prev-yr/latest-yr under 'World Mine and Refinery "
                   "Production and Reserves'. They are the refinery columns: the U.S. values 921 and 850 equal "
                   "the chapter's U.S. refinery primary + secondary (882 + 39; 790 + 60), and Germany, Japan and "
                   "the Republic of Korea, which mine no copper, have values. Mine production is not in this copy."),
        res_unit="thousand t recoverable copper content", res_year="2025",
        prod_cols=P24_25, res_col=4,
        res_row_notes={"Australia": "footnote 7: \"For Australia, Joint Ore Reserves Committee-compliant or equivalent reserves were 27 million tons.\""},
        lines="""
| United States | 921 | 850 | N/A | 47,000 |  |
| Australia | 434 | 460 | N/A | 100,000 | footnote 7 |
| Canada | 324 | 320 | N/A | 7,000 |  |
| Chile | 1,940 | 1,700 | N/A | 180,000 |  |
| China | 12,400 | 14,000 | N/A | 41,000 |  |
| Congo (Kinshasa) | 2,560 | 2,800 | N/A | 80,000 |  |
| Germany | 597 | 610 | N/A | 0 |  |
| India | 545 | 620 | N/A | 2,200 |  |
| Indonesia | 349 | 400 | N/A | 21,000 |  |
| Japan | 1,570 | 1,400 | N/A | 0 |  |
| Kazakhstan | 498 | 500 | N/A | 20,000 |  |
| Korea, Republic of | 604 | 610 | N/A | 0 |  |
| Mexico | 489 | 480 | N/A | 53,000 |  |
| Peru | 385 | 340 | N/A | 85,000 |  |
| Poland | 589 | 560 | N/A | 33,000 |  |
| Russia | 896 | 950 | N/A | 80,000 |  |
| Zambia | 189 | 270 | N/A | 21,000 |  |
| Other countries | 2,310 | 2,100 | N/A | 210,000 |  |
| World total (rounded) | 27,600 | 29,000 | N/A | 980,000 |  |
""",
    ),
]

