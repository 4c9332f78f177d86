"""Checks: one module per concern, each registering small check functions.

A check takes a ``Pair`` (a translation, and its source and alignment when
there is one) and yields Findings. It knows nothing of configuration or
output: severities are overridden, findings suppressed and the verdict drawn
later, in ``mtcheck.decide``.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..types import Alignment, Article, Finding, Span, WordLink


@dataclass(frozen=True)
class Pair:
    """What a check sees. ``src`` and ``alignment`` are None under ``lint``."""

    mt: Article
    src: Article | None = None
    alignment: Alignment | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    # extra facts computed once per pair by the pipeline (e.g. detected language)
    facts: dict = field(default_factory=dict)
    # word links inside the sentence links (mtcheck.align.words); None when no
    # word alignment ran (rules only, or an encoder without token states)
    word_links: tuple[WordLink, ...] | None = None

    @functools.cached_property
    def _word_links_by_link(self) -> dict[int, list[WordLink]]:
        """Word links grouped by sentence link, built on first use: a check asks
        once per name, and a scan of every link each time grows with the article."""
        out: dict[int, list[WordLink]] = {}
        for w in self.word_links or ():
            out.setdefault(w.link, []).append(w)
        return out

    def names(self, side: str) -> list:
        """The names of one side ("src" or "mt"), found once per pair (the
        pipeline may have found them already, in batches: facts["src_names"])."""
        key = f"{side}_names"
        if key not in self.facts:
            from ..names.extract import find_names

            art = self.mt if side == "mt" else self.src
            lang = self.tgt_lang if side == "mt" else self.src_lang
            spans = [(s.start, s.end) for s in art.segments]
            self.facts[key] = find_names(art.text, spans, lang or art.lang, self.facts.get("use_models", True))
        return self.facts[key]

    def linked_words(self, link: int, side: str) -> list[Span]:
        """The spans of ``side`` ("src" or "mt") that word links join to the
        other side within sentence link ``link``."""
        return [w.src if side == "src" else w.tgt for w in self._word_links_by_link.get(link, ())]

    def aligned(self, link: int, side: str, span: Span) -> list[Span]:
        """Spans on the other side linked to words inside ``span`` of ``side``
        ("src" or "mt") within sentence link ``link``."""
        a, b = span
        out = []
        for w in self._word_links_by_link.get(link, ()):
            here, there = (w.src, w.tgt) if side == "src" else (w.tgt, w.src)
            if here[0] < b and a < here[1] and there not in out:
                out.append(there)
        return sorted(out)

    def linked(self):
        """(link, src segments, mt segments) for every alignment link."""
        if self.alignment is None or self.src is None:
            return
        for link in self.alignment.links:
            yield link, [self.src.segments[i] for i in link.src], [self.mt.segments[j] for j in link.tgt]

    def blocks(self) -> list[tuple]:
        """The alignment as blocks: (link, src segments, mt segments) for each
        link with both sides, and (None, src segments, mt segments) for each run
        of one-sided links, a gap the aligner left over (a name swapped can push
        its sentence pair under the aligner's floor)."""
        out, gap_s, gap_m = [], [], []
        for link, ss, ms in self.linked():
            if ss and ms:
                if gap_s or gap_m:
                    out.append((None, gap_s, gap_m))
                    gap_s, gap_m = [], []
                out.append((link, ss, ms))
            else:
                gap_s, gap_m = gap_s + ss, gap_m + ms
        if gap_s or gap_m:
            out.append((None, gap_s, gap_m))
        return out


CheckFn = Callable[[Pair], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    fn: CheckFn
    needs_source: bool
    rules: tuple[str, ...]


REGISTRY: dict[str, Check] = {}
# Modules that register checks; imported on first use.
MODULES = ("language", "alignment", "format", "quotes", "quote_fidelity", "names", "name_renderings", "terminology",
           "numbers", "meaning", "untranslated")


def register(check_id: str, *, needs_source: bool, rules: tuple[str, ...]):
    def deco(fn: CheckFn) -> CheckFn:
        REGISTRY[check_id] = Check(check_id, fn, needs_source, rules)
        return fn

    return deco


def all_checks() -> list[Check]:
    for mod in MODULES:
        importlib.import_module(f"{__name__}.{mod}")
    return list(REGISTRY.values())


def run_checks(pair: Pair, bilingual: bool) -> list[Finding]:
    out: list[Finding] = []
    for chk in all_checks():
        if chk.needs_source and not bilingual:
            continue
        out.extend(chk.fn(pair))
    return out
