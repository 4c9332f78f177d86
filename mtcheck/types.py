"""Core types, shared by every stage.

All of them are frozen: a stage never edits what an earlier stage produced, it
derives new values. Character offsets are Python string offsets (code points),
end exclusive, into ``Article.text``; they are kept from reading to rendering so
that a report highlights exactly what a check saw.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field, replace
from typing import Iterable

Span = tuple[int, int]

CATEGORIES = (
    "names",
    "quotes",
    "numbers",
    "omission",
    "addition",
    "untranslated",
    "terminology",
    "fluency",
    "adequacy",
    "format",
)


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` gives the worst one."""

    INFO = 0
    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r}; expected one of "
                + ", ".join(s.label for s in sorted(cls, reverse=True))
            ) from None


class Verdict(str, enum.Enum):
    PASS = "pass"
    REVIEW = "review"
    BLOCK = "block"


@dataclass(frozen=True)
class Segment:
    """A sentence (or a line of presegmented input) inside an article."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Article:
    """One side of an article pair: the text exactly as analysed.

    ``paragraphs`` are spans into ``text``; ``segments`` are filled in by
    segmentation. ``notes`` are findings the reader raised (a repaired or
    unusual encoding).
    """

    id: str
    text: str
    lang: str | None = None
    title: str | None = None
    paragraphs: tuple[Span, ...] = ()
    segments: tuple[Segment, ...] = ()
    notes: tuple["Finding", ...] = ()
    source: str | None = None  # where it was read from, for messages
    # (text offset, line, column) anchors back into the input file, for CI
    # formats that point at lines (readers/origin.py); empty when not read from a file
    origin: tuple[tuple[int, int, int], ...] = ()
    # spans of the text under an inline suppression marker, with the rule
    # prefixes it names (none: every rule); readers/markers.py
    quiet: tuple[tuple[int, int, frozenset[str]], ...] = ()

    def paragraph_of(self, offset: int) -> int:
        for i, (s, e) in enumerate(self.paragraphs):
            if s <= offset < e:
                return i
        return max(len(self.paragraphs) - 1, 0)


@dataclass(frozen=True)
class Link:
    """A many-to-many alignment link: source segment indices to target ones.

    Either side may be empty (an omission or an addition). ``score`` is the
    aligner's confidence that the link is right, 0..1.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 1.0

    def as_text(self) -> str:
        return "[{}]:[{}]".format(
            ", ".join(map(str, self.src)), ", ".join(map(str, self.tgt))
        )


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]
    method: str = ""


@dataclass(frozen=True)
class WordLink:
    """A word of the source linked to a word of the translation inside one
    sentence link (``link`` indexes ``Alignment.links``). Spans are character
    offsets into each side's ``Article.text``; ``score`` is the similarity of
    the two words' contextual token states."""

    link: int
    src: Span
    tgt: Span
    score: float


@dataclass(frozen=True)
class Finding:
    """The one finding type. Checks produce these with a rule and a
    confidence (the probability that a careful reviewer agrees); the severity
    is set later by ``mtcheck.decide`` from the rule and the confidence, with
    overrides, suppressions and the verdict."""

    rule: str
    message: str
    src_span: Span | None = None
    mt_span: Span | None = None
    suggestion: str | None = None
    confidence: float = 1.0
    severity: Severity = Severity.INFO  # decided, not chosen by the check
    fingerprint: str = ""
    # in a baseline or under a suppression marker: shown, marked so, and left
    # out of the verdict, the risk and the exit status
    suppressed: bool = False
    # the kind of evidence the confidence rests on, where a rule's findings
    # rest on kinds that are calibrated apart ("unheard": a person's name no
    # word of which is heard in the source); empty for most
    evidence: str = ""

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category in rule {self.rule!r}")

    def with_fingerprint(self, src_text: str | None, mt_text: str | None) -> "Finding":
        """A fingerprint that survives edits elsewhere in the article: the
        rule plus the text under each span, not the offsets themselves."""
        h = hashlib.sha1(self.rule.encode())
        for text, span in ((src_text, self.src_span), (mt_text, self.mt_span)):
            h.update(b"\x00")
            if text is not None and span is not None:
                # surrogatepass: a lone surrogate that a reader let through still hashes
                h.update(" ".join(text[span[0] : span[1]].split()).encode("utf-8", "surrogatepass"))
        return replace(self, fingerprint=h.hexdigest()[:16])

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "src_span": list(self.src_span) if self.src_span else None,
            "mt_span": list(self.mt_span) if self.mt_span else None,
            "suggestion": self.suggestion,
            "confidence": round(self.confidence, 3),
            "fingerprint": self.fingerprint,
            **({"suppressed": True} if self.suppressed else {}),
            **({"evidence": self.evidence} if self.evidence else {}),
        }


@dataclass(frozen=True)
class ArticleResult:
    """An article pair (or a lone translation) after checking and deciding."""

    id: str
    mt: Article
    src: Article | None = None
    alignment: Alignment | None = None
    word_links: tuple[WordLink, ...] | None = None
    findings: tuple[Finding, ...] = ()
    verdict: Verdict = Verdict.PASS
    risk: float = 0.0
    score: float | None = None
    scores: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    articles: tuple[ArticleResult, ...]
    version: str
    signature: str
    mode: str = "check"  # check | lint | pairs
    notices: tuple[str, ...] = ()  # e.g. a model that was not at hand and what ran instead
    fail_on: Severity | None = None  # --fail-on, for the formats that report a failure (JUnit)



def sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Document order on the translation side, then the source side."""

    def key(f: Finding):
        mt = f.mt_span[0] if f.mt_span else 1 << 60
        src = f.src_span[0] if f.src_span else 1 << 60
        return (mt, src, -f.severity, f.rule)

    return tuple(sorted(findings, key=key))
