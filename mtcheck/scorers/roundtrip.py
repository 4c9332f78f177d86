"""Round trip: translate the MT back into the source language and compare
with the source (sacrebleu chrF), and see whether the source's numbers
survive. Back-translation by Apertium (Debian's apertium-eng-spa,
apertium-fr-es, apertium-es-pt, pivoting through Spanish where no direct
pair is installed) or by a transformers seq2seq model."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Sequence

from ..numbers.parse import figures
from .base import Scorer
from .encoder import ModelUnavailable

_MODES = Path("/usr/share/apertium/modes")
_APERTIUM_CODES = {"en": ("eng", "en"), "es": ("spa", "es"), "fr": ("fra", "fr"), "pt": ("por", "pt"), "ca": ("cat", "ca")}


def _mode(a: str, b: str) -> str | None:
    for x in _APERTIUM_CODES.get(a, (a,)):
        for y in _APERTIUM_CODES.get(b, (b,)):
            if (_MODES / f"{x}-{y}.mode").exists():
                return f"{x}-{y}"
    return None


class ApertiumTranslator:
    def __init__(self, src_lang: str, tgt_lang: str):
        if shutil.which("apertium") is None:
            raise ModelUnavailable("apertium is not installed (apt-get install apertium apertium-eng-spa ...)")
        direct = _mode(src_lang, tgt_lang)
        if direct:
            self.chain = [direct]
        else:  # pivot through Spanish: en -> es -> fr
            first, second = _mode(src_lang, "es"), _mode("es", tgt_lang)
            if not (first and second):
                raise ModelUnavailable(f"no Apertium pair installed for {src_lang} -> {tgt_lang}")
            self.chain = [first, second]
        self.name = "apertium:" + "+".join(self.chain)

    def translate(self, texts: Sequence[str]) -> list[str]:
        lines = [" ".join(t.split()) for t in texts]
        for mode in self.chain:
            # one line per segment; -u drops the marks on unknown words
            res = subprocess.run(["apertium", "-u", mode], input="\n".join(lines) + "\n", capture_output=True,
                                 text=True, timeout=600, check=False)
            if res.returncode != 0:
                raise ModelUnavailable(f"apertium {mode} failed: {res.stderr.strip()[:200]}")
            out = [l.strip() for l in res.stdout.split("\n")]
            lines = (out + [""] * len(lines))[: len(lines)]
        return lines


class RoundTripScorer(Scorer):
    """chrF (0..1) of the back-translation against the source."""

    name = "roundtrip"

    def __init__(self, translator):
        self.translator = translator

    @property
    def signature(self) -> str:
        import sacrebleu

        return f"rt:{self.translator.name}|chrF2|nc:6|nw:0|space:no|version:{sacrebleu.__version__}"

    def scored(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float | None], dict]:
        from sacrebleu.metrics import CHRF

        chrf = CHRF()
        back = self.translator.translate(list(mt))
        seg: list[float | None] = []
        lost: list[list[str]] = []
        for s, b, m in zip(src, back, mt):
            if not s.strip() or not m.strip():
                seg.append(None)
                lost.append([])
                continue
            seg.append(round(chrf.sentence_score(b, [s]).score / 100, 4))
            kept = {d for _, d in figures(b)}
            lost.append([s[x:y] for (x, y), d in figures(s) if d not in kept])
        return seg, {"back_translations": back, "numbers_lost": lost}


def load_translator(spec: str, src_lang: str, tgt_lang: str):
    """``apertium`` or a transformers model (path or hub id)."""
    if spec == "apertium":
        return ApertiumTranslator(src_lang, tgt_lang)
    from .hf import HFTranslator

    return HFTranslator(spec, src_lang, tgt_lang)
