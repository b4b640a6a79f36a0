"""From bytes to a Result: decode, tell text from HTML, then clean. No I/O."""

from __future__ import annotations

from dataclasses import replace

from .detect import BinaryInput, bom_encoding, decode, has_markup, is_binary, looks_like_html
from .model import Config, Result
from .pipeline import DEFAULT, clean

INPUT_TYPES = ("auto", "text", "html")


def clean_bytes(data: bytes, *, name: str | None = None, config: Config = DEFAULT, input_type: str = "auto") -> Result:
    """Clean raw bytes as read from a file or a pipe.

    HTML (by `input_type`, or detected from `name` and the content) goes through
    article extraction first; a file named .html that holds no markup at all is
    cleaned as the text it is. Raises detect.BinaryInput for bytes that are not
    text, detect.HTMLError for a page beyond html.py's limits.
    """
    if is_binary(data):
        raise BinaryInput("binary file (not text)")
    head = decode(data[:65536]) if bom_encoding(data) else data[:65536].decode("utf-8", "replace")
    if input_type == "html" or (input_type == "auto" and looks_like_html(head, name) and has_markup(head)):
        from . import html  # lxml and readability load only for HTML inputs

        return html.clean_html(data, config)
    result = clean(decode(data), config)
    return replace(result, meta={"input_type": "text", **result.meta})
