"""read -> segment -> align -> check/score -> decide -> Report.

Data flows one way; each function here is one run of that line for one kind
of input (article pair, lone translation, segment pairs)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace

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


class Session:
    """Loaded models for one run: loaded once, on first need, and a notice
    (not a crash) when one is missing."""

    def __init__(self, opts: Options):
        self.opts = opts
        self.notices: list[str] = []
        self._encoder = None
        self._encoder_tried = False

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

    def notice(self, msg: str) -> None:
        if msg not in self.notices:
            self.notices.append(msg)
            print(f"mtcheck: notice: {msg}", file=sys.stderr)

    def signature(self) -> str:
        enc = self._encoder.signature if self._encoder is not None else "enc:none"
        return f"mtcheck:{__version__}|{enc}|models:{'yes' if self.opts.use_models else 'no'}"

    def report(self, results, mode: str) -> Report:
        return Report(tuple(results), __version__, self.signature(), mode, tuple(self.notices))


def _language(article: Article, declared: str | None) -> tuple[str | None, dict]:
    """The language to analyse in, and what detection saw (a check's fact)."""
    from .langid import detect_paragraphs

    code, conf, per = detect_paragraphs(article.text, article.paragraphs)
    fact = {"code": code, "confidence": conf, "paragraphs": per}
    return declared or article.lang or code, fact


def _facts(opts: Options, mt_detected) -> dict:
    """What checks may know of the run: detected language, whether models
    may load, the house glossary."""
    return {"mt_detected": mt_detected, "use_models": opts.use_models, "glossary": opts.glossary}


def _segmented(article: Article, lang: str | None, opts: Options) -> Article:
    article = replace(article, lang=lang)
    return presegmented(article) if opts.presegmented else segment(article, lang)


def _finish(session: Session, pair: Pair, bilingual: bool) -> ArticleResult:
    findings = run_checks(pair, bilingual)
    findings = decide.apply(findings, session.opts.policy, pair.src.text if pair.src else None, pair.mt.text)
    return ArticleResult(
        id=pair.mt.id,
        mt=pair.mt,
        src=pair.src,
        alignment=pair.alignment,
        findings=findings,
        verdict=decide.verdict(findings, session.opts.policy),
        risk=decide.risk(findings),
    )


def check_article(session: Session, src: Article, mt: Article) -> ArticleResult:
    opts = session.opts
    src_lang, _ = _language(src, opts.src_lang)
    tgt_lang, mt_detected = _language(mt, opts.tgt_lang)
    if src_lang is None or tgt_lang is None:
        raise InputError(f"{mt.source or mt.id}: cannot tell the language; give --src-lang and --tgt-lang")
    src = _segmented(src, src_lang, opts)
    mt = _segmented(mt, tgt_lang, opts)
    alignment = align_segments(src.segments, mt.segments, session.encoder())
    pair = Pair(mt=mt, src=src, alignment=alignment, src_lang=src_lang, tgt_lang=tgt_lang,
                facts=_facts(opts, mt_detected))
    return _finish(session, pair, bilingual=True)


def lint_article(session: Session, mt: Article) -> ArticleResult:
    tgt_lang, mt_detected = _language(mt, session.opts.tgt_lang)
    mt = _segmented(mt, tgt_lang, session.opts)
    pair = Pair(mt=mt, tgt_lang=tgt_lang, facts=_facts(session.opts, mt_detected))
    return _finish(session, pair, bilingual=False)


def _one_segment(item_id: str, text: str, lang: str | None) -> Article:
    seg = (Segment(0, 0, len(text), 0, text),) if text else ()
    return Article(id=item_id, text=text, lang=lang, paragraphs=((0, len(text)),), segments=seg)


def check_segment_pair(session: Session, item_id: str, src_text: str, mt_text: str) -> ArticleResult:
    """One line of ``mtcheck pairs``: each side is one segment, linked 1-1."""
    opts = session.opts
    src = _one_segment(item_id, src_text, opts.src_lang)
    mt = _one_segment(item_id, mt_text, opts.tgt_lang)
    links = (Link((0,), (0,), 1.0),) if src.segments and mt.segments else ()
    pair = Pair(mt=mt, src=src, alignment=Alignment(links, "given"), src_lang=opts.src_lang, tgt_lang=opts.tgt_lang,
                facts=_facts(opts, None))
    return _finish(session, pair, bilingual=True)


def align_article(session: Session, src: Article, mt: Article) -> Alignment:
    """Sentence alignment only (``mtcheck align``)."""
    opts = session.opts
    if opts.presegmented:
        src, mt = presegmented(src), presegmented(mt)
    else:
        src = segment(src, opts.src_lang or _language(src, None)[0])
        mt = segment(mt, opts.tgt_lang or _language(mt, None)[0])
    return align_segments(src.segments, mt.segments, session.encoder())
