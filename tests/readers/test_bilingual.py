import time
from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.readers.bilingual import Bilingual, bilingual_format, primary, read_bilingual
from mtcheck.readers.jsonl import MAX_SEGMENT
from mtcheck.readers.tmx import read_tmx
from mtcheck.readers.xliff import read_xliff

DATA = Path(__file__).resolve().parents[1] / "data" / "formats"


def rows(bi: Bilingual):
    return [(i.id, i.src, i.mt, i.line) for i in bi.items]


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


# --- XLIFF 1.2 -------------------------------------------------------------


def test_xliff12_units_mrk_segments_and_inline_tags():
    bi = read_xliff(DATA / "xliff12_segmented.xlf")
    assert (bi.src_lang, bi.tgt_lang) == ("en-US", "de-DE")
    assert rows(bi) == [
        # <g> keeps its text
        ("title", "Storm hits the north coast", "Sturm trifft die Nordküste", 5),
        # seg-source: one item per <mrk mtype="seg">, id unit:mid, the unit's line; <x/> dropped
        ("p1:1", "About 20,000 homes lost power.", "Rund 20.000 Haushalte hatten keinen Strom.", 9),
        ("p1:2", "Repairs will take two days.", "Die Reparaturen dauern zwei Tage.", 9),
        # translate="no" on the group skips "code"; bpt/ept codes dropped, a line-break ph is a space;
        # an empty target is an empty translation
        ("p2", "Click here for updates.", "", 20),
    ]
    assert all(i.source == str(DATA / "xliff12_segmented.xlf") for i in bi.items)
    assert all(i.ref is None for i in bi.items)


def test_xliff12_alt_trans_is_not_the_target():
    bi = read_xliff(DATA / "xliff12_segmented.xlf")
    assert "Not this one." not in [i.mt for i in bi.items]


def test_xliff12_without_namespace_and_missing_target(tmp_path):
    p = write(tmp_path, "a.xliff", '<xliff version="1.1"><file source-language="en" target-language="ja"><body>\n'
              '<trans-unit id="1"><source>Hello</source></trans-unit>\n'
              '<trans-unit id="2" translate="no"><source>Skip</source><target>Skip</target></trans-unit>\n'
              '<trans-unit id="3"><source>  Two\n  lines </source><target>二行</target></trans-unit>\n'
              '<trans-unit id="4"><source><x id="1"/> </source><target/></trans-unit>\n'
              '</body></file></xliff>')
    bi = read_xliff(p)
    # whitespace collapsed; a source of codes only is no pair
    assert rows(bi) == [("1", "Hello", "", 2), ("3", "Two lines", "二行", 4)]
    assert (primary(bi.src_lang), primary(bi.tgt_lang)) == ("en", "ja")


def test_xliff_xml_space_preserve_keeps_whitespace(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2"><file source-language="en" target-language="fr"><body>'
              '<trans-unit id="1" xml:space="preserve"><source> A  b </source><target> C  d </target></trans-unit>'
              '</body></file></xliff>')
    assert rows(read_xliff(p)) == [("1", " A  b ", " C  d ", 1)]


