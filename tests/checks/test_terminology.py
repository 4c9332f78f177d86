"""House-style glossary: readers for TOML, CSV and TBX, and the check."""

from pathlib import Path

import pytest

from mtcheck.checks import Pair
from mtcheck.checks.terminology import glossary_terms
from mtcheck.errors import InputError
from mtcheck.terms.glossary import load_glossary
from mtcheck.types import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en">
    <termSec><term>Kyiv</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>Kiev</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
   </langSec>
  </conceptEntry>
 </body></text>
</tbx>"""


def lint(text, glossary, lang="en"):
    art = Article("a", text, lang, paragraphs=((0, len(text)),))
    return [(f.rule, text[f.mt_span[0] : f.mt_span[1]], f.suggestion)
            for f in glossary_terms(Pair(mt=art, tgt_lang=lang, facts={"glossary": glossary}))]


def test_toml_example_flags_and_passes():
    g = load_glossary(EXAMPLES / "glossary.toml")
    assert lint("Talks in Kiev and in Peking.", g) == [
        ("terminology.avoid", "Kiev", "Kyiv"),
        ("terminology.avoid", "Peking", "Beijing"),
    ]
    assert lint("Talks in Kyiv and in Beijing; Kievan Rus is history.", g) == []
    # case-sensitive entries leave the common word alone
    assert lint("They ate turkey in Turkey.", g) == [("terminology.avoid", "Turkey", "Türkiye")]
    assert lint("TALKS IN KIEV", g) == [("terminology.avoid", "KIEV", "KYIV")]


def test_glossary_for_another_language_is_not_applied():
    g = load_glossary(EXAMPLES / "glossary.toml")
    assert lint("Conversaciones en Kiev.", g, lang="es") == []


def test_csv_and_tbx(tmp_path):
    g = load_glossary(EXAMPLES / "glossary.csv")
    assert lint("From Charkov to Kiev.", g) == [
        ("terminology.avoid", "Kiev", "Kyiv"),
        ("terminology.avoid", "Charkov", "Kharkiv"),
    ]
    p = tmp_path / "g.tbx"
    p.write_text(TBX, encoding="utf-8")
    g = load_glossary(p)
    assert [(t.use, t.avoid) for t in g.terms] == [("Kyiv", ("Kiev",))]


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("g.toml", "[[term]]\nuse = 'Kyiv'\n", "'avoid' must list"),
        ("g.toml", "this is = not toml [", "not valid TOML"),
        ("g.csv", "a,b\n1,2\n", "columns use,avoid"),
        ("g.tbx", "<tbx>", "not valid TBX"),
        ("g.txt", "x", "must be .toml, .csv or .tbx"),
        ("g.toml", "lang = 'en'\n", "no terms"),
    ],
)
def test_bad_glossaries(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_glossary(p)
