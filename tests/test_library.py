"""The library as a script uses it."""

from __future__ import annotations

import pytest

from newsclean import Config, ConfigError

TEXT = (
    "Ferry timetable changes for winter\n\n"
    "The island ferry will sail twice a day from November, the operator said on Friday.\n\n"
    "Advertisement\n\n"
    "Passengers with bookings after that date will be offered a seat on the morning boat.\n"
)


def test_config_refuses_an_unknown_mode_with_the_commands_message(invoke):
    with pytest.raises(ConfigError) as caught:
        Config(mode="bogus")
    assert str(caught.value) == "unknown mode 'bogus'; valid: auto, article, page"
    assert f"Error: {caught.value}" in invoke("--mode", "bogus", input=TEXT).stderr


def test_config_refuses_an_unknown_step_with_the_commands_message(invoke):
    with pytest.raises(ConfigError) as caught:
        Config(disabled={"nosuch"})
    assert str(caught.value).startswith("unknown filter 'nosuch'; known: repeated_across, region, residue")
    assert f"Error: {caught.value}" in invoke("--disable", "nosuch", input=TEXT).stderr


def test_config_error_is_a_value_error_and_a_string_of_names_is_refused():
    assert issubclass(ConfigError, ValueError)
    with pytest.raises(ConfigError):
        Config(disabled="ads")


def test_config_takes_step_names_in_any_case_as_any_collection():
    assert Config(disabled={"ADS", "Region"}).disabled == frozenset({"ads", "region"})
    assert Config(disabled=["byline"]) == Config(disabled=frozenset({"byline"}))
