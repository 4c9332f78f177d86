"""Plain text: paragraphs separated by blank lines."""

from .base import Body, paragraphs_in


def read_text(text: str) -> Body:
    return Body(text=text, paragraphs=paragraphs_in(text))
