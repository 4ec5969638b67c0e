"""The rare-earths chapter PDF itself (MCS 2026, pp. 152-153), version 1.3.

Read with `pdftotext -layout` from the copy data/raw/usgs_mcs2026_rare_earths.pdf in
therealjameswilson/critical-minerals-records-stage-v3 at commit
942d04a0d9f4f29fa0459535014a860e29ecdbd2 (SHA-256 0116a192336fec41c38d8e11dad553bb7703308c1fbd1f97dc14b75c7e7d9900;
PDF CreationDate Tue May 26 19:08:21 2026 UTC, i.e. the version 1.3 repost of May 27, 2026).
pdftotext splits rows whose cells carry footnote superscripts over several lines; LINES
keeps each table row as printed, with the lines joined by ' / ' and whitespace collapsed.
VALUES is what each row says (2024 production, 2025 production, reserves), as printed.
"""

SRC = ("https://github.com/therealjameswilson/critical-minerals-records-stage-v3/blob/"
       "942d04a0d9f4f29fa0459535014a860e29ecdbd2/data/raw/usgs_mcs2026_rare_earths.pdf")

HEADER = "Mine productione Reserves10 / 2024 2025"
LINES = {
    "United States": "United States 11 / 45,500 51,000 1,900,000",
    "Australia": "Australia 29,000 29,000 6,300,000 / 13",
    "Brazil": "Brazil 560 2,000 11,000,000",
    "Burma": "Burma 12 / 27,000 12 / 22,000 NA",
    "Canada": "Canada — — 830,000",
    "China": "China 270,000 270,000 44,000,000",
    "Greenland": "Greenland — — 1,500,000",
    "India": "India 2,900 2,900 14 / NA",
    "Madagascar": "Madagascar 12 / 1,400 12 / 2,700 NA",
    "Malaysia": "Malaysia 12 / 140 12 / 110 710,000",
    "Nigeria": "Nigeria 1,500 1,500 NA",
    "Russia": "Russia 2,600 2,600 3,800,000",
    "South Africa": "South Africa — — 860,000",
    "Tanzania": "Tanzania — — 890,000",
    "Thailand": "Thailand 12 / 2,100 12 / 4,800 NA",
    "Vietnam": "Vietnam 12 / 300 12 / 150 3,500,000",
    "Other countries": "Other 1,000 550 NA",
    "World total (rounded)": "World total (rounded) 380,000 390,000 >75,000,000",
}
VALUES = {
    "United States": ("45,500", "51,000", "1,900,000"),
    "Australia": ("29,000", "29,000", "6,300,000"),
    "Brazil": ("560", "2,000", "11,000,000"),
    "Burma": ("27,000", "22,000", "NA"),
    "Canada": ("—", "—", "830,000"),
    "China": ("270,000", "270,000", "44,000,000"),
    "Greenland": ("—", "—", "1,500,000"),
    "India": ("2,900", "2,900", "NA"),
    "Madagascar": ("1,400", "2,700", "NA"),
    "Malaysia": ("140", "110", "710,000"),
    "Nigeria": ("1,500", "1,500", "NA"),
    "Russia": ("2,600", "2,600", "3,800,000"),
    "South Africa": ("—", "—", "860,000"),
    "Tanzania": ("—", "—", "890,000"),
    "Thailand": ("2,100", "4,800", "NA"),
    "Vietnam": ("300", "150", "3,500,000"),
    "Other countries": ("1,000", "550", "NA"),
    "World total (rounded)": ("380,000", "390,000", ">75,000,000"),
}
INTRO = ("World Mine Production and Reserves: Significant revisions were made to the 2024 production for "
         "Australia, Brazil, Burma, Madagascar, Nigeria, and Vietnam based on Government and industry reports. "
         "Reserves for Australia, Brazil, and Malaysia were revised based on Government reports.")
