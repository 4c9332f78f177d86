"""From findings to decisions: severity overrides, suppressions, the verdict
and the risk. Checks never see any of this."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Iterable

from .types import Finding, Severity, Verdict, sorted_findings

# Calibrated on WMT22 critical-error-detection dev data (en-de, pt-en):
# the cosine under the embedded encoder that best separates BAD from OK
# translations (MCC); see bench/calibrate_adequacy.py and bench/RESULTS.md.
MIN_SIMILARITY = 0.82
# The quality estimate is no critical-error detector: on the same data the
# best threshold (0.59) reaches an MCC of 0.04, so adequacy.low_quality is off
# unless --min-quality is given.
MIN_QE = None

# How much a finding of each severity says "this article has a critical error".
_RISK_WEIGHT = {Severity.CRITICAL: 0.9, Severity.MAJOR: 0.5, Severity.MINOR: 0.12, Severity.INFO: 0.0}


@dataclass(frozen=True)
class Policy:
    """What a newsroom or a CI job decides; checks know nothing of it."""

    severity: dict[str, Severity] = field(default_factory=dict)  # rule or category -> severity
    disabled: frozenset[str] = frozenset()  # rules or categories
    suppressed: frozenset[str] = frozenset()  # fingerprints (a baseline)
    block_at: Severity = Severity.CRITICAL
    review_at: Severity = Severity.MAJOR
    # Below this cross-lingual similarity a segment is flagged as possibly not
    # saying what the source says. Calibrated by bench/calibrate_adequacy.py.
    min_similarity: float = MIN_SIMILARITY
    # Below this quality estimate (0..1) a segment is flagged as likely badly
    # translated. Calibrated by bench/calibrate_adequacy.py --key qe.
    min_quality: float | None = MIN_QE
    min_roundtrip: float | None = None  # round-trip chrF (0..1); off unless set
    max_perplexity: float | None = None  # fluency; off unless set


def _matches(rule: str, keys) -> bool:
    return rule in keys or rule.split(".", 1)[0] in keys


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per category and translation span: when a bilingual check
    and a translation-only one see the same thing (Blink: altered, and
    inconsistent with Blinken), the worse one stays, the bilingual one on a tie."""
    best: dict[tuple, Finding] = {}
    order: list[tuple] = []
    for n, f in enumerate(findings):
        key = (f.category, f.mt_span) if f.mt_span else (n,)
        cur = best.get(key)
        if cur is None:
            order.append(key)
            best[key] = f
        elif (f.severity, f.src_span is not None) > (cur.severity, cur.src_span is not None):
            best[key] = f
    return [best[k] for k in order]


def apply(findings: Iterable[Finding], policy: Policy, src_text: str | None, mt_text: str | None) -> tuple[Finding, ...]:
    out = []
    for f in _dedupe(findings):
        if _matches(f.rule, policy.disabled):
            continue
        f = f.with_fingerprint(src_text, mt_text)
        if f.fingerprint in policy.suppressed:
            continue
        sev = policy.severity.get(f.rule) or policy.severity.get(f.category)
        if sev is not None:
            f = replace(f, severity=sev)
        out.append(f)
    return sorted_findings(out)


def verdict(findings: Iterable[Finding], policy: Policy) -> Verdict:
    worst = max((f.severity for f in findings), default=None)
    if worst is None:
        return Verdict.PASS
    if worst >= policy.block_at:
        return Verdict.BLOCK
    if worst >= policy.review_at:
        return Verdict.REVIEW
    return Verdict.PASS


def risk(findings: Iterable[Finding]) -> float:
    """1 - P(no critical error), treating findings as independent evidence."""
    log_ok = sum(math.log1p(-_RISK_WEIGHT[f.severity] * min(max(f.confidence, 0.0), 1.0)) for f in findings)
    return round(1 - math.exp(log_ok), 4)


# score -> (policy field, flag when below (True) or above, rule, severity, message, confidence scale, both spans)
_SCORE_RULES = {
    "similarity": ("min_similarity", True, "adequacy.low_similarity", Severity.MAJOR,
                   "the translation may not say what the source says (similarity {v:.2f} < {t:.2f})", 0.1, True),
    "qe": ("min_quality", True, "adequacy.low_quality", Severity.MAJOR,
           "the quality model rates this translation low ({v:.2f} < {t:.2f})", 0.2, True),
    "roundtrip": ("min_roundtrip", True, "adequacy.roundtrip", Severity.MAJOR,
                  "translated back, the sentence is far from its source (chrF {v:.2f} < {t:.2f})", None, True),
    "perplexity": ("max_perplexity", False, "fluency.perplexity", Severity.MINOR,
                   "the sentence reads poorly (perplexity {v:.0f} > {t:.0f})", None, False),
}


def score_findings(scores: dict, src_span, mt_span, policy: Policy) -> list[Finding]:
    """Adequacy and fluency findings for one aligned segment from its scores
    ({"similarity": .., "qe": .., "roundtrip": .., "perplexity": ..})."""
    out = []
    for key, (field_, below, rule, severity, message, scale, bilingual) in _SCORE_RULES.items():
        v, t = scores.get(key), getattr(policy, field_)
        if v is None or t is None or (v >= t if below else v <= t):
            continue
        out.append(Finding(
            rule, severity, message.format(v=v, t=t),
            src_span=src_span if bilingual else None, mt_span=mt_span,
            confidence=min(1.0, abs(t - v) / scale + 0.5) if scale else 1.0,
        ))
    return out
