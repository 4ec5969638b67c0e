"""Domain rules for the lesson-06 data sets policy_targets, strategic_minerals, msp_members."""

from koit_lessons import data, minerals


def test_crma_benchmarks_as_written_in_the_regulation():
    t = data.load("policy_targets").set_index("target_id")
    eu = {k: t.loc[f"eu-{k}", "value"] for k in ("extraction", "processing", "recycling")}
    assert eu == {"extraction": 10, "processing": 40, "recycling": 25}
    assert t.loc["eu-single-country", "value"] == 65
    assert t.loc["eu-single-country", "direction"] == "at most"
    assert (t.loc[t["jurisdiction"] == "European Union", "deadline"] == 2030).all()


def test_korea_targets_with_baselines():
    t = data.load("policy_targets").set_index("target_id")
    assert (t.loc["kor-single-country", "baseline"], t.loc["kor-single-country", "value"]) == (
        80,
        50,
    )
    assert (t.loc["kor-recycling", "baseline"], t.loc["kor-recycling", "value"]) == (2, 20)
    assert (t.loc["kor-stockpile", "baseline"], t.loc["kor-stockpile", "value"]) == (54, 100)
    # a ceiling lowers the baseline, a floor raises it
    has_base = t.dropna(subset=["baseline"])
    down = has_base["direction"] == "at most"
    assert (has_base.loc[down, "value"] < has_base.loc[down, "baseline"]).all()
    assert (has_base.loc[~down, "value"] > has_base.loc[~down, "baseline"]).all()


def test_percent_targets_are_percentages():
    t = data.load("policy_targets")
    pct = t[t["unit"].str.startswith("%")]
    assert pct["value"].between(0, 100).all() and len(pct) == 6


def test_strategic_lists_have_the_sourced_lengths_and_known_minerals():
    s = data.load("strategic_minerals")
    assert s.groupby("jurisdiction").size().to_dict() == {"European Union": 17, "Korea": 10}
    assert set(s["mineral"].dropna()) <= set(minerals.mineral_names())
    korea = s[s["jurisdiction"] == "Korea"]
    assert (korea["mineral"] == "rare earths").sum() == 5


def test_msp_members():
    m = data.load("msp_members")
    assert (m["kind"] == "country").sum() == 14 and (m["kind"] == "union").sum() == 1
    assert {"Korea", "Italy", "United States", "European Union"} <= set(m["member"])
    eu_states = set(m.loc[m["eu_member_state"], "member"])
    assert eu_states == {"Estonia", "Finland", "France", "Germany", "Italy", "Sweden"}
    assert m.loc[m["kind"] == "country", "iso3"].notna().all()
