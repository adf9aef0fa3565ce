"""Load: report bytes → decoded original → plain text without markup, with offsets back to the original."""

import pytest

from fangkong.text.load import BinaryFileError, LoadError, decode, load_bytes, load_text

REPORT = "全镇共设立疫情防控卡点23个，组织志愿者两百余名轮班值守，发放宣传资料3000余份。"

# (bytes, decoded original, encoding name reported)
DECODED = [
    (REPORT.encode("utf-8"), REPORT, "utf-8"),
    (b"\xef\xbb\xbf" + REPORT.encode("utf-8"), REPORT, "utf-8-sig"),  # the BOM is not part of the text
    (b"\xff\xfe" + REPORT.encode("utf-16-le"), REPORT, "utf-16-le"),
    (b"\xfe\xff" + REPORT.encode("utf-16-be"), REPORT, "utf-16-be"),
    (b"", "", "utf-8"),
    (b"plain ASCII 123", "plain ASCII 123", "utf-8"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), DECODED)
def test_decode(data, text, encoding):
    decoded, used, replaced = decode(data)
    assert decoded == text
    assert used == encoding
    assert replaced == 0


# Reports in a legacy Chinese encoding: long enough for the guess to be sure
LEGACY = [
    REPORT,
    "关于做好新冠肺炎疫情防控工作的通知\n各村（社区）：\n为切实做好疫情防控工作，镇党委决定成立工作专班，设立检查站5处。\n",
    "设立检查站5处，排查返乡人员86人。",
]


@pytest.mark.parametrize("text", LEGACY)
def test_decode_gbk(text):
    decoded, used, _ = decode(text.encode("gbk"))
    assert decoded == text
    assert used.replace("_", "").lower() in {"gbk", "gb18030", "gb2312", "cp936"}


@pytest.mark.parametrize("text", ["发放宣传资料3000余份", "镇村干部156名", "设立卡点12个"])
def test_decode_short_gbk(text):
    decoded, _, _ = decode(text.encode("gbk"))
    assert decoded == text


def test_decode_given_encoding():
    decoded, used, replaced = decode("设立卡点12个".encode("gbk"), "gbk")
    assert (decoded, used, replaced) == ("设立卡点12个", "gbk", 0)


