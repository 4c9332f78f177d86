"""Reference-based metrics from sacrebleu: BLEU, chrF, chrF++ and TER, per
segment and per article (corpus level), each with sacrebleu's signature."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class RefScores:
    segments: list[dict]  # per segment: {"bleu": .., "chrf": .., "chrf++": .., "ter": ..}
    article: dict
    signatures: dict


def _metrics(tgt_lang: str | None):
    from sacrebleu.metrics import BLEU, CHRF, TER

    tok = {"zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab"}.get(tgt_lang or "", "13a")
    try:
        bleu = BLEU(tokenize=tok, effective_order=True)
    except Exception:  # ja-mecab needs extra packages: fall back to characters
        bleu = BLEU(tokenize="char", effective_order=True)
    return {"bleu": bleu, "chrf": CHRF(), "chrf++": CHRF(word_order=2), "ter": TER()}


def reference_scores(mt: Sequence[str], refs: Sequence[str | None], tgt_lang: str | None = None) -> RefScores:
    metrics = _metrics(tgt_lang)
    segs = []
    for m, r in zip(mt, refs):
        if r is None:
            segs.append({})
            continue
        segs.append({k: round(metric.sentence_score(m, [r]).score, 2) for k, metric in metrics.items()})
    pairs = [(m, r) for m, r in zip(mt, refs) if r is not None]
    article = {}
    sigs = {}
    if pairs:
        hyp = [m for m, _ in pairs]
        ref = [[r for _, r in pairs]]
        for k, metric in metrics.items():
            article[k] = round(metric.corpus_score(hyp, ref).score, 2)
            sigs[k] = str(metric.get_signature())
    return RefScores(segs, article, sigs)
