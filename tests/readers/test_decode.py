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
