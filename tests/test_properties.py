"""Properties that hold for any input: extraction never raises, evidence is the original text, runs repeat.

Also: every integer written in Chinese (cn2an) or as a decimal of 万/亿 parses back to itself.
"""

from decimal import Decimal

import cn2an
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import fangkong
from fangkong.numbers.numerals import chinese_to_int, parse_number
from fangkong.numbers.quantities import find_quantities
from fangkong.rules.model import METRICS
from fangkong.text.load import LoadError, load_bytes, load_text
from fangkong.text.normalize import normalize
from fangkong.text.textmap import MappedText

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces real reports are made of, and the debris scraped pages carry
FRAGMENTS = [
    "设立卡点", "志愿者", "捐款", "发放宣传资料", "排查返乡人员", "劝返", "居家隔离", "消杀面积", "党员",
    "网格员", "张贴海报", "悬挂横幅", "检查车辆", "核酸检测", "接种疫苗", "复工企业", "工作专班", "临时党支部",
    "余", "多", "万", "亿", "约", "近", "不足", "超过", "以上", "左右", "上万", "至", "-", "第", "数",
    "个", "人", "名", "份", "条", "元", "户", "辆次", "人次", "平方米", "吨", "斤", "块钱",
    "23", "3.1", "1,200", "４,５６２", "１２", "0", "95%", "2022年3月5日", "8时30分", "24小时",
    "十三", "两百", "三四", "五六十", "一千二百", "二〇二〇",
    "，", "。", "；", "：", "、", "！", "\n", "\n\n", " ", "　", "  ", "……",
    "網(wǎng)", "個(gè)", "(diǎn)", "（zhèn）", "？cè）", "\ufffd", "?",
    "<p>", "</p>", "<br>", "<br/>", "<div class='a'>", "</div>", "&nbsp;", "&amp;", "&lt;", "&#20010;",
    "<script>var n=12;</script>", "<style>p{}</style>", "<!--", "-->", "<b>", "</b>", "<",  ">",
    "一、", "（二）", "一是", "来源：", "设为首页", "ICP备", "电话：", "“", "”", "123456工作法", "9+8+24",
    "發放", "志願者", "檢查點",
]
CHARACTERS = "0123456789零〇一二两三四五六七八九十百千万亿余多约近个人名份元()（）<>&;/#.,，。 \n\tabcxyzāǎ網点"

# A number with its qualifier and measure word, so that most texts hold a few quantities
quantity_phrase = st.tuples(
    st.sampled_from(["", "", "约", "近", "超过", "逾", "不到", "共", "累计"]),
    st.one_of(
        st.integers(min_value=0, max_value=10**7).map(str),
        st.sampled_from(
            ["3.1万", "14.5万", "1,200", "１２", "十三", "两", "两百", "三四", "五六十", "上万", "4至5", "4-5"]
        ),
    ),
    st.sampled_from(["", "", "余", "多"]),
    st.sampled_from(["个", "人", "名", "份", "条", "元", "万元", "户", "辆次", "人次", "平方米", "吨", "斤", "处"]),
    st.sampled_from(["", "", "以上", "左右"]),
).map("".join)

report_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS), quantity_phrase, st.text(alphabet=CHARACTERS, max_size=6), st.text(max_size=3)
    ),
    max_size=40,
).map("".join)

QUALIFIERS = {"exact", "over", "approx", "under"}


def _check_frame(frame: pd.DataFrame, original: str) -> None:
    assert list(frame.columns) == list(fangkong.COLUMNS)
    for row in frame.itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(original)
        assert original[row.start:row.end] == row.evidence
        assert row.metric in METRICS or row.metric == "other"
        assert row.qualifier in QUALIFIERS
        assert row.value > 0
        assert pd.isna(row.value_high) or row.value_high > row.value


@SETTINGS
@given(report_text)
@example("¥0")  # found by hypothesis: a sign of money before a zero made a quantity of value 0
def test_extract_text_never_raises_and_evidence_is_original(text):
    frame = fangkong.extract_text(text, doc="r.txt", include_other=True)
    _check_frame(frame, text)
    again = fangkong.extract_text(text, doc="r.txt", include_other=True)
    pd.testing.assert_frame_equal(frame, again)


