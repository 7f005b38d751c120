"""Legacy encodings, mojibake, invisible characters and empty inputs."""

import json
import unicodedata

import pytest
from click.testing import CliRunner

import figcheck
from figcheck.cli import main
from figcheck.reading.encodings import decode_bytes

SENTENCE = "Năm 2023, phường có 14 tổ tự quản với 27 thành viên; giảm 72% so với cùng kỳ."


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tones as combining marks after the (possibly modified) base letter."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


# Hand-written byte strings from the TCVN3 and VNI code charts (not produced by figcheck's own tables).
TCVN3_VIET_NAM = b"Vi\xd6t Nam c\xe3 n\xa8m tr\xa8m x\xb5 \xae\xe5ng"  # "Việt Nam có năm trăm xà đồng"
VNI_VIET_NAM = b"Vie\xe4t Nam co\xf9 na\xeam tra\xeam xa\xf8 \xf1o\xe0ng"


def test_windows_1258_is_detected():
    d = decode_bytes(to_cp1258(SENTENCE))
    assert d.encoding == "cp1258" and unicodedata.normalize("NFC", d.text) == SENTENCE


def test_tcvn3_and_vni_decode_to_the_same_text():
    assert decode_bytes(TCVN3_VIET_NAM, "tcvn3").text == "Việt Nam có năm trăm xà đồng"
    assert decode_bytes(VNI_VIET_NAM, "vni").text == "Việt Nam có năm trăm xà đồng"
    assert decode_bytes(VNI_VIET_NAM.upper().replace(b"\xe4", b"\xc4").replace(b"\xf9", b"\xd9"), "vni").text \
        .startswith("VIỆT NAM CÓ")


def test_tcvn3_is_detected_without_being_named():
    d = decode_bytes(TCVN3_VIET_NAM + b" 14 t\xe6 t\xf9 qu\xb6n")
    assert d.encoding == "tcvn3" and "tổ" in d.text
    assert any("TCVN3" in n for n in d.notes)


def test_files_in_legacy_encodings_are_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(to_cp1258(SENTENCE))
    (tmp_path / "b.txt").write_bytes(VNI_VIET_NAM + b" co\xf9 14 to\xe5 v\xf4\xf9i 27 tha\xf8nh vie\xe2n.")
    articles = list(figcheck.read([str(tmp_path / "a.txt")]))
    assert articles[0].error is None and [f.value for f in articles[0].figures][:2] == [14, 27]
    assert articles[0].notes == ["decoded as CP1258 (not UTF-8)"]
    (vni,) = figcheck.read([str(tmp_path / "b.txt")], encoding="vni")
    assert "14 tổ với 27 thành viên" in vni.text
    assert [f.value for f in vni.figures] == [500, 14, 27]  # "năm trăm xà": five hundred, spelled


def test_mojibake_is_repaired_and_noted(tmp_path):
    p = tmp_path / "m.txt"
    p.write_text(SENTENCE.encode("utf-8").decode("latin-1"), encoding="utf-8")
    (a,) = figcheck.read([str(p)])
    assert a.text == SENTENCE and a.notes == ["repaired mojibake: UTF-8 text that had been read as LATIN-1"]
    # Windows-1252 has no character for some bytes: what is lost is said, the rest is repaired
    lossy = tmp_path / "lossy.txt"
    lossy.write_text(SENTENCE.encode("utf-8").decode("cp1252", errors="ignore"), encoding="utf-8")
    (b,) = figcheck.read([str(lossy)])
    assert "thành viên" in b.text and [f.value for f in b.figures][:2] == [14, 27]
    assert "could not be repaired" in b.notes[0]


def test_invisible_characters_inside_numbers():
    a = figcheck.extract("Người dân cung cấp 4.3\u200b40 nguồn tin\u200f, trong đó 4.0\u200d00 tin có giá trị.")
    assert [f.value for f in a.figures] == [4340, 4000]
    for f in a.figures:
        assert a.text[f.start:f.end] == f.text


def test_control_characters_are_dropped():
    a = figcheck.extract("Có\x07 14 tổ\x1b với 27 thành viên.")
    assert [f.value for f in a.figures] == [14, 27]


def test_empty_inputs_are_input_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    errors = [str(a.error) for a in figcheck.read([str(tmp_path / "empty.txt"), str(tmp_path / "blank.md")])]
    assert errors == ["empty file: no text", "empty file: no text"]


def test_undecodable_bytes_name_the_place(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"ok\n" + bytes(range(0x80, 0xA0)) * 4)
    (a,) = figcheck.read([str(p)])
    assert "--encoding" in str(a.error) and "line 2" in str(a.error)


@pytest.mark.parametrize("name", ["tcvn3", "abc", "vni", "windows-1258", "utf-8"])
def test_cli_encoding_option(tmp_path, name):
    data = {"tcvn3": TCVN3_VIET_NAM, "abc": TCVN3_VIET_NAM, "vni": VNI_VIET_NAM,
            "windows-1258": to_cp1258("Việt Nam có năm trăm xà đồng"),
            "utf-8": "Việt Nam có năm trăm xà đồng".encode()}[name]
    p = tmp_path / "t.txt"
    p.write_bytes(data + b" 12.")
    result = CliRunner().invoke(main, ["extract", str(p), "--encoding", name])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)["articles"]
    assert article["error"] is None
    assert [f["value"] for f in article["figures"]] == [500, 12]  # "năm trăm xà" is spelled 500


def test_unknown_encoding_is_a_clear_error(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("Có 12 vụ.", encoding="utf-8")
    (a,) = figcheck.read([str(p)], encoding="klingon")
    assert "unknown encoding 'klingon'" in str(a.error)


def test_oversized_inputs_are_input_errors_and_the_rest_is_read(tmp_path, monkeypatch):
    from figcheck.reading import sources

    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(sources, "CHUNK", 64)
    big = tmp_path / "big.txt"
    big.write_text("Có 12 vụ. " * 500, encoding="utf-8")
    lines = tmp_path / "c.jsonl"
    lines.write_text('{"id": "a", "text": "' + "x" * 5000 + '"}\n{"id": "b", "text": "Có 12 vụ."}\n', encoding="utf-8")
    articles = list(figcheck.read([str(big), str(lines)]))
    assert "file too large" in str(articles[0].error)
    assert "line longer than 1000 bytes (line 1)" == str(articles[1].error)
    assert articles[2].id == "b" and [f.value for f in articles[2].figures] == [12]
