"""A finding's confidence as the probability that a careful reviewer agrees.

A check scores its evidence on its own scale; how often findings of a rule
at a given score are right is measured, not assumed. For the rules that
judge a translation against its source, that was measured on real MT whose
errors professional raters marked (WMT 2021 MQM spans, the tuning half of
the documents): ``bench/calibrate_findings.py`` fits one monotone curve per
rule and pair of scripts (source and translation: Latin and Latin, Latin
and Cyrillic, Chinese and Latin in that data), and writes ``calibration.json`` beside this file; ``bench/RESULTS.md``
gives the fit and how it holds on the confirmation half.

A curve only lowers a confidence that the data does not bear out; it never
raises one. Raters mark what they see in one sentence, and a rule that is
right more often than its score says is at worst too modest, while one that
is wrong more often fills reports with false alarms. Rules without a curve
keep their own confidence: the typography rules, whose marks MQM raters
annotate unevenly, rules whose findings MQM cannot judge by their span, and
rules too rare on that data to fit.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

Curve = tuple[tuple[float, float], ...]


@functools.lru_cache(maxsize=1)
def curves() -> dict[str, Curve]:
    """The fitted curves by rule: (confidence, probability) knots, both rising."""
    try:
        text = resources.files(__package__).joinpath("calibration.json").read_text(encoding="utf-8")
        data = json.loads(text)
        return {rule: tuple((float(x), float(y)) for x, y in c["knots"]) for rule, c in data["rules"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no curves: every rule keeps its own confidence


def calibrated(rule: str, confidence: float, table: dict[str, Curve] | None = None, where: str = "",
               evidence: str = "") -> float:
    """The rule's confidence read through its curve for these scripts
    (``where``: ``mtcheck.scripts.relation`` of source and translation,
    "LATIN>CYRILLIC"; a name goes through nothing, transliteration or a
    reading by sound depending on them), else its curve for any (linear
    between knots; below the first knot in proportion to it, above the last
    its value), if that is lower. A rule with curves for some pairs of
    scripts only keeps its confidence in the others: the data said nothing
    there. A finding with a kind of ``evidence`` is read through the curves
    of ``rule/evidence``, fitted on findings of that kind only: where there
    were too few, it keeps its confidence."""
    table = curves() if table is None else table
    if evidence:
        rule = f"{rule}/{evidence}"
    knots = table.get(f"{rule}@{where}") if where else None
    if knots is None and not any(k.startswith(rule + "@") for k in table):
        knots = table.get(rule)
    if not knots:
        return confidence
    return min(confidence, _read(knots, confidence))


def _read(knots: Curve, confidence: float) -> float:
    (x0, y0), (xn, yn) = knots[0], knots[-1]
    if confidence <= x0:
        return round(y0 * confidence / x0, 4) if x0 > 0 else y0
    if confidence >= xn:
        return yn
    for (xa, ya), (xb, yb) in zip(knots, knots[1:]):
        if xa <= confidence <= xb:
            return round(ya + (yb - ya) * (confidence - xa) / (xb - xa), 4) if xb > xa else yb
    return yn


def fit(observations: list[tuple[float, bool]], prior: float = 4.0) -> Curve:
    """A monotone curve from (confidence, reviewer agreed) pairs: the share
    agreed at each confidence, drawn toward the confidence itself by
    ``prior`` pseudo-observations (few findings say little), then pooled
    where a higher confidence is right less often (pool adjacent violators)."""
    by_value: dict[float, list[int]] = {}
    for c, ok in observations:
        by_value.setdefault(round(float(c), 2), []).append(int(bool(ok)))
    blocks = []  # [confidence-weighted sum, hits + prior mass, count + prior]
    for c in sorted(by_value):
        hits = by_value[c]
        blocks.append([c * len(hits), sum(hits) + prior * c, len(hits) + prior, len(hits)])
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][1] / merged[-2][2] > merged[-1][1] / merged[-1][2]:
            last = merged.pop()
            merged[-1] = [x + y for x, y in zip(merged[-1], last)]
    return tuple((round(b[0] / b[3], 3), round(b[1] / b[2], 3)) for b in merged)
