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


# -- calibration ----------------------------------------------------------------

def test_a_fitted_curve_is_monotone_and_drawn_toward_the_rules_own_confidence():
    from mtcheck.calibration import fit

    # 0.9: 2 of 10 right; 0.6: 5 of 10 right -> pooled, since the higher score is right less often
    obs = [(0.9, i < 2) for i in range(10)] + [(0.6, i < 5) for i in range(10)]
    curve = fit(obs, prior=0.0)
    assert curve == ((0.75, 0.35),)
    # with pseudo-observations at the rule's own confidence, few findings move it less
    assert fit([(0.9, False)], prior=4.0) == ((0.9, 0.72),)
    ys = [y for _, y in fit(obs + [(0.3, False)] * 5, prior=4.0)]
    assert ys == sorted(ys)


def test_a_curve_lowers_a_confidence_and_never_raises_one():
    from mtcheck.calibration import calibrated

    table = {"names.added": ((0.5, 0.2),), "numbers.added": ((0.3, 0.1), (0.45, 0.6))}
    assert calibrated("names.added", 0.5, table) == 0.2
    assert calibrated("names.added", 0.25, table) == 0.1  # below the first knot, in proportion
    assert calibrated("numbers.added", 0.45, table) == 0.45  # the curve says 0.6: kept at 0.45
    assert calibrated("numbers.added", 0.375, table) == 0.35
    assert calibrated("quotes.spacing", 1.0, table) == 1.0  # no curve: its own confidence


def test_the_decision_engine_reads_confidences_through_the_shipped_curves():
    from mtcheck.calibration import curves

    shipped = curves()
    assert {"names.added@LATIN>CYRILLIC", "adequacy.negation@LATIN>CYRILLIC"} <= set(shipped)
    assert not any(r.startswith("quotes.spacing") or r.startswith("format.") for r in shipped)
    neg = Finding("adequacy.negation", "the translation negates", src_span=(0, 3), mt_span=(0, 3), confidence=0.68)
    added = Finding("names.added", "the name", mt_span=(0, 3), confidence=0.5)
    glued = Finding("quotes.glued", "glued", mt_span=(0, 1), confidence=1.0)
    # a source in Latin letters, a translation in Cyrillic: on real MT with professional
    # error marks such findings were right about one time in ten: notes
    got = {f.rule: f for f in decide.apply([neg, added, glued], Policy(), "abc", "абв")}
    assert got["adequacy.negation"].severity == Severity.INFO and got["adequacy.negation"].confidence < 0.5
    assert got["names.added"].severity == Severity.INFO
    assert got["quotes.glued"].confidence == 1.0
    # from Cyrillic into Latin letters the data had no such findings: their own confidence stands
    same = {f.rule: f for f in decide.apply([neg, added], Policy(), "абв", "abc")}
    assert same["adequacy.negation"].confidence == 0.68 and same["names.added"].severity != Severity.INFO
    raw = {f.rule: f for f in decide.apply([neg, added], Policy(calibrate=False), "abc", "абв")}
    assert raw["adequacy.negation"].confidence == 0.68 and raw["names.added"].severity != Severity.INFO


def test_curves_by_script_relation_and_the_scripts_of_texts():
    from mtcheck.calibration import calibrated
    from mtcheck.scripts import relation, script_of

    assert (script_of("Blinken"), script_of("Блинкен"), script_of("ブリンケン東京"), script_of("东京")) == (
        "LATIN", "CYRILLIC", "KANA", "CJK")
    assert (relation("Hola", "Hello"), relation("Hello", "Привет"), relation("ガルシア", "加西亚"), relation(None, "x")) == (
        "LATIN>LATIN", "LATIN>CYRILLIC", "KANA>CJK", "")
    table = {"names.added@LATIN>CYRILLIC": ((0.5, 0.2),), "quotes.added": ((0.5, 0.1),)}
    assert calibrated("names.added", 0.5, table, "LATIN>CYRILLIC") == 0.2
    assert calibrated("names.added", 0.5, table, "CYRILLIC>LATIN") == 0.5  # no curve for these scripts: kept
    assert calibrated("quotes.added", 0.5, table, "LATIN>LATIN") == 0.1  # one curve for every pair


