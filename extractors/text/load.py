"""Load: bytes → decoded original text → plain text with HTML removed (offsets kept)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import regex

from fangkong.text.textmap import MappedText


class LoadError(Exception):
    """A report that cannot be read or decoded; the message is the reason."""


@dataclass(frozen=True)
class Loaded:
    """A decoded report: `original` is what offsets refer to; `plain` is it without markup."""

    original: str
    plain: MappedText
    encoding: str
    replaced: int = 0


# A UTF-8 file with damaged spots (a download cut mid-character) stays UTF-8 while it has at least this
# many intact non-ASCII characters per damaged spot; text in another encoding has next to none.
UTF8_INTACT_PER_DAMAGE = 10
_DAMAGED_SPOT = regex.compile("\ufffd+")

# Magic numbers of common binary formats whose first bytes carry no NUL (they are skipped, not decoded).
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")


class BinaryFileError(LoadError):
    """Bytes that are not text at all (an image, an archive); such a file is skipped, not failed."""


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, int]:
    """Decode report bytes; return (text, encoding name, count of replaced characters).

    With `encoding`, that codec is used and undecodable bytes are replaced. Otherwise: a BOM
    (UTF-8, UTF-16 LE/BE) decides; then valid UTF-8 (the fast path); then UTF-8 with a few bad
    bytes replaced; then charset-normalizer's best guess (GB18030/GBK, Big5, …).
    Raises LoadError for an unknown encoding and BinaryFileError where the bytes are not text.
    """
    if encoding:
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError as error:
            raise LoadError(f"unknown encoding {encoding!r}") from error
        return _strip_bom(text), encoding, _replaced(text, data)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return text, codec + ("-sig" if codec == "utf-8" else ""), _replaced(text, data)
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise BinaryFileError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if _mostly_utf8(text):
        return text, "utf-8", _replaced(text, data)
    try:
        # Every byte valid GB2312, the commonest legacy encoding: too short a text fools the guesser
        # below (设立卡点12个 reads as Korean), and Big5 or mojibake almost never passes.
        return data.decode("gb2312"), "gb2312", 0
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        if _mostly_utf8(text, intact_per_damage=1):  # a short UTF-8 text that lost a byte or two
            return text, "utf-8", _replaced(text, data)
        raise BinaryFileError("not text in any known encoding")
    try:
        return _strip_bom(data.decode(best.encoding)), best.encoding, 0
    except (UnicodeDecodeError, LookupError):
        text = data.decode(best.encoding, errors="replace")
        return _strip_bom(text), best.encoding, _replaced(text, data)


def _mostly_utf8(text: str, intact_per_damage: int = UTF8_INTACT_PER_DAMAGE) -> bool:
    """True where `text` (decoded as UTF-8 with replacement) has enough intact non-ASCII characters per damaged spot."""
    damaged = sum(1 for _ in _DAMAGED_SPOT.finditer(text))
    intact = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return intact >= intact_per_damage * damaged


def _replaced(text: str, data: bytes) -> int:
    """Replacement characters the decoder added (those already in the bytes as U+FFFD do not count)."""
    return text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


_LOOKS_LIKE_HTML = regex.compile(
    r"<(?:p|br|div|span|h[1-6]|font|td|tr|table|li|ul|html|body|a|img|xmp|strong|b|script|style)\b[^>]*>"
    r"|</[a-z]+\s*>", regex.I
)

_HTML_PIECES = regex.compile(
    r"""
    (?P<drop><(script|style|head|title)\b[^>]*>.*?</\2\s*>)   # whole blocks whose text is not prose
  | (?P<unclosed><(?:script|style)\b[^>]*>.*)                 # left open: a browser shows nothing after it
  | (?P<comment><!--.*?-->)                                  # comments
  | (?P<block></?(?:p|br|div|h[1-6]|li|tr|table|section|article|ul|ol|blockquote|xmp)\b[^>]*>)  # line breaks
  | (?P<cell><t[dh]\b[^>]*>)                                 # a table cell opens: a tab keeps it from the one before
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
    if kind == "cell":
        return "\t"
    return ""


_ROW_OR_TABLE = regex.compile(r"</?(?:tr|table)\b", regex.IGNORECASE)
_CELL_CLOSE = regex.compile(r"</t[dh]\s*>", regex.IGNORECASE)
_CELL_END = regex.compile(r"</?t[dhr]\b|</?table\b", regex.IGNORECASE)
_ANY_TAG = regex.compile(r"<[^<>]*>")
SHORT_CELL = 60  # characters of a cell's text, tags out: a longer one is a page laid out in a table, not a datum


class _CellAwareReplacement:
    """_html_replacement, except that a block tag inside a short table cell (<td><p>3</p></td>, 柳塘<br>村) becomes
    nothing, keeping the cell on its row and whole (a blank would split it in two columns). A long cell is a page laid
    out in a table: its paragraphs stay lines."""

    def __init__(self) -> None:
        self.in_short_cell = False

    def __call__(self, match: regex.Match) -> str:
        kind = match.lastgroup
        if kind == "cell":
            end = _CELL_END.search(match.string, match.end())
            content = match.string[match.end():end.start() if end else len(match.string)]
            self.in_short_cell = len(_ANY_TAG.sub("", content).strip()) <= SHORT_CELL
        elif kind == "block" and _ROW_OR_TABLE.match(match.group()):
            self.in_short_cell = False
        elif kind == "tag" and _CELL_CLOSE.match(match.group()):
            self.in_short_cell = False
        elif kind == "block" and self.in_short_cell:
            return ""
        return _html_replacement(match)


def strip_html(text: MappedText) -> MappedText:
    """Remove tags, scripts and comments; turn block tags into line breaks and table cells into tabs (a table reads as a
    text table: 桃源村 3 1126, not 桃源村31126), and decode entities. A block tag inside a cell keeps the row whole."""
    if not _LOOKS_LIKE_HTML.search(text.text) and "&nbsp" not in text.text:
        return text
    return text.rewrite(_HTML_PIECES, _CellAwareReplacement())


def load_bytes(data: bytes, encoding: str | None = None) -> Loaded:
    """Bytes of one report → Loaded (decoded original and its plain text)."""
    original, used, replaced = decode(data, encoding)
    return load_text(original, used, replaced)


def load_text(original: str, encoding: str = "str", replaced: int = 0) -> Loaded:
    """An already decoded report → Loaded."""
    return Loaded(original, strip_html(MappedText.identity(original)), encoding, replaced)


class ExtractError(Exception):
    """A report that could not be extracted; `path` names it and the message says why.

    `skipped` is true where the file is not a report at all (binary bytes): a warning, not a failure.
    """

    def __init__(self, path: str, reason: str, skipped: bool = False):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.skipped = skipped


def replaced_warning(loaded: Loaded) -> str | None:
    """The one-line warning for a report whose undecodable bytes were replaced, else None."""
    if not loaded.replaced:
        return None
    noun = "byte sequence" if loaded.replaced == 1 else "byte sequences"
    return f"{loaded.replaced} undecodable {noun} replaced with U+FFFD (decoded as {loaded.encoding})"


@dataclass(frozen=True)
class Report:
    """A report: where it is, the doc name its facts carry, and its bytes where they came another way (stdin)."""

    path: Path
    doc: str
    data: bytes | None = None
    unreadable: OSError | None = None  # a folder that could not be listed: reported like a file that can't be read

