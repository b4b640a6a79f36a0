"""The library as a script uses it: Config checked, Result fields, bytes, exceptions."""

from __future__ import annotations

import json
import pickle
import re

import pytest

import newsclean
from newsclean import Config, ConfigError, Removal, Result, clean, clean_bytes, pipeline
from newsclean.steps import NAMES

TEXT = (
    "Ferry timetable changes for winter\n\n"
    "The island ferry will sail twice a day from November, the operator said on Friday.\n\n"
    "Advertisement\n\n"
    "Passengers with bookings after that date will be offered a seat on the morning boat.\n"
)

PAGE = (
    '<!doctype html><html lang="en_GB"><head><title>Winter sailings | The Skerry Gazette</title>'
    '<link rel="canonical" href="https://gazette.example/news/winter-sailings">'
    '<meta property="og:site_name" content="The Skerry Gazette">'
    '<meta property="article:published_time" content="2031-10-24T08:15:00Z">'
    '<meta name="author" content="Ailsa Munro, Tam Reid">'
    "</head><body><article><h1>Winter sailings cut to one a day</h1>"
    "<p>Only the early boat will run between the two harbours until the spring, the council said.</p>"
    "<p>Islanders who commute to the mainland asked for a later return crossing on weekdays.</p>"
    "</article></body></html>"
)


def as_shown(value):
    """An attribute of a Result as the JSON output writes it."""
    if isinstance(value, tuple):
        return [as_shown(v) for v in value]
    if isinstance(value, Removal):
        return value.to_dict()
    return value


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
        for doc in (clean.__doc__, pipeline.clean.__doc__):
            assert re.search(rf"\b{name}\b", doc), name
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


def test_a_pages_metadata_fields_are_attributes(invoke):
    result = clean_bytes(PAGE.encode())
    assert result.url == "https://gazette.example/news/winter-sailings"
    assert result.published == "2031-10-24T08:15:00Z"
    assert result.authors == ("Ailsa Munro", "Tam Reid")
    assert result.site_name == "The Skerry Gazette" and result.language == "en-GB"
    assert result.encoding == "utf-8" and result.input_type == "html"
    shown = json.loads(invoke("--format", "json", input=PAGE.encode()).stdout)
    assert shown.pop("source") == "<stdin>"
    assert shown == result.to_dict()


def test_fields_a_result_does_not_carry_are_none():
    result = clean(TEXT)
    assert [result.encoding, result.url, result.published, result.authors, result.site_name,
            result.language, result.note] == [None] * 7
    cafe = "Caf\u00e9 owners on the quay say trade fell by half over the summer.\n"
    assert clean_bytes(cafe.encode("cp1252")).encoding == "cp1252"
    assert clean_bytes(cafe.encode()).encoding == "utf-8"


def test_every_field_of_the_json_output_is_an_attribute():
    nested = ("<html><body><p>The harbour wall was rebuilt.</p>" + "<div>" * 5000 + "It took two summers."
              + "</div>" * 5000 + "</body></html>")
    listing = "\n".join(["Home", "News", "Sport", "Weather", "Contact us"] * 4) + "\n\n" + TEXT
    results = [clean_bytes(PAGE.encode()), clean_bytes(nested.encode()), clean_bytes(TEXT.encode()),
               clean(listing, Config(mode="page"))]
    assert "nested too deeply" in results[1].note
    for result in results:
        for name, value in result.to_dict().items():
            attribute = getattr(result, name)
            if name == "region":
                assert value == {"first_line": attribute[0], "last_line": attribute[1]}
            else:
                assert as_shown(attribute) == value, name


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
    with pytest.raises(TypeError, match="newsclean.Config"):
        clean(TEXT.encode(), {"mode": "article"})


def test_clean_bytes_refuses_a_str_and_other_types_with_a_clear_message():
    with pytest.raises(TypeError, match="^clean_bytes\\(\\) takes bytes, not str; use clean\\(\\) for a str$"):
        clean_bytes(TEXT)
    with pytest.raises(TypeError, match="^clean_bytes\\(\\) takes bytes, not NoneType$"):
        clean_bytes(None)
    with pytest.raises(TypeError, match="newsclean.Config"):
        clean_bytes(TEXT.encode(), config={"mode": "article"})
    assert clean_bytes(memoryview(TEXT.encode())).to_dict() == clean_bytes(TEXT.encode()).to_dict()


def test_exception_types_are_exported():
    for name in ("ConfigError", "BinaryInput", "HTMLError", "InputError", "ClusterError", "JSONLinesInput",
                 "UnknownEncoding"):
        assert name in newsclean.__all__ and issubclass(getattr(newsclean, name), Exception)
        assert name in newsclean.__doc__, name
    with pytest.raises(newsclean.BinaryInput):
        clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    with pytest.raises(newsclean.JSONLinesInput):
        clean_bytes(b'{"headline": "Quay closed", "body": "The quay is shut for repairs."}\n' * 3)
    with pytest.raises(newsclean.UnknownEncoding):
        clean_bytes(TEXT.encode(), encoding="no-such-codec")


def test_result_is_still_a_plain_frozen_dataclass():
    result = clean(TEXT)
    assert isinstance(result, Result)
    with pytest.raises(AttributeError):
        result.title = "x"


def test_a_page_result_survives_pickling_with_its_fields():
    result = clean_bytes(PAGE.encode())
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.to_dict() == result.to_dict()
    assert again.authors == ("Ailsa Munro", "Tam Reid") and again.encoding == "utf-8"
