"""newsclean: strip page furniture from scraped news text.

>>> from newsclean import clean
>>> result = clean(raw_text)
>>> result.title, result.text, result.removed
"""

from .document import clean_bytes
from .filters import FILTERS
from .model import MODES, Config, ConfigError, Removal, Result
from .pipeline import clean

__version__ = "0.1.0"

__all__ = ["clean", "clean_bytes", "Config", "ConfigError", "MODES", "Result", "Removal", "FILTERS", "__version__"]
