"""newsclean: strip page furniture from scraped news text.

>>> from newsclean import clean
>>> result = clean(raw_text)
>>> result.title, result.text, result.removed
>>> result.to_dict()                      # the command's JSON output, without "source"

Modes (Config.mode): "auto" (the default: decide per text), "article" (the text is
just the article), "page" (a whole-page dump: find the article first).
Steps that can be disabled (Config.disabled), in the order they run: see
newsclean.steps.NAMES, or `newsclean --list-filters`.

Errors: ConfigError (an unknown mode or step), BinaryInput (bytes that are not
text), JSONLinesInput (bytes that hold JSON Lines, whose records
newsclean.jsonl cleans), UnknownEncoding (an encoding Python has no codec for),
HTMLError (a page beyond the HTML parser's limits), InputError (a file that
cannot be read), ClusterError (a Dask cluster that cannot be used). A wrong type
of argument raises TypeError.
"""

from __future__ import annotations

from .detect import BinaryInput, HTMLError, JSONLinesInput, UnknownEncoding
from .document import clean_bytes
from .filters import FILTERS
from .io import InputError
from .model import MODES, Config, ConfigError, Removal, Result
from .pipeline import DEFAULT, clean as _clean_text

__version__ = "0.1.0"


def clean(text: str | bytes, config: Config = DEFAULT) -> Result:
    """Clean scraped article text (or a whole-page dump) and return a Result.

    `text` is a str; bytes are read as clean_bytes reads them (the encoding
    detected, HTML recognised by its markup). `config` chooses the mode ("auto",
    "article" or "page") and the steps to disable, of these, in the order they
    run: repeated_across (run by a site template, newsclean.templates, never by
    clean()), unwrap, region, residue, counters, ads, share, related, comments,
    legal, media, byline, teasers, subscribe, navigation, repeated, score.
    Raises TypeError for any other type of `text` or `config`.
    """
    if not isinstance(config, Config):
        raise TypeError(f"clean() takes a newsclean.Config, not {type(config).__name__}")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return clean_bytes(bytes(text), config=config)
    if not isinstance(text, str):
        raise TypeError(f"clean() takes str or bytes, not {type(text).__name__}")
    return _clean_text(text, config)


def __getattr__(name: str):
    # The cluster runner loads JSON Lines and template code; a script that only
    # cleans texts never needs it.
    if name == "ClusterError":
        from .cluster import ClusterError

        return ClusterError
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")


__all__ = [
    "clean", "clean_bytes", "Config", "Result", "Removal", "FILTERS", "MODES",
    "ConfigError", "BinaryInput", "JSONLinesInput", "UnknownEncoding", "HTMLError", "InputError", "ClusterError",
    "__version__",
]
