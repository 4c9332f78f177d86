"""From findings to decisions: severity overrides, suppressions, the verdict
and the risk. Checks never see any of this."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Iterable

from . import rules
from .calibration import calibrated
from .scripts import relation
from .types import Finding, Severity, Verdict, sorted_findings

# Calibrated on WMT22 critical-error-detection dev data (en-de, pt-en):
# the cosine under the embedded encoder that best separates BAD from OK
# translations (MCC); see bench/calibrate_adequacy.py and bench/RESULTS.md.
MIN_SIMILARITY = 0.82
# The quality estimate is no critical-error detector: on the same data the
# best threshold (0.59) reaches an MCC of 0.04, so adequacy.low_quality is off
# unless --min-quality is given.
MIN_QE = None

# Confidence -> severity. A finding is a probability that a careful reviewer
# agrees; it keeps its rule's severity when that is likely, is one step milder
# when it is a fair guess, and is an ``info`` note (counted neither as a flag
# nor in the verdict) when it is more likely wrong than right. The bands are
# those of bench/articles.py's tuning half: see bench/RESULTS.md.
CONFIDENT = 0.75
PLAUSIBLE = 0.5

# P(the article has a critical error | a real finding of a rule of this severity).
_CRITICAL_GIVEN = {Severity.CRITICAL: 1.0, Severity.MAJOR: 0.3, Severity.MINOR: 0.05, Severity.INFO: 0.0}


@dataclass(frozen=True)
class Policy:
    """What a newsroom or a CI job decides; checks know nothing of it."""

    severity: dict[str, Severity] = field(default_factory=dict)  # rule or category -> severity at full confidence
    disabled: frozenset[str] = frozenset()  # rule ids or prefixes of them (a category)
    selected: frozenset[str] | None = None  # only these rule ids or prefixes run; None: all
    # a baseline's fingerprints, "article id:fingerprint" (or a bare fingerprint: any article)
    suppressed: frozenset[str] = frozenset()
    block_at: Severity = Severity.CRITICAL
    review_at: Severity = Severity.MAJOR
    confident: float = CONFIDENT
    plausible: float = PLAUSIBLE
    # each rule's confidence read through the curve fitted on development
    # data (mtcheck/calibration.py); off, the checks' own scores are kept
    calibrate: bool = True
    # Below this cross-lingual similarity a segment is flagged as possibly not
    # saying what the source says. Calibrated by bench/calibrate_adequacy.py.
    min_similarity: float = MIN_SIMILARITY
    # Below this quality estimate (0..1) a segment is flagged as likely badly
    # translated. Calibrated by bench/calibrate_adequacy.py --key qe.
    min_quality: float | None = MIN_QE
    min_roundtrip: float | None = None  # round-trip chrF (0..1); off unless set
    max_perplexity: float | None = None  # fluency; off unless set


def _prefix_length(rule: str, keys) -> int:
    """Length of the longest key that is the rule or a dotted prefix of it
    (``names`` and ``names.added`` both match names.added), else -1."""
    best = -1
    for k in keys:
        if rule == k or rule.startswith(k + ".") or k in ("", "*"):
            best = max(best, len(k) if k != "*" else 0)
    return best


def enabled(rule: str, policy: "Policy") -> bool:
    """The most specific of the selected and disabled prefixes wins; on a
    tie (the same prefix in both) the rule is off."""
    off = _prefix_length(rule, policy.disabled)
    if policy.selected is None:
        return off < 0
    return _prefix_length(rule, policy.selected) > off


def base_severity(rule_id: str, policy: Policy) -> Severity:
    """The rule's severity at full confidence: the policy's, else the table's."""
    sev = policy.severity.get(rule_id) or policy.severity.get(rule_id.split(".", 1)[0])
    return sev if sev is not None else rules.rule(rule_id).severity


def severity(f: Finding, policy: Policy) -> Severity:
    base = base_severity(f.rule, policy)
    if f.confidence >= policy.confident:
        return base
    if f.confidence >= policy.plausible:
        return Severity(max(int(base) - 1, int(Severity.MINOR))) if base > Severity.INFO else base
    return Severity.INFO


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
        elif (f.severity, f.src_span is not None, f.confidence) > (cur.severity, cur.src_span is not None, cur.confidence):
            best[key] = f
    return [best[k] for k in order]


