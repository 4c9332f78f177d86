"""Articles for check tests: sentences joined by spaces, one segment each."""

from mtcheck.types import Article, Segment


def article(sentences, lang):
    text = " ".join(sentences)
    segs, pos = [], 0
    for i, s in enumerate(sentences):
        segs.append(Segment(i, pos, pos + len(s), 0, s))
        pos += len(s) + 1
    return Article("a", text, lang, paragraphs=((0, len(text)),), segments=tuple(segs))
