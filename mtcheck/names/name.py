"""A name found in a text, with its character offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC, or NAME when the cue cannot tell
    how: str  # ner | caps | acronym | script | gazetteer
    reading: str = ""  # how it sounds where the script does not say (Japanese kanji), romanised
