"""XLIFF and TMX through the command line: each segment pair checked, the
results under the unit's id and pointing at its line."""

import json

import jsonschema

from mtcheck.cli import main
from pathlib import Path

XLF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="es-ES" datatype="plaintext" original="story.txt">
    <body>
      <trans-unit id="title">
        <source>Blinken meets Lavrov</source>
        <target>Blinken se reúne con Lavrov</target>
      </trans-unit>
      <trans-unit id="p1">
        <source>Antony <g id="1">Blinken</g> said 94,000 soldiers had left.</source>
        <target>Antony <g id="1">Blink</g> dijo que se habían ido 49.000 soldados.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
  creationtool="x" creationtoolversion="1" o-tmf="x"/>
<body>
<tu tuid="7"><tuv xml:lang="en"><seg>The 94,000 soldiers left.</seg></tuv>
<tuv xml:lang="de"><seg>Die 49.000 Soldaten gingen.</seg></tuv></tu>
</body></tmx>
"""


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_pairs_reads_xliff_with_its_languages_and_ids(tmp_path, capsys):
    (tmp_path / "s.xlf").write_text(XLF)
    code, out, _ = run(["pairs", tmp_path / "s.xlf", "--no-models"], capsys)
    items = json.loads(out)["items"]
    assert code == 0
    assert [(i["id"], [f["rule"] for f in i["findings"]]) for i in items] == [
        ("title", []), ("p1", ["names.altered", "numbers.changed"])]
    code, out, _ = run(["pairs", tmp_path / "s.xlf", "--no-models", "-f", "sarif"], capsys)
    doc = json.loads(out)
    schema = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(doc)
    regions = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in doc["runs"][0]["results"]]
    assert regions == [9, 9]  # the trans-unit's line
    assert [r["properties"]["article"] for r in doc["runs"][0]["results"]] == ["p1", "p1"]


def test_check_of_one_bilingual_file_and_a_tmx(tmp_path, capsys):
    (tmp_path / "m.tmx").write_text(TMX)
    code, out, _ = run(["check", tmp_path / "m.tmx", "--no-models", "-f", "json", "-o", "-", "--fail-on", "major"],
                       capsys)
    doc = json.loads(out)
    assert code == 1 and doc["schema"] == "mtcheck.pairs/1"
    assert [(i["id"], i["verdict"], [f["rule"] for f in i["findings"]]) for i in doc["items"]] == [
        ("7", "block", ["numbers.changed"])]
    # a report written over its input is refused
    code, _, err = run(["check", tmp_path / "m.tmx", "--no-models", "-f", "json", "-o", tmp_path / "m.tmx"], capsys)
    assert code == 2 and "is an input; refusing to overwrite it" in err
