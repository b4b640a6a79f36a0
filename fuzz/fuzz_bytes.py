"""Fuzz target over the bytes entry point, newsclean.clean_bytes.

Run (atheris is a development tool, not a dependency):

    .venv/bin/pip install atheris
    mkdir -p /tmp/newsclean-fuzz && cp samples/* /tmp/newsclean-fuzz/
    .venv/bin/python fuzz/fuzz_bytes.py -max_len=65536 -timeout=10 /tmp/newsclean-fuzz

Any exception other than BinaryInput is a finding, and so is output that cannot be
written as UTF-8 or as JSON, and, for text input, an output line that is not an
input line or output that changes when cleaned again. libFuzzer stops at the first finding and saves the
input as crash-<sha1> (slow ones, over -timeout seconds, as timeout-<sha1>).

For long runs, set FUZZ_FINDINGS=DIR: the first inputs of each distinct finding
(exception type and the place it was raised) are saved in DIR with their
traceback, and fuzzing goes on. Add each finding to tests/test_hostile.py once it is fixed.
"""

import hashlib
import json
import os
import sys
import traceback

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean.html  # noqa: F401  (loaded lazily by the library; instrument it too)
    from newsclean import clean, clean_bytes
    from newsclean.detect import BinaryInput, JSONLinesInput, decode
    from newsclean.lines import normalise
    from newsclean.render import as_dict, as_json, as_text

FINDINGS = os.environ.get("FUZZ_FINDINGS")
KEEP = 5  # inputs saved per distinct finding
_seen: dict[str, int] = {}


def check(data: bytes) -> None:
    try:
        result = clean_bytes(data, name=None)
    except (BinaryInput, JSONLinesInput):  # not text, or JSON Lines (cleaned a record at a time)
        return
    text = as_text(result)
    text.encode("utf-8")  # a lone surrogate here would be a finding
    encoded = as_json(as_dict(result, "fuzz")).encode("utf-8")
    if json.loads(encoded)["paragraphs"] != list(result.paragraphs):
        raise AssertionError("JSON does not round-trip the paragraphs")
    if result.meta.get("input_type") == "text":
        source = {normalise(line) for line in decode(data).splitlines()}
        if not set(result.paragraphs) <= source:
            raise AssertionError("text mode put out a line that is not in the input")
        if as_text(clean(text)) != text:
            raise AssertionError("cleaning the output again changed it")


def test_one_input(data: bytes) -> None:
    if not FINDINGS:
        check(data)
        return
    try:
        check(data)
    except Exception as e:
        frame = traceback.extract_tb(e.__traceback__)[-1]
        signature = f"{type(e).__name__}-{os.path.basename(frame.filename)}-{frame.lineno}"
        _seen[signature] = _seen.get(signature, 0) + 1
        if _seen[signature] > KEEP:
            return
        digest = hashlib.sha1(data).hexdigest()[:12]
        base = os.path.join(FINDINGS, f"{signature}-{digest}")
        with open(base + ".bin", "wb") as f:
            f.write(data)
        with open(base + ".txt", "w") as f:
            f.write("".join(traceback.format_exception(e)))
        print(f"FINDING {signature} -> {base}.bin", file=sys.stderr, flush=True)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
