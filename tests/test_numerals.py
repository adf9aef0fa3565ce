"""Numerals: Chinese, Arabic and mixed written numbers → values, and values written back plainly."""

import pytest

from fangkong.numbers.numerals import chinese_to_int, format_value, parse_number

# (Chinese numeral, its value) — each value worked out by hand from the characters
CHINESE = [
    ("一", 1),
    ("两", 2),
    ("十", 10),
    ("一十", 10),
    ("十三", 13),
    ("二十", 20),
    ("四十七", 47),
    ("一百", 100),
    ("一百二十", 120),
    ("一百零五", 105),
    ("两百", 200),
    ("三千五百", 3500),
    ("三千五", 3500),  # a trailing digit counts in the next smaller unit
    ("两百五", 250),
    ("一千零一十", 1010),
    ("一千零五十", 1050),
    ("一千零五", 1005),
    ("两千零二十", 2020),
    ("一万", 10000),
    ("两万", 20000),
    ("一万零五", 10005),
    ("一万零五百", 10500),
    ("十万", 100000),
    ("二十万", 200000),
    ("十万零五", 100005),
    ("五十万零三", 500003),
    ("一百万", 1000000),
    ("三亿五千万", 350000000),
    ("一亿零一百", 100000100),
    ("一万亿", 1000000000000),
    # digit by digit, as years and codes are written
    ("二〇二〇", 2020),
    ("二零二二", 2022),
    ("一〇", 10),
    ("零", 0),
    ("〇", 0),
    # financial (大写) forms
    ("壹拾贰", 12),
    ("贰佰叁拾", 230),
    ("伍仟", 5000),
    # traditional big units
    ("三萬", 30000),
    ("五億", 500000000),
]


@pytest.mark.parametrize(("numeral", "expected"), CHINESE)
def test_chinese_to_int(numeral, expected):
    assert chinese_to_int(numeral) == expected


# Like 三千五 → 3500, a digit right after 万/亿 counts in the next smaller unit; after a 零 it counts in ones
TRAILING_DIGIT_AFTER_BIG_UNIT = [
    ("一万二", 12000),
    ("三万五", 35000),
    ("两亿三", 230000000),
    ("一亿五", 150000000),
    ("十万五", 105000),
    ("一万零二", 10002),  # near misses: a zero or a written unit keeps the plain reading
    ("一万二千", 12000),
    ("一亿零五", 100000005),
    ("一万二千三", 12300),
]


@pytest.mark.parametrize(("numeral", "expected"), TRAILING_DIGIT_AFTER_BIG_UNIT)
def test_chinese_to_int_trailing_digit_after_big_unit(numeral, expected):
    assert chinese_to_int(numeral) == expected
    assert parse_number(numeral) == expected


# Strings that are not one Chinese number
NOT_CHINESE = [
    "",
    "三四",  # two neighbouring digits are a range (三四个), not a number
    "五六十",
    "十十",
    "百百",
    "五十十",
    "十三a",
    "13",
    "三点五",
    "第一",
]


@pytest.mark.parametrize("numeral", NOT_CHINESE)
def test_chinese_to_int_rejects(numeral):
    assert chinese_to_int(numeral) is None


# (written number, its value): Arabic, with separators, mixed with 万/亿/千, and Chinese
MIXED = [
    ("3", 3),
    ("47", 47),
    ("0.5", 0.5),
    ("12.6", 12.6),
    ("1,200", 1200),
    ("95,159", 95159),
    ("4,562", 4562),
    ("1,234,567", 1234567),
    ("1，200", 1200),  # a full-width comma as thousands separator
    ("3.1万", 31000),
    ("14.5万", 145000),
    ("12.6万", 126000),
    ("2.3万", 23000),
    ("1.5亿", 150000000),
    ("3200万", 32000000),
    ("1.2万亿", 1200000000000),
    ("3千", 3000),
    ("2百万", 2000000),
    ("3.5千万", 35000000),
    ("10万", 100000),
    (" 86 ", 86),
    ("十三", 13),
    ("两千", 2000),
    ("三千五百", 3500),
]


@pytest.mark.parametrize(("written", "expected"), MIXED)
def test_parse_number(written, expected):
    value = parse_number(written)
    assert value is not None
    assert value == pytest.approx(expected, rel=0, abs=1e-9)


def test_parse_number_is_exact_for_decimal_wan():
    # 0.1 + 0.2 style float error must not creep in: 14.3万 is exactly 143000
    assert parse_number("14.3万") == 143000
    assert parse_number("0.7万") == 7000
    assert parse_number("1.15亿") == 115000000


NOT_NUMBERS = [
    "",
    "   ",
    "abc",
    "3.1.2万",
    "3万a",
    "-5",
    "三四",
    "万a",
    "12个",
    "3x万",
    ",",
]


@pytest.mark.parametrize("written", NOT_NUMBERS)
def test_parse_number_rejects(written):
    assert parse_number(written) is None


# (value, how it is written in the CSV)
FORMATTED = [
    (31000.0, "31000"),
    (31000, "31000"),
    (0.5, "0.5"),
    (0.25, "0.25"),
    (0.025, "0.025"),
    (12.6, "12.6"),
    (1.5e11, "150000000000"),
    (1.2e12, "1200000000000"),
    (1e-7, "0.0000001"),
    (2.5e-5, "0.000025"),
    (0.0, "0"),
    (None, ""),
]


@pytest.mark.parametrize(("value", "expected"), FORMATTED)
def test_format_value(value, expected):
    assert format_value(value) == expected


@pytest.mark.parametrize("value", [1.5e11, 3.2e7, 1e-7, 123456.789, 0.1 + 0.2])
def test_format_value_has_no_exponent_and_reads_back(value):
    text = format_value(value)
    assert "e" not in text.lower()
    assert float(text) == pytest.approx(value, rel=1e-12)
