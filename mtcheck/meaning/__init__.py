"""Meaning: the polarity of a sentence (negation markers per language)."""
