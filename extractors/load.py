"""Load: bytes → decoded original text → plain text with HTML removed (offsets kept)."""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from .textmap import MappedText


class LoadError(Exception):
    """A report that cannot be read or decoded; the message is the reason."""


@dataclass(frozen=True)
class Loaded:
    """A decoded report: `original` is what offsets refer to; `plain` is it without markup."""

    original: str
    plain: MappedText
    encoding: str
    replaced: int = 0


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, int]:
    """Decode report bytes; return (text, encoding name, count of replaced bytes).

    UTF-8 (with or without BOM) is tried first; other encodings are detected.
    Raises LoadError where the bytes are not text.
    """
    if encoding:
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError as error:
            raise LoadError(f"unknown encoding {encoding!r}") from error
        return _strip_bom(text), encoding, text.count("\ufffd")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", 0
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("not text in any known encoding")
    return _strip_bom(str(best)), best.encoding, 0


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


_LOOKS_LIKE_HTML = regex.compile(r"<(?:p|br|div|span|h[1-6]|font|td|tr|table|li|ul|html|body|a|img|xmp|strong|b)\b[^>]*>|</[a-z]+\s*>", regex.I)

_HTML_PIECES = regex.compile(
    r"""
    (?P<drop><(script|style|head|title)\b[^>]*>.*?</\2\s*>)   # whole blocks whose text is not prose
  | (?P<comment><!--.*?-->)                                  # comments
  | (?P<block></?(?:p|br|div|h[1-6]|li|tr|table|section|article|ul|ol|blockquote|xmp)\b[^>]*>)  # line breaks
  | (?P<tag></?[a-zA-Z][^<>]*>)                              # any other tag: nothing
  | (?P<entity>&(?:[a-zA-Z]{2,8}|\#\d{1,7}|\#x[0-9a-fA-F]{1,6})[;；]?)  # entities (even with a full-width ;)
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)


def _html_replacement(match: regex.Match) -> str:
    kind = match.lastgroup
    if kind == "entity":
        entity = match.group()
        if entity.endswith("；"):
            entity = entity[:-1] + ";"
        decoded = html.unescape(entity if entity.endswith(";") else entity + ";")
        if decoded == entity or len(decoded) != 1:
            return match.group()
        return " " if decoded == "\xa0" else decoded
    if kind == "block":
        return "\n"
    return ""


def strip_html(text: MappedText) -> MappedText:
    """Remove tags, scripts and comments; turn block tags into line breaks and decode entities."""
    if not _LOOKS_LIKE_HTML.search(text.text) and "&nbsp" not in text.text:
        return text
    return text.rewrite(_HTML_PIECES, _html_replacement)


def load_bytes(data: bytes, encoding: str | None = None) -> Loaded:
    """Bytes of one report → Loaded (decoded original and its plain text)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("binary file (NUL bytes)")
    original, used, replaced = decode(data, encoding)
    return load_text(original, used, replaced)


def load_text(original: str, encoding: str = "str", replaced: int = 0) -> Loaded:
    """An already decoded report → Loaded."""
    return Loaded(original, strip_html(MappedText.identity(original)), encoding, replaced)