def test_a_kind_of_evidence_is_read_through_its_own_curves_only():
    from mtcheck.calibration import calibrated

    table = {"names.added@CJK>LATIN": ((0.45, 0.226),), "names.replaced/unheard": ((0.7, 0.6),)}
    assert calibrated("names.added", 0.75, table, "CJK>LATIN") == 0.226
    assert calibrated("names.added", 0.75, table, "CJK>LATIN", evidence="unheard") == 0.75  # none fitted: kept
    assert calibrated("names.replaced", 0.7, table, "CJK>LATIN", evidence="unheard") == 0.6
    [f] = decide.apply([Finding("names.added", "x", mt_span=(0, 2), confidence=0.75, evidence="unheard")], Policy(),
                       "东京", "Ed Foo")
    assert (f.confidence, f.severity, f.to_dict()["evidence"]) == (0.75, Severity.MAJOR, "unheard")
    [g] = decide.apply([Finding("names.added", "x", mt_span=(0, 2), confidence=0.75)], Policy(), "东京", "Ed Foo")
    assert g.confidence < 0.5 and "evidence" not in g.to_dict()


def test_an_unreadable_curve_file_leaves_every_confidence_as_it_is(monkeypatch):
    import mtcheck.calibration as cal

    class Broken:
        def joinpath(self, name):
            return self

        def read_text(self, encoding=None):
            return "{not json"

    monkeypatch.setattr(cal.resources, "files", lambda pkg: Broken())
    cal.curves.cache_clear()
    try:
        assert cal.curves() == {}
        assert cal.calibrated("names.added", 0.5) == 0.5
    finally:
        monkeypatch.undo()
        cal.curves.cache_clear()


def test_the_most_specific_of_select_and_ignore_wins():
    on = lambda rule, **kw: decide.enabled(rule, Policy(**kw))
    assert on("names.added") and not on("names.added", disabled=frozenset({"names"}))
    # a category ignored, one of its rules selected back: the rule is more specific
    kw = dict(selected=frozenset({"names.altered", "quotes"}), disabled=frozenset({"names", "quotes.mixed"}))
    assert [r for r in ("names.altered", "names.added", "quotes.mixed", "quotes.unclosed", "numbers.changed")
            if on(r, **kw)] == ["names.altered", "quotes.unclosed"]
    # the same prefix in both: off
    assert not on("names.added", selected=frozenset({"names"}), disabled=frozenset({"names"}))


def test_a_baseline_or_a_marker_suppresses_a_finding_but_keeps_it_visible():
    cut = Finding("names.altered", "cut", mt_span=(7, 12), confidence=0.9)
    spacing = Finding("quotes.spacing", "glued", mt_span=(0, 1), confidence=0.9)
    fp = decided(cut)[0].fingerprint
    for policy, article, quiet in ((Policy(suppressed=frozenset({f"a1:{fp}"})), "a1", ()),
                                   (Policy(suppressed=frozenset({fp})), "other", ()),
                                   (Policy(), "a1", ((0, 21, frozenset({"names"})),))):
        out = decide.apply([cut, spacing], policy, "Antony Blinken llegó.", "Antony Blink arrived.", article, quiet)
        assert [(f.rule, f.suppressed) for f in out] == [("quotes.spacing", False), ("names.altered", True)]
        assert decide.verdict(out, policy) is Verdict.PASS  # the minor one is left
        assert decide.exit_status([ArticleResult("a1", Article("a1", ""), findings=out)], Severity.MAJOR) == 0
    # another article's baseline entry does not apply here
    out = decide.apply([cut], Policy(suppressed=frozenset({f"a2:{fp}"})), "Antony Blinken llegó.",
                       "Antony Blink arrived.", "a1")
    assert [f.suppressed for f in out] == [False]
