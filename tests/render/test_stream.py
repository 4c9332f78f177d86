"""Reports streamed article by article: the same bytes as one document built
whole, empty reports well-formed, nothing of an article kept once it is
rendered, and no report written when the run fails half-way."""

import gc
import json
import weakref
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from mtcheck.output import Reports
from mtcheck.pipeline import Options, Session, check_article
from mtcheck.readers import read_text_as
from mtcheck.render import FORMATS, Meta, render, writer
from mtcheck.render.json_report import article_dict
from mtcheck.render.sarif import _result
from mtcheck.render.stream import Spool, json_fragment, placeholder, splice

SRC = "Antony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
MT = "Antony Blink dijo el lunes que habría consecuencias.\n\nLos 49.000 soldados se fueron.\n"
CLEAN = "Antony Blinken dijo el lunes que habría consecuencias.\n\nLos 94.000 soldados se fueron.\n"


@pytest.fixture(scope="module")
def report():
    s = Session(Options(src_lang="en", tgt_lang="es", use_models=False))
    results = [check_article(s, read_text_as(SRC, "text", f"a{n}", "en.txt"),
                             read_text_as(MT if n % 2 == 0 else CLEAN, "text", f"a{n}", f"a{n}.txt"))
               for n in range(3)]
    return replace(s.report(results, "check"), notices=("a notice",))


def test_a_spool_gives_back_each_fragment_by_number_and_in_order():
    s = Spool()
    for text in ("ä", "", "Blinken\n", "日本"):
        s.add(text)
    assert len(s) == 4 and s.get(2) == "Blinken\n" and s.get(1) == "" and list(s) == ["ä", "", "Blinken\n", "日本"]
    s.add("x")  # adding after reading appends, it does not overwrite
    assert s.get(3) == "日本" and s.get(4) == "x"
    s.close()


def test_splice_fills_lists_at_their_depth_and_empties_them():
    head = json.dumps({"a": [placeholder("x")], "b": {"c": [placeholder("y")]}}, indent=1)
    out = "".join(splice(head, {"x": [json_fragment({"k": [1]}, 2), json_fragment("s", 2)], "y": []}))
    assert out == json.dumps({"a": [{"k": [1]}, "s"], "b": {"c": []}}, indent=1)


def test_the_json_report_is_the_document_built_whole(report):
    doc = {"schema": "mtcheck.report/1", "tool": {"version": report.version, "signature": report.signature,
                                                  "notices": ["a notice"]},
           "mode": "check", "articles": [article_dict(a) for a in report.articles]}
    assert render(report, "json") == json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    empty = json.loads(render(replace(report, articles=()), "json"))
    assert empty["articles"] == [] and empty["tool"]["notices"] == ["a notice"]


def test_sarif_results_are_those_of_every_finding_in_order(report):
    doc = json.loads(render(report, "sarif"))
    index = {r["id"]: n for n, r in enumerate(doc["runs"][0]["tool"]["driver"]["rules"])}
    assert doc["runs"][0]["results"] == [_result(a, f, index) for a in report.articles for f in a.findings]
    assert [a["id"] for a in doc["runs"][0]["properties"]["articles"]] == ["a0", "a1", "a2"]


def test_an_empty_report_is_well_formed(report):
    empty = replace(report, articles=())
    assert json.loads(render(empty, "json"))["articles"] == []
    assert json.loads(render(empty, "sarif"))["runs"][0]["results"] == []
    root = ET.fromstring(render(empty, "junit"))
    assert root.get("tests") == "0" and root.find("testsuite/testcase") is None
    assert render(empty, "jsonl") == ""
    assert render(empty, "md").endswith("Notice: a notice\n")
    assert render(empty, "github") == "::notice title=mtcheck::mtcheck: 0 article(s), \n"
    assert render(empty, "html").endswith("</script>\n</body></html>\n")


def test_junit_cases_are_indented_as_one_tree(report):
    out = render(report, "junit")
    root = ET.fromstring(out)
    again = ET.fromstring(out)
    ET.indent(again)
    assert out.split("\n", 1)[1] == ET.tostring(again, encoding="unicode") + "\n"  # indenting again changes nothing
    assert [c.get("name") for c in root.iter("testcase")] == ["a0", "a1", "a2"]
    assert root.get("failures") == "2"


def test_the_writers_keep_no_article(report, tmp_path):
    """Each result is dropped once rendered: the run's memory does not grow
    with the number of articles."""
    reports = Reports(sorted(FORMATS), None, tmp_path, "r", "check")
    refs = []
    for a in report.articles:
        fresh = replace(a, id=a.id + "x")  # a new object only the writers could keep
        refs.append(weakref.ref(fresh))
        reports.add(fresh)
        del fresh
    gc.collect()
    assert [r() for r in refs] == [None, None, None]
    reports.finish(Meta(report.version, report.signature))
    reports.close()
    assert json.loads((tmp_path / "r.json").read_text())["articles"][2]["id"] == "a2x"


def test_no_report_is_written_when_the_run_fails_half_way(report, tmp_path):
    (tmp_path / "r.json").write_text("yesterday's")
    reports = Reports(["json", "md", "html"], None, tmp_path, "r", "check")

    def results():
        yield report.articles[0]
        raise RuntimeError("a worker died")

    with pytest.raises(RuntimeError):
        for a in results():
            reports.add(a)
    reports.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
    assert (tmp_path / "r.json").read_text() == "yesterday's"


def test_a_writer_renders_the_same_twice(report):
    """The Markdown writer serves the report and the GitHub job summary."""
    w = writer("md")
    for a in report.articles:
        w.add(a)
    meta = Meta(report.version, report.signature)
    assert "".join(w.finish(meta)) == "".join(w.finish(meta))
    w.close()


def test_pairs_are_checked_a_batch_at_a_time_with_the_same_results():
    from mtcheck.pipeline import check_pairs, iter_pairs
    from mtcheck.readers.jsonl import PairItem

    items = [PairItem(str(n), s, m) for n, (s, m) in enumerate([
        ("Antony Blinken spoke.", "Antony Blink habló."), ("The 94,000 soldiers left.", "Los 49.000 soldados se fueron."),
        ("It rained.", "Llovió."), ("Lavrov left.", "Lavrov se fue."), ("The 5 ships.", "Los 5 barcos.")])]
    s = Session(Options(src_lang="en", tgt_lang="es", use_models=False))
    whole = check_pairs(s, items)
    streamed = iter_pairs(s, items, batch=2)
    assert not isinstance(streamed, list)  # a generator: the CLI renders each batch before the next
    assert [(r.id, r.findings) for r in streamed] == [(r.id, r.findings) for r in whole]
    assert [r.verdict.value for r in whole] == ["block", "block", "pass", "pass", "pass"]