@SETTINGS
@given(report_text, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_extract_bytes_of_encoded_text(text, encoding):
    data = text.encode(encoding)
    try:
        frame = fangkong.extract_bytes(data, doc="r.txt", include_other=True)
    except LoadError:
        return  # e.g. a text with NUL in it, or a guess that finds no text
    original = load_bytes(data).original
    _check_frame(frame, original)
    pd.testing.assert_frame_equal(frame, fangkong.extract_bytes(data, doc="r.txt", include_other=True))


@SETTINGS
@given(st.binary(max_size=300))
def test_extract_random_bytes(data):
    try:
        frame = fangkong.extract_bytes(data, doc="r.bin", include_other=True)
    except LoadError:
        return  # binary input may be refused, but only with a LoadError
    _check_frame(frame, load_bytes(data).original)


@SETTINGS
@given(report_text)
def test_normalized_text_maps_inside_the_original(text):
    plain = load_text(text).plain
    mapped = normalize(plain)
    previous = 0
    for index in range(len(mapped.text)):
        start, end = mapped.original_span(index, index + 1)
        assert 0 <= start < end <= len(text)
        assert start >= previous  # the map keeps the order of characters
        previous = start


@SETTINGS
@given(report_text)
def test_quantity_spans_are_consistent(text):
    normalized = normalize(MappedText.identity(text)).text
    for quantity in find_quantities(normalized):
        assert quantity.start <= quantity.number_start < quantity.number_end <= quantity.unit_start
        assert quantity.unit_start <= quantity.unit_end <= quantity.end
        if quantity.unit_start == quantity.unit_end:  # an implied unit (捐款35万: 元): no span, after the number
            assert quantity.unit_start == quantity.number_end == quantity.end
        else:
            assert normalized[quantity.unit_start:quantity.unit_end] == quantity.unit
        assert quantity.value > 0
        assert quantity.qualifier in QUALIFIERS


# ---- numbers written out parse back ----

integers = st.one_of(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=10**5),
    st.sampled_from([10**k for k in range(13)] + [10**k + 1 for k in range(13)] + [10010, 100000001, 20020]),
)


@SETTINGS
@given(integers)
def test_cn2an_lower_case_parses_back(n):
    written = cn2an.an2cn(n)
    assert chinese_to_int(written) == n
    assert parse_number(written) == n


@SETTINGS
@given(integers)
def test_cn2an_financial_form_parses_back(n):
    # the parser knows the 大写 digits and units (壹 贰 … 拾 佰 仟), so 大写 amounts are in scope
    written = cn2an.an2cn(n, "up")
    assert chinese_to_int(written) == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separated_parses_back(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


def _decimal_of(n: int, unit: int) -> str:
    text = format(Decimal(n) / Decimal(unit), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@SETTINGS
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_decimal_of_wan_and_yi_parses_back(n, unit):
    word, size = unit
    written = _decimal_of(n, size) + word  # 31000 → 3.1万, 150000000 → 1.5亿
    assert parse_number(written) == n


@pytest.mark.parametrize(("n", "written"),
                         [(31000, "3.1万"), (145000, "14.5万"), (150000000, "1.5亿"), (5, "0.0005万")])
def test_decimal_of_helper(n, written):
    assert _decimal_of(n, 10**8 if written.endswith("亿") else 10**4) + written[-1] == written


@SETTINGS
@given(st.integers(min_value=2, max_value=10**12))  # a lone 一 is an article (一个), not a count
def test_cn2an_numeral_in_a_sentence_is_found_whole(n):
    # the longest lower-case numerals below 10^12 run to 23 characters (九千九百九十九亿…)
    text = f"爱心人士捐款{cn2an.an2cn(n)}元。"
    assert [q.value for q in find_quantities(text, 0, len(text))] == [n]


@SETTINGS
@given(st.integers(min_value=10, max_value=10**12))  # two characters or more: a lone 伍 is the end of 队伍
def test_cn2an_financial_numeral_in_a_sentence_is_found_whole(n):
    text = f"爱心人士捐款{cn2an.an2cn(n, 'up')}元。"
    assert [q.value for q in find_quantities(text, 0, len(text))] == [n]


@SETTINGS
@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=1, max_value=99))
def test_cn2an_decimal_numeral_in_a_sentence_is_read(whole, hundredths):
    # 十二点五万元: a Chinese decimal before 万, written by cn2an, reads as cn2an reads it
    number = float(f"{whole}.{hundredths:02d}".rstrip("0"))
    written = cn2an.an2cn(number)
    text = f"募集善款{written}万元。"
    assert [q.value for q in find_quantities(text, 0, len(text))] == [round(cn2an.cn2an(written, "smart") * 10_000, 6)]