def test_xliff12_files_with_different_languages_are_refused(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2">\n<file source-language="en" target-language="fr"><body>'
              '<trans-unit id="1"><source>A</source></trans-unit></body></file>\n'
              '<file source-language="en" target-language="de"><body>'
              '<trans-unit id="2"><source>B</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError, match=r"a.xlf:3: a <file> with target language 'de', another with 'fr'"):
        read_xliff(p)


def test_xliff12_files_with_same_primary_language_are_one_pair(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2">\n<file source-language="en-US" target-language="fr"><body>'
              '<trans-unit id="1"><source>A</source></trans-unit></body></file>\n'
              '<file source-language="en" target-language="fr-CA"><body>'
              '<trans-unit id="2"><source>B</source></trans-unit></body></file></xliff>')
    bi = read_xliff(p)
    assert (bi.src_lang, bi.tgt_lang) == ("en-US", "fr")
    assert [i.id for i in bi.items] == ["1", "2"]


# --- XLIFF 2.x -------------------------------------------------------------


def test_xliff20_segments_translate_no_and_missing_target():
    bi = read_xliff(DATA / "xliff20.xlf")
    assert (bi.src_lang, bi.tgt_lang) == ("en-GB", "fr-FR")
    assert rows(bi) == [
        # several segments: unit:segid, else unit:position (the ignorable between is not counted)
        ("u1:s1", "The minister resigned on Monday.", "Le ministre a démissionné lundi.", 4),
        ("u1:2", "He gave no reason.", "Il n'a donné aucune raison.", 4),  # pc kept, ph (and its equiv) dropped
        # u2 is translate="no"; u3 has one segment: plain unit id, no target: empty translation; mrk kept
        ("u3", "Elections are due in May.", "", 24),
    ]


@pytest.mark.parametrize("version", ["2.1", "2.2"])
def test_xliff21_and_22_namespaces(tmp_path, version):
    ns = "urn:oasis:names:tc:xliff:document:2.0"  # 2.1 and 2.2 keep the 2.0 core namespace
    p = write(tmp_path, "a.xlf", f'<xliff xmlns="{ns}" version="{version}" srcLang="en" trgLang="pt-BR">\n'
              '<file id="f"><unit id="x"><segment><source>Hi <sc id="1"/>there<ec startRef="1"/></source>'
              '<target>Olá <sc id="1"/>aí<ec startRef="1"/></target></segment></unit></file></xliff>')
    bi = read_xliff(p)
    assert (bi.src_lang, bi.tgt_lang, rows(bi)) == ("en", "pt-BR", [("x", "Hi there", "Olá aí", 2)])


def test_xliff2_translate_no_on_file_skips_its_units(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">'
              '<file id="f1" translate="no"><unit id="a"><segment><source>A</source></segment></unit></file>'
              '<file id="f2"><unit id="b"><segment><source>B</source><target>b</target></segment></unit></file></xliff>')
    bi = read_xliff(p)
    assert [i.id for i in bi.items] == ["b"]
    assert bi.tgt_lang is None


# --- TMX ---------------------------------------------------------------------


def test_tmx_source_by_language_with_region_subtags():
    bi = read_tmx(DATA / "memory.tmx")
    assert (bi.src_lang, bi.tgt_lang) == ("en", "es-ES")
    assert rows(bi) == [
        ("t1", "The president arrived in Madrid.", "El presidente llegó a Madrid.", 6),  # en matches en-US; hi kept
        ("2", "Prices rose 3%.", "Los precios subieron un 3%.", 10),  # no tuid: position; ph dropped; EN-us
        ("t3", "No translation yet.", "", 14),  # no target tuv
    ]


def test_tmx_all_first_tuv_is_source_and_target_language_is_kept():
    bi = read_tmx(DATA / "memory_all.tmx")
    assert (bi.src_lang, bi.tgt_lang) == ("pt-BR", "en")
    # the second unit lists Italian first: the target stays English
    assert rows(bi) == [("a", "O jogo terminou empatado.", "The match ended in a draw.", 5),
                        ("b", "Choveu muito.", "It rained hard.", 10)]


def test_tmx_exact_tag_is_preferred_to_a_primary_subtag_match(tmp_path):
    p = write(tmp_path, "a.tmx", '<tmx version="1.4"><header srclang="en-US"/><body>\n'
              '<tu><tuv xml:lang="en-GB"><seg>colour</seg></tuv><tuv xml:lang="en-us"><seg>color</seg></tuv>'
              '<tuv xml:lang="de"><seg>Farbe</seg></tuv></tu></body></tmx>')
    bi = read_tmx(p)
    # the source is the en-US tuv; the first other tuv (en-GB) is the target
    assert (bi.src_lang, bi.tgt_lang, rows(bi)) == ("en-US", "en-GB", [("1", "color", "colour", 2)])


def test_tmx11_lang_attribute_and_tu_srclang(tmp_path):
    p = write(tmp_path, "old.tmx", '<tmx version="1.1"><header srclang="de"/><body>\n'
              '<tu><tuv lang="DE"><seg>Hallo</seg></tuv><tuv lang="EN"><seg>Hello</seg></tuv></tu>\n'
              '<tu srclang="en"><tuv lang="DE"><seg>Welt</seg></tuv><tuv lang="EN"><seg>World</seg></tuv></tu>\n'
              '</body></tmx>')
    bi = read_tmx(p)
    assert (bi.src_lang, bi.tgt_lang) == ("de", "EN")
    # the second tu says its source is English; its target is then the tuv of the file's target language
    # that is not the source: none, so an empty translation
    assert rows(bi) == [("1", "Hallo", "Hello", 2), ("2", "World", "", 3)]


def test_tmx_unit_without_source_language_tuv_is_refused(tmp_path):
    p = write(tmp_path, "a.tmx", '<tmx version="1.4"><header srclang="en"/><body>\n'
              '<tu tuid="z"><tuv xml:lang="fr"><seg>Oui</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputError, match=r"a.tmx:2: <tu> 'z' has no <tuv> in the source language 'en'"):
        read_tmx(p)


def test_tmx_duplicate_tuid_is_refused(tmp_path):
    p = write(tmp_path, "a.tmx", '<tmx version="1.4"><header srclang="en"/><body>\n'
              '<tu tuid="1"><tuv xml:lang="en"><seg>A</seg></tuv></tu>\n'
              '<tu tuid="1"><tuv xml:lang="en"><seg>B</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputError, match=r"a.tmx:3: duplicate id '1'"):
        read_tmx(p)


# --- ids, sizes, errors ---------------------------------------------------------


def test_xliff12_duplicate_ids_are_refused(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2"><file source-language="en"><body>\n'
              '<trans-unit id="7"><source>A</source></trans-unit>\n'
              '<trans-unit id="7"><source>B</source></trans-unit>\n'
              '</body></file></xliff>')
    with pytest.raises(InputError, match=r"a.xlf:3: duplicate id '7'"):
        read_xliff(p)


def test_xliff2_segment_ids_that_collide_are_refused(tmp_path):
    # unit "a" segment "1", and a one-segment unit named "a:1"
    p = write(tmp_path, "a.xlf", '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f">\n'
              '<unit id="a"><segment id="1"><source>A</source></segment><segment><source>B</source></segment></unit>\n'
              '<unit id="a:1"><segment><source>C</source></segment></unit>\n'
              '</file></xliff>')
    with pytest.raises(InputError, match=r"a.xlf:3: duplicate id 'a:1'"):
        read_xliff(p)


def test_xliff_unit_without_id_is_refused(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2"><file source-language="en"><body>\n'
              '<trans-unit><source>A</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError, match=r"a.xlf:2: <trans-unit> without an id"):
        read_xliff(p)


def test_xliff_with_no_units_is_refused(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2"><file source-language="en"><body/></file></xliff>')
    with pytest.raises(InputError, match=r"a.xlf: no translatable units in the XLIFF file"):
        read_xliff(p)


def test_a_segment_longer_than_the_limit_is_refused(tmp_path):
    p = write(tmp_path, "a.xlf", '<xliff version="1.2"><file source-language="en"><body>'
              f'<trans-unit id="big"><source>{"a " * MAX_SEGMENT}</source></trans-unit></body></file></xliff>')
    with pytest.raises(InputError, match=rf"'big': the source has {2 * MAX_SEGMENT - 1} characters, more than the {MAX_SEGMENT}"):
        read_xliff(p)


def test_not_an_xliff_root_is_refused(tmp_path):
    p = write(tmp_path, "a.xlf", "<tmx/>")
    with pytest.raises(InputError, match=r"a.xlf: not an XLIFF file \(the root element is <tmx>\)"):
        read_xliff(p)


def test_malformed_xml_gives_parser_message_and_line(tmp_path):
    p = write(tmp_path, "bad.xlf", '<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n<body>\n</file>\n</xliff>\n')
    with pytest.raises(InputError) as e:
        read_xliff(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:5: not well-formed XML (Opening and ending tag mismatch: body line 4 and file")
    assert "\n" not in msg


def test_declared_encoding_is_read_from_the_decoded_text(tmp_path):
    # the declaration names Latin-1; the bytes are Latin-1; line numbers survive the declaration's removal
    p = write(tmp_path, "l1.tmx", '<?xml version="1.0"\n   encoding="ISO-8859-1"?>\n<tmx version="1.4"><header srclang="fr"/><body>\n'
              '<tu><tuv xml:lang="fr"><seg>Été brûlant</seg></tuv><tuv xml:lang="en"><seg>Hot summer</seg></tuv></tu>'
              '</body></tmx>', encoding="latin-1")
    assert rows(read_tmx(p)) == [("1", "Été brûlant", "Hot summer", 4)]


def _passwd_lines():
    try:
        return [line for line in Path("/etc/passwd").read_text().splitlines() if line.strip()][:3]
    except OSError:
        return []


XXE = {
    "xliff": '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    '<xliff version="1.2"><file source-language="en"><body><trans-unit id="1"><source>&e;</source>'
    '<target>x</target></trans-unit></body></file></xliff>',
    "tmx": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><header srclang="en"/><body>'
    '<tu><tuv xml:lang="en"><seg>&e;</seg></tuv></tu></body></tmx>',
    "param": '<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n<tmx version="1.4"><header srclang="en"/>'
    '<body><tu><tuv xml:lang="en"><seg>A</seg></tuv></tu></body></tmx>',
}


@pytest.mark.parametrize("kind", sorted(XXE))
def test_xxe_is_refused_and_never_reads_the_file(tmp_path, kind):
    p = write(tmp_path, "evil.tmx" if kind != "xliff" else "evil.xlf", XXE[kind])
    with pytest.raises(InputError) as e:
        read_bilingual(p)
    msg = str(e.value)
    assert "DOCTYPE declares entities" in msg
    for line in _passwd_lines():
        assert line not in msg
    assert "root:" not in msg


def test_billion_laughs_is_refused_without_expanding(tmp_path):
    ents = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    doc = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">{ents}]>\n<tmx version="1.4"><header srclang="en"/><body>' \
          '<tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>'
    p = write(tmp_path, "lol.tmx", doc)
    t = time.monotonic()
    with pytest.raises(InputError, match="DOCTYPE declares entities"):
        read_tmx(p)
    assert time.monotonic() - t < 2


def test_entity_from_an_unread_external_dtd_is_refused_not_dropped(tmp_path):
    p = write(tmp_path, "ext.tmx", '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header srclang="en"/><body>\n'
              '<tu><tuv xml:lang="en"><seg>A &custom; B</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputError, match=r"ext.tmx:3: entity reference &custom; is not expanded"):
        read_tmx(p)


def test_a_doctype_without_entities_is_fine(tmp_path):
    p = write(tmp_path, "ok.tmx", '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header srclang="en"/><body>'
              '<tu><tuv xml:lang="en"><seg>A &amp; B &#233;</seg></tuv></tu></body></tmx>')
    assert rows(read_tmx(p)) == [("1", "A & B é", "", 2)]


# --- sniffing, languages ----------------------------------------------------------


@pytest.mark.parametrize(
    "name, head, fmt",
    [
        ("a.xlf", "", "xliff"),
        ("a.XLIFF", "", "xliff"),
        ("a.tmx", "", "tmx"),
        ("a.xml", '<?xml version="1.0"?>\n<xliff version="1.2">', "xliff"),
        ("a.sdlxliff", '\ufeff<?xml version="1.0"?><xliff xmlns:sdl="x" version="1.2">', "xliff"),
        ("a.xml", '<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4">', "tmx"),
        ("a.xml", '<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">', None),
        ("a.txt", "The xliff and tmx formats are both XML.", None),
        ("a.xml", "<tmxish/>", None),
    ],
)
def test_bilingual_format(name, head, fmt):
    assert bilingual_format(Path(name), head) == fmt


def test_read_bilingual_dispatches_by_content(tmp_path):
    p = write(tmp_path, "memory.xml", (DATA / "memory.tmx").read_text(encoding="utf-8"))
    assert [i.id for i in read_bilingual(p).items] == ["t1", "2", "t3"]
    q = write(tmp_path, "notes.xml", "<notes/>")
    with pytest.raises(InputError, match="not an XLIFF or TMX file"):
        read_bilingual(q)


@pytest.mark.parametrize("tag, code", [("en-US", "en"), ("EN", "en"), ("pt_BR", "pt"), ("zh-Hant-TW", "zh"), ("", None), (None, None)])
def test_primary(tag, code):
    assert primary(tag) == code


def test_bilingual_is_frozen():
    bi = read_tmx(DATA / "memory.tmx")
    with pytest.raises(Exception):
        bi.src_lang = "fr"
    assert isinstance(bi.items, tuple)