def apply(findings: Iterable[Finding], policy: Policy, src_text: str | None, mt_text: str | None,
          article: str | None = None, quiet: Iterable[tuple[int, int, frozenset[str]]] = ()) -> tuple[Finding, ...]:
    """Checks' findings -> decided ones: disabled rules dropped, confidence
    calibrated, severity from rule and confidence, duplicates merged. A
    finding in the baseline (``policy.suppressed``) or inside a suppression
    marker's span of the translation (``quiet``: start, end, rule prefixes;
    empty prefixes: every rule) stays, marked suppressed."""
    kept = [f for f in findings if enabled(f.rule, policy)]
    if policy.calibrate:
        where = relation(src_text, mt_text)
        kept = [replace(f, confidence=calibrated(f.rule, f.confidence, where=where, evidence=f.evidence)) for f in kept]
    decided = [replace(f, severity=severity(f, policy)) for f in kept]
    quiet = tuple(quiet)
    out = []
    for f in _dedupe(decided):
        f = f.with_fingerprint(src_text, mt_text)
        if (f.fingerprint in policy.suppressed or f"{article}:{f.fingerprint}" in policy.suppressed
                or _quieted(f, quiet)):
            f = replace(f, suppressed=True)
        out.append(f)
    return sorted_findings(out)


def _quieted(f: Finding, quiet) -> bool:
    if f.mt_span is None:
        return False
    s, e = f.mt_span
    return any(qs <= s and e <= qe and (not rules or _prefix_length(f.rule, rules) >= 0) for qs, qe, rules in quiet)


def live(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that count: not suppressed."""
    return [f for f in findings if not f.suppressed]


def verdict(findings: Iterable[Finding], policy: Policy) -> Verdict:
    worst = max((f.severity for f in live(findings)), default=None)
    if worst is None:
        return Verdict.PASS
    if worst >= policy.block_at:
        return Verdict.BLOCK
    if worst >= policy.review_at:
        return Verdict.REVIEW
    return Verdict.PASS


def risk(findings: Iterable[Finding], policy: Policy | None = None) -> float:
    """P(the article has a critical error): 1 - P(none), each finding
    independent evidence of one with probability confidence x P(critical | real)."""
    policy = policy or Policy()
    log_ok = sum(
        math.log1p(-min(max(f.confidence, 0.0), 0.999) * _CRITICAL_GIVEN[base_severity(f.rule, policy)])
        for f in live(findings)
    )
    return round(1 - math.exp(log_ok), 4)


def exit_status(results, fail_on: Severity | None) -> int:
    """1 when a finding reaches ``fail_on``, else 0 (2 for unusable input is the CLI's)."""
    if fail_on is None:
        return 0
    return int(any(f.severity >= fail_on for r in results for f in live(r.findings)))


def unreadable(reason: str, policy: Policy) -> tuple[Finding, ...]:
    """The one finding of an input that could not be read: nothing was checked."""
    return apply([Finding("format.unreadable", f"not checked: {reason}")], policy, None, None)


# score -> (policy field, flag when below (True) or above, rule, message, confidence scale, both spans)
_SCORE_RULES = {
    "similarity": ("min_similarity", True, "adequacy.low_similarity",
                   "the translation may not say what the source says (similarity {v:.2f} < {t:.2f})", 0.1, True),
    "qe": ("min_quality", True, "adequacy.low_quality",
           "the quality model rates this translation low ({v:.2f} < {t:.2f})", 0.2, True),
    "roundtrip": ("min_roundtrip", True, "adequacy.roundtrip",
                  "translated back, the sentence is far from its source (chrF {v:.2f} < {t:.2f})", None, True),
    "perplexity": ("max_perplexity", False, "fluency.perplexity",
                   "the sentence reads poorly (perplexity {v:.0f} > {t:.0f})", None, False),
}


def score_findings(scores: dict, src_span, mt_span, policy: Policy) -> list[Finding]:
    """Adequacy and fluency findings for one aligned segment from its scores
    ({"similarity": .., "qe": .., "roundtrip": .., "perplexity": ..})."""
    out = []
    for key, (field_, below, rule, message, scale, bilingual) in _SCORE_RULES.items():
        v, t = scores.get(key), getattr(policy, field_)
        if v is None or t is None or (v >= t if below else v <= t):
            continue
        out.append(Finding(
            rule, message.format(v=v, t=t),
            src_span=src_span if bilingual else None, mt_span=mt_span,
            confidence=min(1.0, abs(t - v) / scale + 0.5) if scale else 1.0,
        ))
    return out
