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


def test_number_validators_take_numpy_numbers_and_refuse_bools_text_and_nan():
    import math

    import numpy as np
    import pytest

    from koit_lessons.errors import (
        is_whole,
        require_number,
        require_percentage,
        require_whole,
        require_year,
    )

    assert require_number(np.float64(2.5), "rate") == 2.5
    assert require_number(np.int64(3), "rate") == 3.0
    assert math.isinf(require_number(float("inf"), "rate"))
    for bad, words in [(True, "must be a number, not True"), ("3", "not '3'"), (math.nan, "nan")]:
        with pytest.raises(KoitError, match=words):
            require_number(bad, "rate")
    with pytest.raises(KoitError, match="The cut must be a finite number, e.g. 50, not inf"):
        require_number(math.inf, "cut", example="50", finite=True)
    with pytest.raises(KoitError, match="must be 0 or more, not -1"):
        require_number(-1, "number of hours", at_least=0)
    assert require_percentage(np.int64(65), "cap") == 65.0
    for bad in (-1, 100.5, math.nan):
        with pytest.raises(KoitError, match="must be a percentage from 0 to 100"):
            require_percentage(bad, "share")
    with pytest.raises(KoitError, match="custom"):
        require_percentage(0, "cap", above_zero=True, message="custom")
    assert is_whole(np.int64(3)) and not is_whole(True) and not is_whole(3.5)
    assert is_whole(3.0) and is_whole(np.float64(3.0)) and is_whole(np.array(3))
    assert require_whole(np.int64(3), "k", minimum=1) == 3
    assert type(require_whole(np.int64(3), "k")) is int
    with pytest.raises(KoitError, match="The k must be a whole number, not True"):
        require_whole(True, "k")
    with pytest.raises(KoitError, match="The step must be 100 or less, not 101"):
        require_whole(101, "step", maximum=100)
    assert require_year(np.int64(2024), [2023, 2024], "No data for") == 2024
    with pytest.raises(KoitError, match=r"^No data for 2019\. Years in the data: 2023, 2024\.$"):
        require_year(np.int64(2019), [2023, 2024], "No data for")
    # True is 1 to Python, but not a year: say so, rather than "no data for True"
    with pytest.raises(KoitError, match="The year must be a whole number, e.g. 1, not True"):
        require_year(True, [1], "No data for")
    assert require_year(np.float64(2024.0), [2023, 2024], "No data for") == 2024
    assert require_year(np.array(2024), [2023, 2024], "No data for") == 2024
    with pytest.raises(KoitError, match="without quotes"):
        require_year(" 2024", [2023, 2024], "No data for")
