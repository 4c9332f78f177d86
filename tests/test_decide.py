"""The decision engine: severity from rule and confidence, the verdict, the
risk and the exit status, all in one place."""

from mtcheck import decide
from mtcheck.decide import Policy
from mtcheck.types import ArticleResult, Article, Finding, Severity, Verdict


def decided(*findings, policy=Policy()):
    return decide.apply(findings, policy, "Antony Blinken llegó.", "Antony Blink arrived.")


def test_severity_follows_the_rule_and_the_confidence():
    sev = [f.severity for f in decided(
        Finding("names.altered", "cut", mt_span=(7, 12), confidence=0.9),   # critical rule, sure
        Finding("names.missing", "gone", src_span=(0, 14), confidence=0.6),  # major rule, a fair guess
        Finding("quotes.spacing", "glued", mt_span=(0, 1), confidence=0.8),  # minor rule, sure
        Finding("names.added", "new", mt_span=(13, 20), confidence=0.3),     # more likely wrong than right
    )]
    assert sorted(sev) == [Severity.INFO, Severity.MINOR, Severity.MINOR, Severity.CRITICAL]


def test_a_policy_sets_a_rules_severity_and_disables_rules():
    policy = Policy(severity={"names": Severity.MINOR}, disabled=frozenset({"quotes"}))
    out = decided(Finding("names.altered", "cut", mt_span=(7, 12), confidence=0.9),
                  Finding("quotes.spacing", "glued", mt_span=(0, 1)), policy=policy)
    assert [(f.rule, f.severity) for f in out] == [("names.altered", Severity.MINOR)]


def test_verdict_risk_and_exit_status():
    sure = decided(Finding("names.altered", "cut", mt_span=(7, 12), confidence=0.9))
    unsure = decided(Finding("names.missing", "gone", src_span=(0, 14), confidence=0.4))
    assert decide.verdict(sure, Policy()) == Verdict.BLOCK
    assert decide.verdict(unsure, Policy()) == Verdict.PASS  # an info note does not stop an article
    assert decide.verdict(decided(Finding("names.missing", "gone", src_span=(0, 14), confidence=0.8)), Policy()) == Verdict.REVIEW
    assert decide.risk(sure) == 0.9 and decide.risk(()) == 0.0
    assert 0 < decide.risk(unsure) < 0.2  # a major rule's finding is weak evidence of a critical error
    empty = Article("a", "")
    results = [ArticleResult("a", empty, findings=sure), ArticleResult("b", empty, findings=unsure)]
    assert decide.exit_status(results, Severity.CRITICAL) == 1
    assert decide.exit_status(results[1:], Severity.MINOR) == 0
    assert decide.exit_status(results, None) == 0


def test_an_unreadable_input_blocks():
    (f,) = decide.unreadable("binary data", Policy())
    assert (f.rule, f.severity) == ("format.unreadable", Severity.CRITICAL)
