"""The library as a script uses it: Config checked, Result fields, bytes, exceptions."""

from __future__ import annotations

import json

import pytest

import newsclean
from newsclean import Config, ConfigError, Result, clean, clean_bytes
from newsclean.steps import NAMES

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
    assert str(caught.value).startswith("unknown filter 'nosuch'; known: repeated_across, unwrap, region, residue")
    assert f"Error: {caught.value}" in invoke("--disable", "nosuch", input=TEXT).stderr


def test_config_error_is_a_value_error_and_a_string_of_names_is_refused():
    assert issubclass(ConfigError, ValueError)
    with pytest.raises(ConfigError):
        Config(disabled="ads")


def test_config_takes_step_names_in_any_case_as_any_collection():
    assert Config(disabled={"ADS", "Region"}).disabled == frozenset({"ads", "region"})
    assert Config(disabled=["byline"]) == Config(disabled=frozenset({"byline"}))


def test_docstrings_list_every_mode_and_step():
    for name in NAMES:
        assert name in Config.__doc__, name
    for mode in newsclean.MODES:
        assert f'"{mode}"' in Config.__doc__ and f'"{mode}"' in clean.__doc__


def test_result_has_the_json_fields_as_attributes_and_to_dict_is_the_json_output(invoke):
    result = clean_bytes(TEXT.encode(), config=Config(mode="article"))
    assert result.status == "ok"
    assert result.title == "Ferry timetable changes for winter"
    assert result.removed[0].rule == "ads.label"
    assert result.article_found is None and result.input_type == "text"
    shown = json.loads(invoke("--format", "json", "--mode", "article", input=TEXT).stdout)
    assert shown.pop("source") == "<stdin>"
    assert shown == result.to_dict()


def test_article_found_is_an_attribute_on_a_whole_page():
    page = "\n".join(["Home", "News", "Sport", "Weather", "Contact us"] * 4) + "\n\n" + TEXT
    result = clean(page, Config(mode="page"))
    assert result.article_found is result.to_dict().get("article_found")
    assert isinstance(result.article_found, bool)


def test_an_emptied_result_says_so():
    result = clean("Advertisement\n", Config(mode="article"))
    assert result.status == "empty" and result.to_dict()["status"] == "empty"


def test_stats_is_a_property_like_text():
    result = clean(TEXT)
    assert result.stats == {"paragraphs": 2, "characters": len(result.text), "removed": 1,
                            "removed_by_filter": {"ads": 1}}
    assert isinstance(type(result).stats, property) and isinstance(type(result).text, property)


def test_clean_takes_bytes_as_clean_bytes_does():
    assert clean(TEXT.encode("cp1252")).paragraphs == clean(TEXT).paragraphs
    assert clean(bytearray(TEXT.encode())).to_dict() == clean_bytes(TEXT.encode()).to_dict()


def test_clean_refuses_other_types_with_a_clear_message():
    with pytest.raises(TypeError, match="clean\\(\\) takes str or bytes, not int"):
        clean(42)
    with pytest.raises(TypeError, match="newsclean.Config"):
        clean(TEXT, {"mode": "article"})


def test_exception_types_are_exported():
    for name in ("ConfigError", "BinaryInput", "HTMLError", "InputError", "ClusterError"):
        assert name in newsclean.__all__ and issubclass(getattr(newsclean, name), Exception)
    with pytest.raises(newsclean.BinaryInput):
        clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")


def test_result_is_still_a_plain_frozen_dataclass():
    result = clean(TEXT)
    assert isinstance(result, Result)
    with pytest.raises(AttributeError):
        result.title = "x"
