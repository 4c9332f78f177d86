"""A small learned combiner: the segment score of the contract from the
encoder's similarity and the rule findings, trained on MQM-rated WMT21 data
by bench/train_combiner.py (which writes combiner.json beside this file).

The features are cheap and known for every pair: similarity, length ratio,
lengths, and counts of findings per category and severity."""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

CATEGORIES = ("names", "quotes", "numbers", "omission", "addition", "untranslated", "format")
FEATURES = ("similarity", "log_len_ratio_abs", "log_src_len", "risk") + tuple(f"n_{c}" for c in CATEGORIES)


def features(src: str, mt: str, similarity: float | None, findings, risk: float) -> list[float]:
    ratio = abs(math.log((len(mt) + 1) / (len(src) + 1)))
    counts = {c: 0 for c in CATEGORIES}
    for f in findings:
        if f.category in counts:
            counts[f.category] += 1
    return [similarity if similarity is not None else 0.0, ratio, math.log(len(src) + 1), risk] + [
        float(counts[c]) for c in CATEGORIES
    ]


@functools.lru_cache(maxsize=1)
def load() -> dict | None:
    try:
        text = resources.files(__package__).joinpath("combiner.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    w = json.loads(text)
    return w if tuple(w.get("features", ())) == FEATURES else None


def predict(x: list[float], weights: dict) -> float:
    """0..1, higher is better."""
    z = weights["intercept"]
    for v, mu, sd, c in zip(x, weights["mean"], weights["std"], weights["coef"]):
        z += c * (v - mu) / sd
    return 1 / (1 + math.exp(-z))
