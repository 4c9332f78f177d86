"""Numbers in text, for every check that compares them: ``extract`` finds
them with their spans and reads their values across locales (parse.py,
words.py), ``pair_up`` matches two sides' numbers (compare.py)."""

from .compare import pair_up
from .parse import extract, figures
from .value import Number, render

__all__ = ["Number", "extract", "figures", "pair_up", "render"]
