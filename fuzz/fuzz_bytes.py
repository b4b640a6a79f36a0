"""Fuzz target over the bytes entry point, newsclean.clean_bytes.

Run (atheris is a development tool, not a dependency):

    .venv/bin/pip install atheris
    mkdir -p /tmp/newsclean-fuzz && cp samples/* /tmp/newsclean-fuzz/
    .venv/bin/python fuzz/fuzz_bytes.py -max_len=65536 -timeout=10 /tmp/newsclean-fuzz

Any exception other than BinaryInput is a finding, and so is output that cannot be
written as UTF-8 or as JSON. libFuzzer saves the input as crash-<sha1> (slow ones,
over -timeout seconds, as timeout-<sha1>); add each to tests/test_hostile.py.
"""

import json
import sys

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean.html  # noqa: F401  (loaded lazily by the library; instrument it too)
    from newsclean import clean_bytes
    from newsclean.detect import BinaryInput
    from newsclean.render import as_dict, as_json, as_text


def test_one_input(data: bytes) -> None:
    try:
        result = clean_bytes(data, name=None)
    except BinaryInput:
        return
    text = as_text(result)
    text.encode("utf-8")  # a lone surrogate here would be a finding
    encoded = as_json(as_dict(result, "fuzz")).encode("utf-8")
    if json.loads(encoded)["paragraphs"] != list(result.paragraphs):
        raise AssertionError("JSON does not round-trip the paragraphs")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
