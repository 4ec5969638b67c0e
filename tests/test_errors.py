from koit_lessons.errors import KoitError, did_you_mean, unknown_name


def test_did_you_mean_finds_close_matches_case_insensitively():
    assert did_you_mean("Lithum", ["lithium", "cobalt"]) == " Did you mean 'lithium'?"
    assert did_you_mean("zzz", ["lithium"]) == ""


def test_unknown_name_lists_allowed_values():
    err = unknown_name("mineral", "cobalts", ["lithium", "cobalt"])
    assert isinstance(err, KoitError) and isinstance(err, ValueError)
    assert "no mineral called 'cobalts'" in str(err)
    assert "Did you mean 'cobalt'?" in str(err)
    assert "Allowed: cobalt, lithium." in str(err)


def test_unknown_name_of_wrong_type_says_text_is_needed():
    err = unknown_name("data set", 3, ["a"])
    assert "must be given as text" in str(err)
