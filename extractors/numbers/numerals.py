"""Numbers: a numeral as written (Arabic, Chinese or mixed) → its value. Knows nothing of metrics."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def chinese_to_int(numeral: str) -> int | None:
    """十三 → 13, 一百二十 → 120, 三千五百 → 3500, 两 → 2, 二〇二〇 → 2020; None if malformed."""
    if not numeral or any(c not in CHINESE_NUMERAL_CHARS for c in numeral):
        return None
    if all(c in _DIGITS for c in numeral) and (len(numeral) > 2 or any(_DIGITS[c] == 0 for c in numeral)):
        return int("".join(str(_DIGITS[c]) for c in numeral))  # digit by digit: 二〇二〇
    total = 0  # finished 亿/万 groups
    section = 0  # the group being read, below 万
    digit = None
    last_small = None
    last_big = None
    zero_seen = False  # 一百零五: after a zero the last digit counts in ones
    for char in numeral:
        if char in _DIGITS:
            if digit is not None and _DIGITS[char] != 0:
                return None  # two digits in a row: 三四 is a range, not a number
            zero_seen = zero_seen or _DIGITS[char] == 0
            digit = _DIGITS[char] if _DIGITS[char] != 0 else None
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if last_small is not None and unit >= last_small:
                return None
            section += (digit if digit is not None else 1) * unit
            digit = None
            last_small = unit
            zero_seen = False
        else:
            unit = _BIG_UNITS[char]
            section += digit or 0
            if section == 0 and total == 0:
                section = 1
            if total and unit > total:
                total = (total + section) * unit
            else:
                total += section * unit
            section, digit, last_small, zero_seen = 0, None, None, False
            last_big = unit
    if digit is not None:
        # 三千五 means 3500, 一万二 12000: a trailing digit counts in the next smaller unit
        smaller = last_small or last_big or 1
        section += digit * (smaller // 10 if smaller >= 100 and not zero_seen else 1)
    return total + section


def parse_number(numeral: str) -> float | None:
    """Any written number → its value: '95,159' → 95159, '3.1万' → 31000, '十三' → 13.

    Returns None where the text is not a number.
    """
    text = numeral.strip().replace(",", "").replace("，", "")
    if " " in text or "\u00a0" in text or "\u2009" in text or "\u202f" in text:
        text = "".join(text.split())  # 186 000: thousands set apart by a space
    if not text:
        return None
    head = text.rstrip("".join(_BIG_UNITS) + "千百十")
    tail = text[len(head):]
    if head and (head[0].isdigit()):
        try:
            value = Decimal(head)
        except InvalidOperation:
            return None
        if tail:
            multiplier = chinese_to_int("一" + tail) if tail[0] not in _BIG_UNITS else None
            if multiplier is None:
                multiplier = 1
                for char in tail:
                    factor = _BIG_UNITS.get(char) or _SMALL_UNITS.get(char)
                    if factor is None:
                        return None
                    multiplier *= factor
            value *= multiplier
        return _plain(value)
    value = chinese_to_int(text)
    return None if value is None else float(value)


def _plain(value: Decimal) -> float:
    return float(value)


def format_value(value: float | None) -> str:
    """A value written plainly: no exponent, integers without '.0' (31000, 0.5, 0.025)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
