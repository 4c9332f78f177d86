"""The tagger reads long texts in chunks below its limit, offsets kept."""

import pytest

from mtcheck.names import taggers


def test_chunks_gather_sentences_and_cut_long_ones_at_spaces():
    text = "aaa bbb ccc ddd. Ee. Ff."
    assert taggers.chunks(text, [(0, 16), (17, 20), (21, 24)], 8) == [(0, 8), (8, 16), (17, 24)]
    assert taggers.chunks("x" * 10, [(0, 10)], 4) == [(0, 4), (4, 8), (8, 10)]  # no space: cut at the limit


SENT = "Angela Merkel met Joe Biden in Washington on Monday while Emmanuel Macron stayed in Paris."


@pytest.fixture(scope="module")
def nlp():
    nlp = taggers.spacy_model("en")
    if nlp is None:
        pytest.skip("no English spaCy model installed")
    return nlp


def _article(n):
    text = " ".join([SENT] * n)
    spans, pos = [], 0
    for _ in range(n):
        s = text.index("Angela", pos)
        pos = text.index(".", s) + 1
        spans.append((s, pos))
    return text, spans


def test_chunked_tagging_finds_the_same_names_at_the_same_offsets(nlp, monkeypatch):
    text, spans = _article(40)
    whole = [(n.start, n.end, n.text, n.label) for n in taggers.tagged(text, "en", None, spans)]
    monkeypatch.setattr(taggers, "CHUNK", 500)  # about five sentences a chunk
    parts = [(n.start, n.end, n.text, n.label) for n in taggers.tagged(text, "en", None, spans)]
    assert parts == whole
    assert len(parts) == 5 * 40
    assert all(text[s:e] == t for s, e, t, _ in parts)


def test_text_past_spacys_max_length_is_tagged_not_refused(nlp, monkeypatch):
    # spaCy raises E088 past nlp.max_length; a smaller max_length stands in for a 2.4 MB line
    text, _ = _article(30)
    monkeypatch.setattr(nlp, "max_length", 1000)
    names = taggers.tagged(text, "en", None, None)  # no sentence spans: one long line, cut at spaces
    assert len(text) > nlp.max_length
    assert all(text[n.start : n.end] == n.text for n in names)
    assert sum(n.text == "Joe Biden" for n in names) >= 25  # a cut may fall inside a name
