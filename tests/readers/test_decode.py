import codecs

import pytest

from mtcheck.errors import InputError
from mtcheck.readers.decode import decode_bytes

TEXT = "Él dijo «sí» a la señora Muñoz.\nSegunda línea."


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16"),  # without BOM
        (TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_every_supported_encoding(data, encoding):
    d = decode_bytes(data)
    assert d.text == TEXT
    assert d.encoding == encoding
    assert d.repairs == 0


def test_crlf_becomes_lf():
    assert decode_bytes(b"a\r\nb\rc").text == "a\nb\nc"


def test_repairs_mojibake_and_says_so():
    garbled = "La reuniÃ³n en MoscÃº terminÃ³.".encode("utf-8")
    d = decode_bytes(garbled)
    assert d.text == "La reunión en Moscú terminó."
    assert d.repairs == 3
    assert d.example == ("Ã³", "ó")


def test_clean_text_with_accents_is_not_touched():
    d = decode_bytes("Ça coûte 3 € à Zürich — «vrai».".encode("utf-8"))
    assert d.text == "Ça coûte 3 € à Zürich — «vrai»."
    assert d.repairs == 0


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "file is empty"),
        (b"  \n\t ", "file is empty"),
        (bytes(range(256)) * 4, "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
    ],
)
def test_refuses_unusable_bytes(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "x.txt")


# Encodings beyond the table above: ASCII-only UTF-16 and UTF-32 are valid
# UTF-8 full of NULs, so their pattern is looked for before UTF-8.
@pytest.mark.parametrize(
    "data,encoding,text",
    [
        (TEXT.encode("utf-32"), "utf-32", TEXT),  # with BOM
        (TEXT.encode("utf-32-le"), "utf-32", TEXT),
        (TEXT.encode("utf-32-be"), "utf-32", TEXT),
        ("Plain ASCII news.".encode("utf-16-le"), "utf-16", "Plain ASCII news."),
        ("Plain ASCII news.".encode("utf-16-be"), "utf-16", "Plain ASCII news."),
        ("Plain ASCII news.".encode("utf-32-le"), "utf-32", "Plain ASCII news."),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", TEXT),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32", TEXT),
        # 0x81 is undefined in cp1252: Latin-1 is the reading left
        ("Café \x81 Zürich.".encode("latin-1"), "latin-1", "Café \x81 Zürich."),
    ],
)
def test_decodes_utf32_ascii_utf16_and_latin1(data, encoding, text):
    d = decode_bytes(data)
    assert (d.text, d.encoding, d.repairs, d.nuls) == (text, encoding, 0, ())


def test_bad_bom_is_refused():
    with pytest.raises(InputError, match="has a utf-8-sig byte-order mark but is not valid utf-8-sig"):
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9", "x.txt")


def test_stray_nuls_are_removed_with_their_places():
    d = decode_bytes(b"Hola\x00 mundo.\x00\x00 Adi\xc3\xb3s.")
    assert d.text == "Hola mundo. Adiós."
    assert d.nuls == (4, 11, 11)
    assert d.encoding == "utf-8"


def test_nuls_and_a_repair_keep_the_repair_in_place():
    d = decode_bytes("La reuniÃ³n\x00 terminÃ³.".encode("utf-8"))
    assert d.text == "La reunión terminó."
    assert [d.text[s:e] for s, e in d.repaired] == ["ó", "ó"]
    assert d.repaired == ((8, 9), (17, 18))
    assert d.nuls == (10,)


def test_many_nuls_are_binary():
    with pytest.raises(InputError, match="binary data"):
        decode_bytes(b"x\x00\x00y" * 10 + b"z", "x.txt")  # odd length: not UTF-16; 20 NULs
    with pytest.raises(InputError, match="file has no text"):
        decode_bytes(b"\x00 \n", "x.txt")


def test_repairs_say_where_they_are():
    d = decode_bytes("La reuniÃ³n en MoscÃº terminÃ³.\n\nOtra Ã³Ã±.".encode("utf-8"))
    assert d.text == "La reunión en Moscú terminó.\n\nOtra óñ."
    # adjacent garbled characters are one repair
    assert d.repaired == ((8, 9), (18, 19), (26, 27), (35, 37))
    assert d.repairs == 4


def test_repair_in_a_line_longer_than_a_piece():
    from mtcheck.readers.decode import PIECE

    filler = "word " * (PIECE // 2)
    line = "reuniÃ³n " + filler + "terminÃ³ " + filler + "fin\n"
    d = decode_bytes(line.encode("utf-8"))
    assert d.text == line.replace("Ã³", "ó")
    assert [d.text[s:e] for s, e in d.repaired] == ["ó", "ó"]
    assert d.repaired[1][0] == len("reunión " + filler + "termin")


def test_whole_text_garbled_is_repaired_everywhere():
    clean = "Él dijo «sí» a la señora Muñoz en São Paulo. " * 200
    d = decode_bytes(clean.encode("utf-8").decode("cp1252").encode("utf-8"))
    assert d.text == clean
    assert len(d.repaired) == 6 * 200  # sí»: í and » are one garbled run
    assert {d.text[s:e] for s, e in d.repaired} == {"É", "«", "í»", "ñ", "ã"}


def _seconds(data: bytes) -> float:
    import time

    best = float("inf")
    for _ in range(3):  # the best of three: a busy machine only slows a run down
        t = time.perf_counter()
        decode_bytes(data)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("shape", ["lines", "one line", "all garbled"])
def test_repair_time_grows_linearly(shape):
    # the repair once compared the whole file with its fix through difflib: quadratic
    para = "La reunión en Moscú terminó tarde, según el señor Muñoz. "
    def make(n):
        if shape == "lines":
            return ("reuniÃ³n\n" + (para * 4 + "\n") * n + "terminÃ³\n").encode("utf-8")
        if shape == "one line":
            return ("reuniÃ³n " + para * n + " terminÃ³").encode("utf-8")
        return (para * n).encode("utf-8").decode("cp1252").encode("utf-8")

    n = {"lines": 700, "one line": 3000, "all garbled": 700}[shape]
    small, large = _seconds(make(n)), _seconds(make(2 * n))
    assert large < 3.5 * small, (small, large)