def test_decode_unknown_encoding_is_load_error():
    with pytest.raises(LoadError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")


def test_decode_one_bad_byte_stays_utf8():
    data = REPORT.encode("utf-8")
    data = data[:9] + b"\xff" + data[9:]  # a stray byte between two characters
    decoded, used, replaced = decode(data)
    assert used == "utf-8"
    assert replaced == 1
    assert decoded == REPORT[:3] + "\ufffd" + REPORT[3:]


def test_decode_replacement_characters_already_in_text_are_not_counted():
    _, _, replaced = decode("来源\ufffd：镇政府".encode())
    assert replaced == 0


def test_decode_short_report_with_one_corrupted_character():
    text = REPORT * 3
    data = text.encode("utf-8")
    data = data[:10] + b"\xff" + data[10:]  # inside the fourth character
    decoded, used, _ = decode(data)
    assert used == "utf-8"
    assert decoded.endswith(text[-20:])


# Bytes that are not text: a LoadError (its binary subclass), never a decoded mess
BINARY = [
    b"ab\x00cd",
    "设立卡点".encode() + b"\x00\x00\x01",
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    b"PK\x03\x04\x14\x00\x06\x00",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff\xe0\x00\x10JFIF",
]


@pytest.mark.parametrize("data", BINARY)
def test_binary_is_load_error(data):
    with pytest.raises(BinaryFileError):
        load_bytes(data)
    assert issubclass(BinaryFileError, LoadError)


# (HTML original, plain text): tags out, block tags → line breaks, entities decoded, scripts dropped
HTML = [
    ("<p>设立卡点12个</p>", "\n设立卡点12个\n"),
    ("<P>设立卡点<BR>12个</P>", "\n设立卡点\n12个\n"),
    ("<div>发放&nbsp;宣传单</div>", "\n发放 宣传单\n"),
    ("<p>张贴&amp;悬挂</p>", "\n张贴&悬挂\n"),
    ("<p>&lt;通知&gt;</p>", "\n<通知>\n"),
    ("<p>&quot;四个全覆盖&quot;</p>", '\n"四个全覆盖"\n'),
    ("<p>&#20010;&#x4e2a;</p>", "\n个个\n"),
    ("<p>a&nbsp；b</p>", "\na b\n"),  # the entity closed with a full-width semicolon
    ("<span style='color:red'>23</span>个卡点", "23个卡点"),
    ("<script>var n = '12个';</script><p>正文</p>", "\n正文\n"),
    ("<style>p { color: red }</style><p>正文</p>", "\n正文\n"),
    ("<p>正文</p><script>var n = '12个';", "\n正文\n"),  # a script left open hides the rest, as in a browser
    ("<head><meta charset='gbk'><title>标题</title></head><p>正文</p>", "\n正文\n"),
    ("<!-- 隐藏50人 --><p>正文</p>", "\n正文\n"),
    ("<p>3<5 且 6>2</p>", "\n3<5 且 6>2\n"),  # a lone < is not a tag
    ("设立&nbsp;卡点", "设立 卡点"),  # no tags, but &nbsp; still decoded
    ("没有标记的文本 3<5", "没有标记的文本 3<5"),  # plain text is left as it is
    ("", ""),
]


@pytest.mark.parametrize(("original", "plain"), HTML)
def test_strip_html(original, plain):
    loaded = load_text(original)
    assert loaded.original == original
    assert loaded.plain.text == plain


# (HTML original, a plain-text substring, the original span it maps back to)
OFFSETS = [
    ("<p>设立卡点12个</p>", "设立卡点12个", "设立卡点12个"),
    ("<p>设立<b>卡点</b>12个</p>", "设立卡点12个", "设立<b>卡点</b>12个"),
    ("<div>发放&nbsp;宣传单3000份</div>", "发放 宣传单", "发放&nbsp;宣传单"),
    ("<div>发放&nbsp;宣传单3000份</div>", " ", "&nbsp;"),
    ("<div>发放&nbsp;宣传单3000份</div>", "3000份", "3000份"),
    ("<p>张贴&amp;悬挂横幅</p>", "&", "&amp;"),
    ("<p>甲</p><p>乙</p>", "乙", "乙"),
    ("<script>x=1</script><p>卡点5个</p>", "卡点5个", "卡点5个"),
]


@pytest.mark.parametrize(("original", "needle", "expected"), OFFSETS)
def test_plain_span_maps_back(original, needle, expected):
    loaded = load_text(original)
    start = loaded.plain.text.index(needle)
    begin, end = loaded.plain.original_span(start, start + len(needle))
    assert loaded.original[begin:end] == expected


def test_every_plain_character_maps_inside_the_original():
    original = (
        "<html><head><style>.a{}</style></head><body><h1>战疫情</h1>"
        "<p>全镇设立卡点&nbsp;23个&amp;检查站5处</p><!-- x --><br><p>发放传单3000份</p></body></html>"
    )
    plain = load_text(original).plain
    for index, char in enumerate(plain.text):
        start, end = plain.original_span(index, index + 1)
        assert 0 <= start < end <= len(original)
        source = original[start:end]
        if char not in " &\n":
            assert source == char  # copied text maps to itself
        elif char == "\n":
            assert source.startswith("<")  # a line break stands for a block tag


def test_load_bytes_keeps_encoding_and_original():
    data = b"\xef\xbb\xbf<p>" + "设立卡点12个".encode() + b"</p>"
    loaded = load_bytes(data)
    assert loaded.encoding == "utf-8-sig"
    assert loaded.original == "<p>设立卡点12个</p>"
    assert loaded.plain.text == "\n设立卡点12个\n"
    assert loaded.replaced == 0


def test_load_bytes_empty():
    loaded = load_bytes(b"")
    assert loaded.original == ""
    assert loaded.plain.text == ""
