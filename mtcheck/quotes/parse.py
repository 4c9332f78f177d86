"""Find the quotations of a text, and the marks that are garbled.

Each double quotation mark gets the role the text needs from it (opening or
closing), given the marks before it and the language's conventions. A mark
is wrong when its glyph points the other way, when it sits on the wrong side
of a space (``positions, “said``: the closing mark swallowed the space and
glued itself to the attribution), when it is glued to both neighbours
(``consequences“that``) or detached from both (``incidents. ”``), or when it
never closes. Like CommonMark's flanking rules, spacing tells what a mark is
attached to; unlike them, the role comes from the pairing, so that a mark of
the wrong glyph is still understood.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .conventions import DOUBLE_MARKS, INNER_SPACE, NO_SPACES, QuotePair, conventions

OPEN, CLOSE = "open", "close"
_OPEN_BEFORE = set("([{—–-/‒―") | set("“«„‚‘「『»")
_CLOSE_AFTER = set(".,;:!?)]}…—–-/'’") | set("”»“‘」』«")
_NBSP = "\u00a0\u202f\u2009"


@dataclass(frozen=True)
class Mark:
    pos: int
    glyph: str
    role: str  # what the pairing needs here: OPEN or CLOSE
    pair: QuotePair
    problem: str | None = None  # direction | shifted | glued | detached | unclosed | unmatched
    expected: str = ""  # the glyph the role needs


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    pair: QuotePair
    depth: int = 0

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@dataclass
class Analysis:
    marks: list[Mark] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in _NBSP


def _wordish(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch).startswith("S"))


def _flank(text: str, i: int, start: int, end: int) -> str:
    """How the mark at i sits: left (opens onto text after it), right (closes
    onto text before it), glued (text on both sides) or detached (neither)."""
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    sp_b, sp_a = _is_space(before), _is_space(after)
    open_ok = sp_b or before in _OPEN_BEFORE
    close_ok = sp_a or after in _CLOSE_AFTER
    if open_ok and not sp_a and not close_ok:
        return "left"
    if close_ok and not sp_b and not open_ok:
        return "right"
    if open_ok and close_ok:
        if sp_b and sp_a:
            return "detached"
        # e.g. “(text or ”. : punctuation on one side
        return "left" if not sp_a and (sp_b or before in _OPEN_BEFORE) else "right"
    return "glued"


class _Parser:
    def __init__(self, text: str, lang: str | None):
        self.text = text
        self.lang = (lang or "").lower()
        # Single marks double as apostrophes (don’t, l’État): only double
        # marks are parsed.
        self.pairs = [p for p in conventions(lang) if p.open in DOUBLE_MARKS]
        self.last_end = 0  # end of the previous paragraph
        self.openers: dict[str, list[QuotePair]] = {}
        self.closers: dict[str, list[QuotePair]] = {}
        for p in self.pairs:
            self.openers.setdefault(p.open, []).append(p)
            self.closers.setdefault(p.close, []).append(p)
        low = next((p for p in self.pairs if p.open == "„"), None)
        if low is not None and not self.known("”"):
            # „…” is the Polish pair, and a common slip where „…“ is the rule:
            # read as the closing mark of the wrong glyph, not ignored
            self.closers["”"] = [low]

    def known(self, ch: str) -> bool:
        return ch in self.openers or ch in self.closers

    def paragraph(self, start: int, end: int, carry: list[tuple[int, QuotePair]], out: Analysis) -> list[tuple[int, QuotePair]]:
        """Parse one paragraph. ``carry`` holds quotations left open by the
        previous paragraph: news reopens a quotation at each new paragraph,
        and some languages' writers just close it where it ends.

        A mark that sits as an opener where the pairing wants a closer is
        either misplaced or the sign that the quotation before it was never
        closed (``que "Por tanto ... recogida, "cualquier otro enfoque"``). The
        reading with fewer problems is kept: one unclosed mark, not two
        misplaced ones that pair up as a quotation of their own."""
        best = self._parse(start, end, carry, frozenset(), frozenset())
        for _ in range(_MAX_REREADS):
            cand = next((m for m, flank in best[0] if m.problem == "shifted" and m.role == CLOSE and flank == "left"),
                        None)
            if cand is None:
                break
            reopen, nest = best[3]
            # only where the glyph leaves the role open: a straight mark may open or
            # close, guillemets nest in some writers' hands; a curly “ before "said"
            # is a misplaced closing mark (positions, “said), not a new quotation.
            # An opening glyph that would close a quotation carried over from an
            # earlier paragraph is more likely a new one: the carried quotation
            # was left open (its closing mark forgotten), not closed here by „
            tries = []
            if cand.glyph in _SYMMETRIC or (cand.glyph in self.openers and _closes_carried(best, cand, start)):
                tries.append(self._parse(start, end, carry, reopen | {cand.pos}, nest))
            if cand.glyph in _NESTING:
                tries.append(self._parse(start, end, carry, reopen, nest | {cand.pos}))
            if not tries:
                break
            other = min(tries, key=_problems)
            if _problems(other) >= _problems(best):
                break
            best = other
        marks, quotations, stack, _ = best
        out.marks.extend(m for m, _ in marks)
        out.quotations.extend(quotations)
        self.last_end = end
        return stack

    def _parse(self, start: int, end: int, carry, reopen: frozenset[int], nest: frozenset[int]):
        """(marks with their flanks, quotations, quotations still open, (reopen, nest)):
        one reading of the paragraph, where a mark at a position in ``reopen``
        opens a new quotation and leaves the one open before it unclosed, and
        one in ``nest`` opens a quotation inside the open one with the same
        glyph («… «приватним» …», where „…“ is the rule inside)."""
        text = self.text
        marks: list[tuple[Mark, str]] = []
        quotations: list[Quotation] = []
        first = next((i for i in range(start, end) if not text[i].isspace()), end)
        if carry and first < end and text[first] in self.openers:
            # the continuation convention: the quote goes on, reopened here;
            # its part in the previous paragraph is a quotation of its own
            for depth, (pos, pair) in enumerate(carry):
                quotations.append(Quotation(pos, self.last_end + 1, pair, depth))
            stack: list[tuple[int, QuotePair]] = []
        else:
            stack = list(carry)  # it runs on into this paragraph, to be closed here or later
        for i in range(start, end):
            ch = text[i]
            if ch not in DOUBLE_MARKS or not self.known(ch):
                continue
            flank = _flank(text, i, start, end)
            if i in reopen and stack:
                pos, pair = stack.pop()
                marks.append((Mark(pos, text[pos], OPEN, pair, "unclosed", pair.open), "left"))
                role, pair = OPEN, (self.openers.get(ch) or self.closers[ch])[0]
            elif i in nest and stack and ch == stack[-1][1].open:
                role, pair = OPEN, stack[-1][1]
            else:
                role, pair = self._role(ch, stack, flank)
            if role == CLOSE:
                open_pos, _ = stack.pop()
                quotations.append(Quotation(open_pos, i + 1, pair, len(stack)))
            else:
                stack.append((i, pair))
            marks.append((self._judge(i, ch, role, pair, flank, start, end), flank))
        # an opener found unclosed replaces its first reading
        unclosed = {m.pos for m, _ in marks if m.problem == "unclosed"}
        marks = [(m, f) for m, f in marks if m.problem == "unclosed" or m.pos not in unclosed]
        return marks, quotations, stack, (reopen, nest)

    def _role(self, ch: str, stack, flank: str) -> tuple[str, QuotePair]:
        top = stack[-1][1] if stack else None
        if top is not None and ch in (top.close, top.open):
            # its closing mark, or an opening mark of the same kind, which
            # cannot nest: either way this ends the open quotation
            return CLOSE, top
        if ch in self.openers:
            return OPEN, self.openers[ch][0]
        if top is not None and flank != "left":
            return CLOSE, top  # closes what is open, with another kind's glyph
        return OPEN, self.closers[ch][0]  # a closing glyph where nothing is open

    def _judge(self, i: int, ch: str, role: str, pair: QuotePair, flank: str, start: int, end: int) -> Mark:
        expected = pair.open if role == OPEN else pair.close
        wrong_glyph = ch != expected
        if self.lang in NO_SPACES:
            return Mark(i, ch, role, pair, "direction" if wrong_glyph else None, expected)
        if self.lang in INNER_SPACE and pair.open == "«":
            # « text » : the space goes inside, so flip what spacing means
            before = self.text[i - 1] if i > start else ""
            after = self.text[i + 1] if i + 1 < end else ""
            if role == OPEN and not _is_space(after):
                return Mark(i, ch, role, pair, "direction" if wrong_glyph else "glued", expected)
            if role == CLOSE and not _is_space(before):
                return Mark(i, ch, role, pair, "direction" if wrong_glyph else "glued", expected)
            return Mark(i, ch, role, pair, "direction" if wrong_glyph else None, expected)
        want = "left" if role == OPEN else "right"
        if flank == want:
            problem = "direction" if wrong_glyph else None
        elif flank in ("left", "right"):
            problem = "shifted"  # on the wrong side of a space
        else:
            problem = flank  # glued or detached
        return Mark(i, ch, role, pair, problem, expected)


# Glyphs that open and close alike, and guillemets, which writers nest.
_SYMMETRIC = {'"', "”"}
_NESTING = {"«", "»"}
# Readings tried per paragraph (each one more mark taken as a new opening).
_MAX_REREADS = 3


def _closes_carried(reading, mark: Mark, start: int) -> bool:
    """Whether ``mark`` closes, in this reading, a quotation opened before the
    paragraph that starts at ``start``."""
    return any(q.end == mark.pos + 1 and q.start < start for q in reading[1])


def _problems(reading) -> int:
    """Marks with a problem, and quotations left open at the paragraph's end."""
    marks, _, stack, _ = reading
    return sum(m.problem is not None for m, _ in marks) + len(stack)


def open_run(analysis: Analysis, mark: Mark, paragraphs) -> tuple[int, int]:
    """How far an unclosed quotation may be read to run: from its opening mark
    to the next mark of the text, and at most over the paragraph after its own
    (a quotation that runs on unmarked is closed within a paragraph or two)."""
    own = next((k for k, (s, e) in enumerate(paragraphs) if s <= mark.pos < e), len(paragraphs) - 1)
    limit = paragraphs[min(own + 1, len(paragraphs) - 1)][1] if paragraphs else mark.pos + 1
    return mark.pos, min(limit, next((m.pos for m in analysis.marks if m.pos > mark.pos), limit))


def analyse(text: str, paragraphs, lang: str | None) -> Analysis:
    parser = _Parser(text, lang)
    out = Analysis()
    carry: list[tuple[int, QuotePair]] = []
    for start, end in paragraphs:
        carry = parser.paragraph(start, end, carry, out)
    for pos, pair in carry:
        out.marks.append(Mark(pos, text[pos], OPEN, pair, "unclosed", pair.open))
    out.marks.sort(key=lambda m: m.pos)
    out.quotations.sort(key=lambda q: q.start)
    return out
