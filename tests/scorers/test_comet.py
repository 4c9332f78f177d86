"""The COMET back-end. unbabel-comet requires transformers < 5, so it is not
in the default environment: there the test checks the message and the
fallback; where it is installed, a tiny CometKiwi-shaped model is built
here (random weights, a tokenizer trained on a few sentences), saved as
COMET saves checkpoints, and loaded through COMET's own loader."""

import json
import math

import pytest

from mtcheck.scorers.comet import load_comet
from mtcheck.scorers.encoder import ModelUnavailable

SRC = ["Der Minister traf sich am Montag mit dem Präsidenten.", "Die Preise stiegen um drei Prozent.", ""]
MT = ["The minister met the president on Monday.", "Prices rose by three percent.", "An orphan line."]


def test_a_model_that_is_not_at_hand_is_a_clear_message(tmp_path):
    with pytest.raises(ModelUnavailable) as e:
        load_comet(str(tmp_path / "no-such-model"))
    assert "unbabel-comet" in str(e.value) or "not a local checkpoint" in str(e.value)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelUnavailable):
        load_comet(str(empty))


def test_pairs_without_the_comet_model_falls_back_with_a_notice(tmp_path):
    from typer.testing import CliRunner

    from mtcheck.cli import app

    data = tmp_path / "p.jsonl"
    data.write_text(json.dumps({"id": "a", "src": SRC[0], "mt": MT[0]}) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["pairs", str(data), "--src-lang", "de", "--tgt-lang", "en", "--no-qe",
                                   "--comet-model", str(tmp_path / "missing"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "no COMET score" in res.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [it["id"] for it in doc["items"]] == ["a"]
    assert "comet" not in doc["items"][0].get("scores", {}) and "comet:" not in doc["tool"]["signature"]


def _tiny_kiwi(tmp_path):
    """A CometKiwi-shaped UnifiedMetric (mt and src read together), saved as
    COMET saves one: checkpoints/model.ckpt and hparams.yaml beside them."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    yaml = pytest.importorskip("yaml")
    from comet.models import UnifiedMetric
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers

    texts = SRC[:2] + MT * 3 + ["Das ist ein Test.", "This is a test of the tokenizer."]
    tok = Tokenizer(models.Unigram())
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.train_from_iterator(texts, trainers.UnigramTrainer(
        vocab_size=150, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"], unk_token="<unk>"))
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    fast = transformers.XLMRobertaTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", sep_token="</s>", cls_token="<s>",
        unk_token="<unk>", pad_token="<pad>", mask_token="<mask>")
    enc = tmp_path / "tiny-xlmr"
    fast.save_pretrained(enc)
    torch.manual_seed(0)
    cfg = transformers.XLMRobertaConfig(vocab_size=len(fast), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                        intermediate_size=64, max_position_embeddings=130, pad_token_id=1,
                                        bos_token_id=0, eos_token_id=2)
    transformers.XLMRobertaModel(cfg, add_pooling_layer=False).save_pretrained(enc)
    model = UnifiedMetric(pretrained_model=str(enc), hidden_sizes=[16], input_segments=["mt", "src"], word_layer=2,
                          layer_transformation="softmax", layer_norm=False, dropout=0.0)
    folder = tmp_path / "tiny-kiwi"
    (folder / "checkpoints").mkdir(parents=True)
    hparams = {**dict(model.hparams), "class_identifier": "unified_metric"}
    import pytorch_lightning

    torch.save({"state_dict": model.state_dict(), "hyper_parameters": hparams,
                "pytorch-lightning_version": pytorch_lightning.__version__}, folder / "checkpoints" / "model.ckpt")
    (folder / "hparams.yaml").write_text(yaml.safe_dump(hparams))
    return folder


def test_a_comet_model_scores_through_comets_own_loader(tmp_path):
    comet = pytest.importorskip("comet", reason="unbabel-comet is not installed (it requires transformers < 5)")
    folder = _tiny_kiwi(tmp_path)
    scorer = load_comet(str(folder))
    seg, _ = scorer.scored(SRC, MT)
    assert seg[2] is None  # no source: no score
    assert all(isinstance(v, float) and math.isfinite(v) for v in seg[:2])
    # the same numbers as COMET's own predict on the same model file
    direct = comet.load_from_checkpoint(str(folder / "checkpoints" / "model.ckpt"), local_files_only=True)
    ref = direct.predict([{"src": s, "mt": m} for s, m in zip(SRC[:2], MT[:2])], batch_size=8, gpus=0, progress_bar=False)
    assert seg[:2] == pytest.approx([float(v) for v in ref.scores], abs=1e-5)
    assert scorer.signature.startswith("comet:tiny-kiwi|unbabel-comet:")


def test_pairs_score_is_the_comet_score_when_a_model_is_named(tmp_path):
    pytest.importorskip("comet", reason="unbabel-comet is not installed (it requires transformers < 5)")
    from typer.testing import CliRunner

    from mtcheck.cli import app

    folder = _tiny_kiwi(tmp_path)
    data = tmp_path / "p.jsonl"
    data.write_text("".join(json.dumps({"id": i, "src": s, "mt": m}) + "\n" for i, (s, m) in enumerate(zip(SRC[:2], MT[:2]))),
                    encoding="utf-8")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["pairs", str(data), "--src-lang", "de", "--tgt-lang", "en", "--comet-model", str(folder),
                                   "-o", str(out)])
    assert res.exit_code == 0, res.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    seg, _ = load_comet(str(folder)).scored(SRC[:2], MT[:2])
    assert [it["score"] for it in doc["items"]] == pytest.approx(seg, abs=1e-4)
    assert "comet:tiny-kiwi" in doc["tool"]["signature"]
