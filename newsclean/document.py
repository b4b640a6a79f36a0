"""From bytes to a Result: decode, tell text from HTML, then clean. No I/O."""

from __future__ import annotations

from dataclasses import replace

from .detect import decode, is_binary, looks_like_html, BinaryInput
from .model import Config, Result
from .pipeline import DEFAULT, clean

INPUT_TYPES = ("auto", "text", "html")


def clean_bytes(data: bytes, *, name: str | None = None, config: Config = DEFAULT, input_type: str = "auto") -> Result:
    """Clean raw bytes as read from a file or a pipe.

    HTML (by `input_type`, or detected from `name` and the content) goes through
    article extraction first. Raises detect.BinaryInput for bytes that are not text.
    """
    if is_binary(data):
        raise BinaryInput("binary file (not text)")
    if input_type == "html" or (input_type == "auto" and looks_like_html(data[:65536].decode("utf-8", "replace"), name)):
        from . import html  # lxml and readability load only for HTML inputs

        return html.clean_html(data, config)
    result = clean(decode(data), config)
    return replace(result, meta={"input_type": "text", **result.meta})
