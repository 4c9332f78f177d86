"""read -> segment -> align -> check/score -> decide -> Report.

Data flows one way; each function here is one run of that line for one kind
of input (article pair, lone translation, segment pairs)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from typing import Iterator

from . import __version__, decide
from .align.sentences import align_segments
from .checks import Pair, run_checks
from .decide import Policy
from .errors import InputError
from .segment import presegmented, segment
from .types import Alignment, Article, ArticleResult, Link, Report, Segment


@dataclass(frozen=True)
class Options:
    src_lang: str | None = None
    tgt_lang: str | None = None
    use_models: bool = True
    encoder: str | None = None  # None: the embedded default
    presegmented: bool = False
    policy: Policy = field(default_factory=Policy)
    glossary: object | None = None  # mtcheck.terms.glossary.Glossary
    roundtrip: str | None = None  # "apertium" or a seq2seq model (path or hub id)
    fluency_model: str | None = None  # a causal LM (path or hub id)
    qe: bool = True  # the shipped quality-estimation model, where torch is installed
    comet_model: str | None = None  # a referenceless COMET checkpoint (needs unbabel-comet)


class Session:
    """Loaded models for one run: loaded once, on first need, and a notice
    (not a crash) when one is missing."""

    def __init__(self, opts: Options):
        self.opts = opts
        self.notices: list[str] = []
        self._encoder = None
        self._encoder_tried = False
        self._scorers: dict[tuple, list] = {}
        self.extra_signatures: set[str] = set()  # what worker processes loaded (mtcheck.batch)

    def encoder(self):
        if not self.opts.use_models:
            return None
        if not self._encoder_tried:
            self._encoder_tried = True
            from .scorers.encoder import ModelUnavailable, load_encoder

            try:
                self._encoder = load_encoder(self.opts.encoder)
            except ModelUnavailable as e:
                self.notice(f"{e}; aligning by anchors and length only")
        return self._encoder

    def word_links(self, src: Article, mt: Article, alignment: Alignment):
        """Word links inside the sentence links, from the encoder's token
        states; None (and a notice) where the encoder has none."""
        enc = self.encoder()
        if enc is None:
            return None
        from .align.words import word_links

        links = word_links(src, mt, alignment, enc)
        if links is None:
            self.notice(f"{enc.name} gives no token states; names are compared without word alignment")
        return links

    def scorers(self, src_lang: str | None, tgt_lang: str | None) -> list:
        """The model scores this run computes, built once per language pair."""
        key = (src_lang, tgt_lang)
        if key in self._scorers:
            return self._scorers[key]
        out = []
        if self.opts.use_models:
            from .scorers.encoder import ModelUnavailable

            enc = self.encoder()
            if enc is not None:
                from .scorers.similarity import SimilarityScorer

                out.append(SimilarityScorer(enc))
            if self.opts.qe:
                from .scorers.qe import load_qe

                try:
                    out.append(load_qe())
                except ModelUnavailable as e:
                    self.notice(f"{e}; the segment score falls back to similarity")
            try:
                if self.opts.roundtrip and src_lang and tgt_lang:
                    from .scorers.roundtrip import RoundTripScorer, load_translator

                    # back-translation goes from the translation's language to the source's
                    out.append(RoundTripScorer(load_translator(self.opts.roundtrip, tgt_lang, src_lang)))
            except ModelUnavailable as e:
                self.notice(f"{e}; no round-trip score")
            try:
                if self.opts.comet_model:
                    from .scorers.comet import load_comet

                    out.append(load_comet(self.opts.comet_model))
            except ModelUnavailable as e:
                self.notice(f"{e}; no COMET score")
            try:
                if self.opts.fluency_model:
                    from .scorers.fluency import FluencyScorer
                    from .scorers.hf import HFFluency

                    out.append(FluencyScorer(HFFluency(self.opts.fluency_model)))
            except ModelUnavailable as e:
                self.notice(f"{e}; no fluency score")
        self._scorers[key] = out
        return out

    def score(self, src: list[str], mt: list[str], src_lang, tgt_lang) -> dict:
        """name -> Scores for these segment pairs."""
        out = {sc.name: sc.score(src, mt) for sc in self.scorers(src_lang, tgt_lang)}
        for name, sc in out.items():
            if sc.details.get("truncated"):  # never cut silently
                self.notice(f"{name}: {sc.details['truncated']} segment(s) too long for the model were scored on their beginning")
        return out

    def notice(self, msg: str) -> None:
        if msg not in self.notices:
            self.notices.append(msg)
            print(f"mtcheck: notice: {msg}", file=sys.stderr)

    def model_signatures(self) -> set[str]:
        """The signature of each model this session used."""
        sigs = {sc.signature for scs in self._scorers.values() for sc in scs}
        if self._encoder is not None and not sigs:
            sigs.add(self._encoder.signature)  # used for alignment only
        return sigs

    def signature(self) -> str:
        parts = [f"mtcheck:{__version__}", f"models:{'yes' if self.opts.use_models else 'no'}"]
        return "|".join(parts + sorted(self.model_signatures() | self.extra_signatures))

    def report(self, results, mode: str) -> Report:
        return Report(tuple(results), __version__, self.signature(), mode, tuple(self.notices))


def _language(article: Article, declared: str | None, other: str | None = None) -> tuple[str | None, dict]:
    """The language to analyse in, and what detection saw (a check's fact);
    the declared languages of both sides are among those detection tells."""
    from .langid import detect_paragraphs

    langs = tuple(c.split("-")[0].lower() for c in (declared, article.lang, other) if c)
    code, conf, per = detect_paragraphs(article.text, article.paragraphs, langs)
    fact = {"code": code, "confidence": conf, "paragraphs": per}
    return declared or article.lang or code, fact


def _facts(opts: Options, mt_detected, session: "Session | None" = None) -> dict:
    """What checks may know of the run: detected language, whether models
    may load, the house glossary, and a cross-lingual similarity function
    (with its threshold) when an encoder is loaded."""
    facts = {"mt_detected": mt_detected, "use_models": opts.use_models, "glossary": opts.glossary}
    enc = session.encoder() if session is not None and opts.use_models else None
    if enc is not None:
        def similarity(a: str, b: str) -> float:
            va, vb = enc.embed([a, b])
            return float(va @ vb)

        facts["similarity"] = similarity
        facts["min_similarity"] = opts.policy.min_similarity
    return facts


def _segmented(article: Article, lang: str | None, opts: Options) -> Article:
    article = replace(article, lang=lang)
    return presegmented(article) if opts.presegmented else segment(article, lang)


def _main_score(scores: dict) -> float | None:
    """The contract's one ``score``: a COMET model the user named, else the
    shipped quality estimate, else similarity, else round-trip chrF."""
    return next((scores[k] for k in ("comet", "qe", "similarity", "roundtrip") if k in scores), None)


def _link_scores(session: Session, pair: Pair) -> tuple[list[dict], dict, float | None]:
    """Scores per alignment link (both sides present), per article, and the
    one ``score`` of the contract."""
    if pair.src is None or pair.alignment is None:
        return [], {}, None
    linked = [(i, ss, ms) for i, (_, ss, ms) in enumerate(pair.linked()) if ss and ms]
    src = [" ".join(s.text for s in ss) for _, ss, _ in linked]
    mt = [" ".join(m.text for m in ms) for _, _, ms in linked]
    by_name = session.score(src, mt, pair.src_lang, pair.tgt_lang) if linked else {}
    per_link: list[dict] = [{} for _ in pair.alignment.links]
    for name, sc in by_name.items():
        for (i, _, _), v in zip(linked, sc.segments):
            if v is not None:
                per_link[i][name] = v
    article = {name: (round(sc.article, 4) if sc.article is not None else None) for name, sc in by_name.items()}
    if by_name:
        article["signatures"] = {name: sc.signature for name, sc in by_name.items()}
    return per_link, article, _main_score(article)


def _score_findings(session: Session, pair: Pair, per_link: list[dict]):
    for (link, ss, ms), scores in zip(pair.linked(), per_link):
        if scores and ss and ms:
            yield from decide.score_findings(
                scores, (ss[0].start, ss[-1].end), (ms[0].start, ms[-1].end), session.opts.policy
            )


def _finish(session: Session, pair: Pair, bilingual: bool, extra_scores: dict | None = None) -> ArticleResult:
    findings = run_checks(pair, bilingual)
    per_link, scores, main = _link_scores(session, pair) if bilingual else ([], {}, None)
    findings += list(_score_findings(session, pair, per_link))
    if per_link:
        scores["links"] = per_link
    if extra_scores:
        scores.update(extra_scores)
    findings = decide.apply(findings, session.opts.policy, pair.src.text if pair.src else None, pair.mt.text,
                            pair.mt.id, pair.mt.quiet)
    return _result(session, pair, findings, main, scores)


def _result(session: Session, pair: Pair, findings, score, scores: dict) -> ArticleResult:
    """The decided findings become a result: verdict and risk."""
    return ArticleResult(
        id=pair.mt.id,
        mt=pair.mt,
        src=pair.src,
        alignment=pair.alignment,
        word_links=pair.word_links,
        findings=findings,
        verdict=decide.verdict(findings, session.opts.policy),
        risk=decide.risk(findings, session.opts.policy),
        score=score,
        scores=scores,
    )


def check_article(session: Session, src: Article, mt: Article, reference: Article | None = None) -> ArticleResult:
    opts = session.opts
    src_lang, _ = _language(src, opts.src_lang)
    tgt_lang, mt_detected = _language(mt, opts.tgt_lang, src_lang)
    if src_lang is None or tgt_lang is None:
        raise InputError(f"{mt.source or mt.id}: cannot tell the language; give --src-lang and --tgt-lang")
    src = _segmented(src, src_lang, opts)
    mt = _segmented(mt, tgt_lang, opts)
    alignment = align_segments(src.segments, mt.segments, session.encoder())
    pair = Pair(mt=mt, src=src, alignment=alignment, src_lang=src_lang, tgt_lang=tgt_lang,
                facts=_facts(opts, mt_detected, session), word_links=session.word_links(src, mt, alignment))
    extra = None
    if reference is not None:
        from .scorers.reference import reference_scores

        # article level: the whole translation against the whole reference
        ref = reference_scores([" ".join(mt.text.split())], [" ".join(reference.text.split())], tgt_lang)
        extra = {"reference": ref.article, "reference_signatures": ref.signatures}
    return _finish(session, pair, bilingual=True, extra_scores=extra)


def unusable_result(art_id: str, reason: str, policy: Policy, with_source: bool = True,
                    source: str | None = None) -> ArticleResult:
    """The report's entry for an input that could not be read (binary, empty,
    undecodable): nothing was checked, and the decision engine says what that means."""
    empty = Article(art_id, "", source=source)
    findings = decide.unreadable(reason, policy)
    return ArticleResult(art_id, empty, empty if with_source else None, findings=findings,
                         verdict=decide.verdict(findings, policy), risk=1.0)


def lint_article(session: Session, mt: Article) -> ArticleResult:
    tgt_lang, mt_detected = _language(mt, session.opts.tgt_lang)
    mt = _segmented(mt, tgt_lang, session.opts)
    pair = Pair(mt=mt, tgt_lang=tgt_lang, facts=_facts(session.opts, mt_detected))
    return _finish(session, pair, bilingual=False)


def _one_segment(item_id: str, text: str, lang: str | None) -> Article:
    seg = (Segment(0, 0, len(text), 0, text),) if text else ()
    return Article(id=item_id, text=text, lang=lang, paragraphs=((0, len(text)),), segments=seg)


# items scored in one batch: large enough that a CI job's file is one batch
# (the encoder sorts a batch by length), small enough that the results of a
# file of any size are rendered and dropped a batch at a time
PAIRS_BATCH = 2000


def check_pairs(session: Session, items) -> list[ArticleResult]:
    """``mtcheck pairs`` on every item, as one list."""
    return list(iter_pairs(session, items, batch=max(1, len(items))))


def iter_pairs(session: Session, items, batch: int = PAIRS_BATCH) -> Iterator[ArticleResult]:
    """Each item's result in order: a batch's model scores at once (the
    encoder sorts by length and caches), then the checks item by item."""
    for at in range(0, len(items), batch):
        yield from _check_batch(session, items[at:at + batch])


def _check_batch(session: Session, items) -> list[ArticleResult]:
    opts = session.opts
    scored = session.score([it.src for it in items], [it.mt for it in items], opts.src_lang, opts.tgt_lang)
    refs = [getattr(it, "ref", None) for it in items]
    ref_scores = None
    if any(r is not None for r in refs):
        from .scorers.reference import reference_scores

        ref_scores = reference_scores([it.mt for it in items], refs, opts.tgt_lang)
    # names for every item, the tagger run in batches on each side
    from .names.extract import find_names_many

    src_names = find_names_many([it.src for it in items], opts.src_lang, opts.use_models)
    mt_names = find_names_many([it.mt for it in items], opts.tgt_lang, opts.use_models)
    _embed_quotations(session, items)
    out = []
    for n, it in enumerate(items):
        seg = {name: sc.segments[n] for name, sc in scored.items() if sc.segments[n] is not None}
        if ref_scores is not None and ref_scores.segments[n]:
            seg["reference"] = ref_scores.segments[n]
        known = {"src_names": src_names[n], "mt_names": mt_names[n]}
        out.append(check_segment_pair(session, it.id, it.src, it.mt, seg, known,
                                      where=(getattr(it, "source", None), getattr(it, "line", 0))))
    return out


def _embed_quotations(session: Session, items) -> None:
    """The quoted statements of every item, embedded in one batch: the
    quotation check compares them a pair at a time and finds them cached."""
    opts = session.opts
    enc = session.encoder() if opts.use_models else None
    if enc is None:
        return
    from .checks.quote_fidelity import statements

    texts = [t for it in items for text, lang in ((it.src, opts.src_lang), (it.mt, opts.tgt_lang))
             for t in statements(_one_segment(it.id, text, lang), lang)]
    if texts:
        enc.embed(texts)


def check_segment_pair(session: Session, item_id, src_text: str, mt_text: str, scores: dict | None = None,
                       known: dict | None = None, where: tuple[str | None, int] = (None, 0)) -> ArticleResult:
    """One line of ``mtcheck pairs``: each side is one segment, linked 1-1.
    ``where``: the input file and line, for the formats that point at lines."""
    opts = session.opts
    path, line = where
    at = dict(source=path, origin=((0, line, 0),) if line else ())
    src = replace(_one_segment(item_id, src_text, opts.src_lang), **at)
    mt = replace(_one_segment(item_id, mt_text, opts.tgt_lang), **at)
    links = (Link((0,), (0,), 1.0),) if src.segments and mt.segments else ()
    alignment = Alignment(links, "given")
    pair = Pair(mt=mt, src=src, alignment=alignment, src_lang=opts.src_lang, tgt_lang=opts.tgt_lang,
                facts={**_facts(opts, None, session), **(known or {})},
                word_links=session.word_links(src, mt, alignment))
    if scores is None:  # a single pair, not a batch: score it here
        scored = session.score([src_text], [mt_text], opts.src_lang, opts.tgt_lang)
        scores = {name: sc.segments[0] for name, sc in scored.items() if sc.segments[0] is not None}
    findings = run_checks(pair, True)
    if src.segments and mt.segments:
        findings += decide.score_findings(scores, (0, len(src_text)), (0, len(mt_text)), opts.policy)
    findings = decide.apply(findings, opts.policy, src.text, mt.text, str(item_id))
    risk = decide.risk(findings, opts.policy)
    main = _main_score(scores)
    if "similarity" in scores and "qe" not in scores and "comet" not in scores:
        from .scorers import combiner

        weights = combiner.load()
        if weights is not None:  # the learned segment score (bench/train_combiner.py)
            x = combiner.features(src_text, mt_text, scores["similarity"], findings, risk)
            main = scores["quality"] = round(combiner.predict(x, weights), 4)
    return _result(session, pair, findings, main, scores)


def align_article(session: Session, src: Article, mt: Article) -> Alignment:
    """Sentence alignment only (``mtcheck align``)."""
    opts = session.opts
    if opts.presegmented:
        src, mt = presegmented(src), presegmented(mt)
    else:
        src = segment(src, opts.src_lang or _language(src, None)[0])
        mt = segment(mt, opts.tgt_lang or _language(mt, None)[0])
    return align_segments(src.segments, mt.segments, session.encoder())
