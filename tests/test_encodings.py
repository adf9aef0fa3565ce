"""Each report saved in a legacy or UTF-16 encoding gives the same facts as its UTF-8 twin."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from fangkong import extract_paths
from fangkong.cli.main import cli
from fangkong.run.pipeline import extract_bytes
from fangkong.text.load import decode

ROOT = Path(__file__).resolve().parent.parent
ENCODED = ROOT / "fixtures" / "encodings"
REPORTS = ROOT / "fixtures" / "reports"
# the UTF-8 original of each encoded twin's stem
TWIN_OF = {
    "town_checkpoints": REPORTS / "town_checkpoints.txt",
    "village_news": REPORTS / "village_news.html",
    "notice": REPORTS / "traditional" / "notice",
}
# what the detector may call each encoding: GB2312 ⊂ GBK ⊂ GB18030 give the same bytes for common text
GB = {"gb2312", "gbk", "cp936", "gb18030"}
ALIASES = {
    "gb18030": GB,
    "gbk": GB,
    "gb2312": GB,
    "big5": {"big5", "big5hkscs", "cp950"},
    "utf-8-sig": {"utf-8-sig"},
    "utf-16-le": {"utf-16-le"},
    "utf-16-be": {"utf-16-be"},
}


def twins() -> list[Path]:
    return sorted(ENCODED.iterdir())


def parts(path: Path) -> tuple[str, str]:
    stem, encoding = path.name.split(".")[:2]
    return stem, encoding


@pytest.mark.parametrize("path", twins(), ids=lambda p: p.name)
def test_decodes_to_the_utf8_original(path):
    stem, encoding = parts(path)
    text, used, replaced = decode(path.read_bytes())
    assert text == TWIN_OF[stem].read_text("utf-8")
    assert used.replace("_", "-").lower() in ALIASES[encoding]
    assert replaced == 0


@pytest.mark.parametrize("path", twins(), ids=lambda p: p.name)
def test_same_facts_as_the_utf8_twin(path):
    stem, _ = parts(path)
    encoded = extract_bytes(path.read_bytes(), doc="x")
    original = extract_bytes(TWIN_OF[stem].read_bytes(), doc="x")
    assert len(original) > 0
    assert encoded.equals(original)


def test_every_twin_has_a_utf8_original_with_facts():
    assert {parts(p)[0] for p in twins()} == set(TWIN_OF)
    assert set(ALIASES) == {parts(p)[1] for p in twins()}


def test_encoding_option_overrides_detection():
    data = (ENCODED / "town_checkpoints.gbk.txt").read_bytes()
    as_gbk = extract_bytes(data, encoding="gbk")
    as_latin1 = extract_bytes(data, encoding="latin-1")
    assert as_gbk.equals(extract_bytes(data))
    assert len(as_latin1) == 0  # forced to a wrong codec: mojibake, no facts, but no crash


def test_invalid_bytes_are_replaced_counted_and_warned(tmp_path):
    text = (REPORTS / "town_checkpoints.txt").read_text("utf-8")
    data = text.encode("utf-8")
    cut = data.index("。".encode()) + 3
    damaged = data[:cut] + b"\xff\xfe\xfd" + data[cut:]  # three stray bytes between two sentences
    (tmp_path / "damaged.txt").write_bytes(damaged)
    decoded, used, replaced = decode(damaged)
    assert (used, replaced) == ("utf-8", 3)
    assert decoded.replace("\ufffd", "") == text

    with pytest.warns(UserWarning, match="damaged.txt: 3 undecodable byte sequences replaced"):
        frame = extract_paths([tmp_path / "damaged.txt"])
    assert len(frame) == len(extract_paths([REPORTS / "town_checkpoints.txt"]))
    for row in frame.itertuples():
        assert decoded[row.start:row.end] == row.evidence  # offsets refer to the decoded text

    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "damaged.txt")])
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines() == [
        f"fangkong: warning: {tmp_path / 'damaged.txt'}: 3 undecodable byte sequences replaced with U+FFFD "
        "(decoded as utf-8)"
    ]
