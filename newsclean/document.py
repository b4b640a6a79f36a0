"""From bytes to a Result: decode, tell text from HTML, then clean. No I/O."""

from __future__ import annotations

from dataclasses import replace

from .detect import (BinaryInput, JSONLinesInput, bom_encoding, check_encoding, decode, decode_html_text, decode_text,
                     has_markup, is_binary, jsonl_advice, jsonl_fields, looks_like_html)
from .model import Config, Result
from .pipeline import DEFAULT, clean

INPUT_TYPES = ("auto", "text", "html")


def clean_bytes(data: bytes, *, name: str | None = None, config: Config = DEFAULT, input_type: str = "auto",
                encoding: str | None = None) -> Result:
    """Clean raw bytes as read from a file or a pipe.

    HTML (by `input_type`, or detected from `name` and the content) goes through
    article extraction first; a file named .html that holds no markup at all is
    cleaned as the text it is. `encoding` (a Python codec name: "cp1251",
    "gb18030", "shift_jis" ...) forces how the bytes are read, a page's declared
    charset included; by default it is found (detect.decode_text). The encoding
    used is in meta["encoding"]. Raises detect.BinaryInput for bytes that are not
    text, detect.JSONLinesInput for JSON Lines (whose records jsonl.py cleans) when
    `input_type` is "auto", detect.UnknownEncoding for an encoding Python does not
    know, detect.HTMLError for a page beyond the limits of newsclean.html. Raises TypeError
    for `data` that is not bytes (a str goes to pipeline.clean) or a `config`
    that is not a Config.
    """
    if isinstance(data, str):
        raise TypeError("clean_bytes() takes bytes, not str; use clean() for a str")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"clean_bytes() takes bytes, not {type(data).__name__}")
    if not isinstance(config, Config):
        raise TypeError(f"clean_bytes() takes a newsclean.Config, not {type(config).__name__}")
    data = bytes(data)
    decoded = plain_text(data, name=name, input_type=input_type, encoding=encoding)
    if decoded is None:
        from . import html  # lxml and readability load only for HTML inputs

        text, used = decode_html_text(data, encoding)
        result = html.clean_html(text, config)
    else:
        text, used = decoded
        result = clean(text, config)
        result = replace(result, meta={"input_type": "text", **result.meta})
    return replace(result, meta={**result.meta, "encoding": used})


def plain_text(data: bytes, *, name: str | None = None, input_type: str = "auto",
               encoding: str | None = None) -> tuple[str, str] | None:
    """The text of a plain-text input and the encoding it was read in; None for
    HTML, which is decoded by its own rules (detect.decode_html_text). Raises
    BinaryInput, JSONLinesInput and UnknownEncoding as clean_bytes does."""
    if encoding:
        encoding = check_encoding(encoding)
    if is_binary(data, encoding):
        raise BinaryInput("binary file (not text)")
    if input_type == "html":
        return None
    if input_type == "auto":
        head = data[:65536]
        head_text = decode(head, encoding) if encoding or bom_encoding(head) else head.decode("utf-8", "replace")
        if looks_like_html(head_text, name) and has_markup(head_text):
            return None
        fields = jsonl_fields(data)
        if fields is not None:
            raise JSONLinesInput(f"looks like JSON Lines {jsonl_advice(fields)}")
    return decode_text(data, encoding)
