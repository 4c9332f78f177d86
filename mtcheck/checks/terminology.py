"""House style: a form the glossary says to avoid (Kiev), with the required
one (Kyiv) as the suggestion. The glossary comes from the run's options."""

from __future__ import annotations

from ..types import Finding
from . import Pair, register


@register("terminology", needs_source=False, rules=("terminology.avoid",))
def glossary_terms(pair: Pair):
    glossary = pair.facts.get("glossary")
    if glossary is None:
        return
    if glossary.lang and pair.tgt_lang and glossary.lang != pair.tgt_lang:
        return  # a glossary for another target language
    text = pair.mt.text
    for term in glossary.terms:
        for m in term.pattern().finditer(text):
            found = m.group()
            use = term.use
            if not term.case_sensitive and found.isupper() and len(found) > 1:
                use = use.upper()
            note = f" ({term.note})" if term.note else ""
            yield Finding(
                "terminology.avoid",
                f"house style: “{use}”, not “{found}”{note}",
                mt_span=(m.start(), m.end()),
                suggestion=use,
            )
