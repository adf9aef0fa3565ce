"""Text tables: the rows of a table pasted as text read as clauses that name their columns.

A ledger or statistics table copied into a report (工作台账, 统计表) keeps its columns apart only by runs of blanks:

    村名      卡点数（个）  排查户数（户）
    杨柳村    3             684

Each number of a row counts what the header above its column names, so the gap before each number becomes a
clause break and the column's words, and the header's unit (卡点数（个）: 个) follows a bare number:

    杨柳村：卡点数3个，排查户数684户

A table copied one cell a line (from a PDF or a word processor: the header's cells on lines of their own, then for
each row its label and its values, a line each) reads the same, its rows joined into one line each.

The words and units written in belong to the gaps they replace (MappedText maps each to the gap's span), and the
numbers and row labels stay where they were: a fact's value and evidence still come from the original.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

import regex

from fangkong.text.textmap import MappedText

# Blanks: spaces, tabs and the ideographic space (read_tables runs after it is folded to a space, but also alone).
# A line where words or a number are followed by blanks and then a digit: a text without one (most reports) holds no
# table row, and is not split into lines at all. (re, not regex: one C-level scan of a plain pattern)
_ROW_HINT = re.compile(r"(?<=\S)[ \t\u3000]+\d")  # led by the blank: a scan led by \S is many times slower
_CELL = re.compile(r"[^ \t\u3000]+")
_GAP = re.compile(r"[ \t\u3000]+|$", re.MULTILINE)
# A gap, or a unit in brackets (a row label's, left out as the row is read: see _edit_row)
_GAP_OR_BRACKETS = re.compile(r"[ \t\u3000]+|$|[(（][^()（）\s]{1,4}[)）]", re.MULTILINE)
# A table copied cell by cell, one cell a line (from a PDF or a word processor) has lines that are one number. A text
# without one is not looked at for such tables.
_COLUMN_HINT = re.compile(r"\n[ \t\u3000]*\d[\d,.]*[ \t\u3000]*\n")
# Each line a cell: the newline between two cells of a row, and the end of a row's last cell.
_CELL_BREAK = re.compile(r"$|\n", re.MULTILINE)
# A value cell: a number, as written in tables (thousands commas, a decimal point, 万 or 亿, a percent sign), with the
# cell's own unit if it has one (500只); or a blank placeholder (— - / ／), which takes a column and says nothing.
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?[万亿]?%?")
_VALUE = re.compile(r"\d[\d,]*(?:\.\d+)?[万亿]?(?:%|[^\s\d]{1,4})?")
_PLACEHOLDER = re.compile(r"[-—–/／、]+|无")
# A cell naming a thing and its count (口罩500只): a value that brings its own unit.
_ITEM = regex.compile(r"""
    (?:[A-Za-z]{1,3}\d{1,3}  # a model before the goods' name: KN95口罩
    |\d{1,3}%  # a strength: 75%酒精
    |\d{2,3}(?![年月日号时点期周天次批轮组栋楼层]))?  # a name's number (84消毒液), not a date's (2月1日) or a place's
    \p{Han}{1,10}\d[\d,]*(?:\.\d+)?[万亿]?[^\s\d]{0,4}""", regex.VERBOSE)
# A header cell: words, the unit of the column in brackets at the end (排查户数（户）, 消杀面积(万平方米)).
# The words may hold asides in brackets of their own (排查来（返）柏人员, 村（社区）): a bracket at the end
# that holds no measure word is one of them.
_HEADER_CELL = regex.compile(r"""
    (?P<words>(?:[^()（）]|[(（][^()（）]{1,8}[)）])*?)  # words, with asides in brackets
    (?:[(（](?P<unit>[^()（）\d]{1,5})[)）])?  # the column's unit, in brackets at the end""", regex.VERBOSE)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# What never stands in a header: the marks of a sentence or of a key and its value.
_NOT_HEADER = re.compile(r"[。，,；;：:！？!?]")
# A line of rules drawn between a header and its rows (---- ═══ ───), or a blank line (an HTML table's rows are
# kept apart by them: each <tr> makes a line break).
_RULE_LINE = re.compile(r"[ \t\u3000]*(?:[-=─━═_—]{3,}[ \t\u3000]*)?")
# A header names at least HEADER_CELLS columns; a table has at least MIN_ROWS rows, or one row of MIN_VALUES values.
HEADER_CELLS = 2
MIN_ROWS = 2
MIN_VALUES = 2
# The rows above a hinted row looked through for its header, at most.
ROWS_UP = 60
# The two lines of a header stand at most HEADER_GAP lines apart (an HTML table's rows are kept apart by blank lines).
HEADER_GAP = 4
# A table copied one cell a line has at most COLUMNS_MAX columns, each header cell at most CELL_MAX characters.
COLUMNS_MAX = 8
CELL_MAX = 16


@lru_cache(maxsize=1)
def _measure_words() -> dict:
    """data/measure_words.toml as read, once."""
    return tomllib.loads(resources.files("fangkong.data").joinpath("measure_words.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    """The measure words of data/measure_words.toml, with 万 and 亿 before them (万平方米, 万元): what a table's
    column of units holds."""
    words = {word for listed in _measure_words()["classes"].values() for word in listed}
    return frozenset(words | {big + word for word in words for big in "万亿"})


@lru_cache(maxsize=1)
def _column_units() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(unit, the activities a column counts in it) of data/measure_words.toml's [column_units] (人次: 采样 …)."""
    return tuple((unit, tuple(words)) for unit, words in _measure_words().get("column_units", {}).items())


def _cells(line: str, start: int) -> list[tuple[int, int, str]]:
    """The cells of a line as (start, end, text), positions in the text. A line of tab-separated cells (an HTML table's
    row) keeps its empty cells, as ("", at the tab): each holds a column. Other lines split at runs of blanks."""
    if "\t" not in line.strip(" \u3000\t"):
        return [(match.start() + start, match.end() + start, match.group()) for match in _CELL.finditer(line)]
    cells = []
    position = start
    pieces = line.split("\t")
    if not pieces[0].strip():  # the tab of a row's first cell opens the line
        position += len(pieces[0]) + 1
        pieces = pieces[1:]
    for piece in pieces:
        text = piece.strip(" \u3000")
        offset = position + (piece.find(text) if text else 0)
        cells.append((offset, offset + len(text), text))
        position += len(piece) + 1
    return cells


def _header(line: str) -> list[tuple[str, str]] | None:
    """A header line's columns as (words, unit), or None where the line is no header. One cell may make a header:
    the second line of one, under a cell that spans columns (a table of one column needs HEADER_CELLS)."""
    if _NOT_HEADER.search(line):
        return None
    cells = [cell for _, _, cell in _cells(line, 0) if cell]
    if not cells:
        return None
    columns = []
    for cell in cells:
        column = _column(cell)
        if column is None or _VALUE.fullmatch(cell) or _counted_value(cell):
            return None
        columns.append(column)
    return columns


def _counted_value(cell: str) -> bool:
    """True where a cell opens with a number and its measure word (327人（其中省外103人）): a value with an aside, no
    header's words."""
    number = _NUMBER.match(cell)
    return number is not None and any(cell.startswith(unit, number.end()) for unit in _units())


def _column(cell: str) -> tuple[str, str] | None:
    """A header cell as (words, unit): the unit in brackets at its end if a measure word stands there, else ""; None
    where the cell is no header cell (no Han character in its words, or brackets that do not pair)."""
    match = _HEADER_CELL.fullmatch(cell)
    if match is None:
        return None
    words, unit = match["words"], match["unit"] or ""
    if unit and unit not in _units():
        words, unit = cell, ""  # 村（社区）: an aside, part of the words
    return (words, unit) if _HAN.search(words) else None


def _two_line_header(lines: list[tuple[int, str]], index: int, header: list[tuple[str, str]],
                     values: int) -> list[tuple[str, str]]:
    """The header of the rows under line `index`: that line's, or, where the line above is a header too whose cell
    with no unit spans this one's cells (乡镇 广播宣传 宣传车（辆次） over 大喇叭（个） 播放（次）), the two read as
    one with `values` value columns."""
    above = index - 1
    while above >= 0 and _RULE_LINE.fullmatch(lines[above][1]) and index - above <= HEADER_GAP:
        above -= 1
    upper = _header(lines[above][1]) if above >= 0 and index - above <= HEADER_GAP else None
    if upper is None or len(upper) < HEADER_CELLS or len(header) >= values:
        return header
    return _spanned(upper, header, values) or header


def _spanned(upper: list[tuple[str, str]], lower: list[tuple[str, str]], values: int) -> list[tuple[str, str]] | None:
    """The columns of a header of two lines, the upper one's cell with no unit spanning the lower one's cells (劝返 over
    车辆（辆） and 人员（人）: 劝返车辆, 劝返人员), where that makes `values` columns after the label's; else None."""
    for at, (words, unit) in enumerate(upper):
        if at == 0 or unit:
            continue
        columns = upper[1:at] + [(words + sub_words, sub_unit) for sub_words, sub_unit in lower] + upper[at + 1:]
        if len(columns) == values:
            return [upper[0], *columns]
    return None


def _row(line: str, start: int) -> list[tuple[int, int, bool | None]] | None:
    """A row's value cells as (start, end, a bare number), after its label cells; None where the line is no row.

    A row is an optional index number, then one or more label cells (words), then one or more value cells. A row of
    tab-separated cells (an HTML table's) may end in cells of words (a person in charge, a remark): each is kept as
    (start, end, None), a column no number is read in."""
    cells = _cells(line, start)
    at = 0
    if len(cells) > 2 and cells[0][2].isdigit() and len(cells[0][2]) <= 3 and _HAN.search(cells[1][2]):
        at = 1  # an index number: 1　桃源社区　3　1126
    labels = at
    while labels < len(cells) and _HAN.search(cells[labels][2]) and not (
            _VALUE.fullmatch(cells[labels][2]) or _ITEM.fullmatch(cells[labels][2])):
        labels += 1
    if any(not cell for _, _, cell in cells[:labels]):
        return None
    values = cells[labels:]
    if labels == at or not values:
        return None
    found: list[tuple[int, int, bool | None]] = []
    trailing = False
    tabbed = "\t" in line.strip(" \u3000\t")
    for begin, end, cell in values:
        if (not trailing or tabbed) and (_VALUE.fullmatch(cell) or _ITEM.fullmatch(cell)):
            found.append((begin, end, bool(_NUMBER.fullmatch(cell))))
        elif not cell or _PLACEHOLDER.fullmatch(cell):
            found.append((begin, end, False if not trailing else None))  # an empty cell holds its column
        elif tabbed and found and _HAN.search(cell) and not _NUMBER.search(cell):
            trailing = True
            found.append((begin, end, None))
        elif tabbed and found:
            found.append((begin, end, None))  # a column of times or remarks between (7:00—22:00, 含国道G207卡口)
        else:
            return None
    if all(kind is None or e == b or _PLACEHOLDER.fullmatch(line[b - start:e - start]) for b, e, kind in found):
        return None
    return found


def _lines(text: str) -> list[tuple[int, str]]:
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    return lines


def _table_edits(text: str) -> dict[tuple[int, int], str]:
    """What each gap of each table row of `text` becomes: {(start, end) of the gap, or (end, end) of the row: text}.

    Only the lines a row hint falls in are asked whether a header stands above them: most lines of a report are
    prose, and asking each of them cost a quarter of normalize."""
    edits: dict[tuple[int, int], str] = {}
    lines = _lines(text)
    starts = [start for start, _ in lines]
    hinted = sorted({bisect_right(starts, match.start()) - 1 for match in _ROW_HINT.finditer(text)})
    done = -1  # the last line of the last table found
    for row_line in hinted:
        if row_line <= done:
            continue
        # up over the rows above (a row may hold no hint: 某公司　口罩500只) and rule lines, to the header
        index = row_line - 1
        while index >= 0 and row_line - index <= ROWS_UP and (
                _RULE_LINE.fullmatch(lines[index][1]) or _row(lines[index][1], lines[index][0]) is not None):
            index -= 1
        header = _header(lines[index][1]) if index >= 0 else None
        if header is None:
            continue
        rows = []
        at = index + 1
        while at < len(lines) and _RULE_LINE.fullmatch(lines[at][1]):
            at += 1
        while at < len(lines) and (cells := _row(lines[at][1], lines[at][0])) is not None:
            rows.append((lines[at][0], lines[at][1], cells))
            at += 1
            while at < len(lines) and _RULE_LINE.fullmatch(lines[at][1]):
                at += 1
        if rows:
            header = _two_line_header(lines, index, header, max(len(cells) for _, _, cells in rows))
        if header is None or len(header) < HEADER_CELLS:
            continue
        if declared := _units_declared_above(lines, index):
            header = _in_declared_units(header, declared)
        kept = next((n for n, (_, _, cells) in enumerate(rows) if len(cells) > len(header)), len(rows))
        if kept < len(rows):  # a row of more values than the header has columns ends the table
            rows = rows[:kept]
            at = bisect_right(starts, rows[-1][0]) + 1 if rows else index + 1
        if not any(kind is not None and _VALUE.fullmatch(text, begin, end)
                   for _, _, cells in rows for begin, end, kind in cells):
            continue  # rows of named things only (口罩500只) read as a list under its lead, not as a table
        if len(rows) >= MIN_ROWS or (rows and len(rows[0][2]) >= MIN_VALUES):
            for start, line, cells in rows:
                _edit_row(text, start, line, cells, header[len(header) - len(cells):], edits)
            done = at - 1
    return edits


def _in_declared_units(header: list[tuple[str, str]], declared: tuple[str, ...]) -> list[tuple[str, str]]:
    """The columns of `header`, those of no unit of their own in the unit a line above the table declares (单位：人); of
    several (单位：户、人), the one their words name (排查户数), or the one their activity is counted in (核酸采样:
    人次, see [column_units]), else that of the nearest column before that names one, for a table declares its units
    in the order its columns use them, else the first. Where the line declares one unit for each column after the
    first (单位：辆次、人次、人 over 检查站 查验车辆 测温登记 劝返) and no column names its own, each takes its own, in
    order."""
    longest_first = sorted(declared, key=len, reverse=True)  # 人次 is named where 人 is only part of it
    counted_in = [(unit, words) for unit, words in _column_units() if unit in declared]
    named_by_words = [unit or next((each for each in longest_first if each in words), "") or _counted_in(
        words, counted_in) for words, unit in header]
    if len(declared) >= 2 and len(declared) == len(header) - 1 and not any(unit for _, unit in header) and all(
            not named or named == unit for named, unit in zip(named_by_words[1:], declared, strict=True)):
        # (in order, unless a column's words name another unit of the line: then the line lists them in another order)
        return [header[0], *((words, unit) for (words, _), unit in zip(header[1:], declared, strict=True))]
    columns = []
    named = declared[0]
    for (words, _), unit in zip(header, named_by_words, strict=True):
        named = unit if unit in declared else named
        columns.append((words, unit or named))
    return columns


def _counted_in(words: str, counted_in: list[tuple[str, tuple[str, ...]]]) -> str:
    """The unit the column's words are counted in ([column_units]), by the word of them that stands last: compounds
    are head-final, so 查验车辆 counts vehicles (辆次), not checks (人次); "" where none stands."""
    best, best_end = "", -1
    for unit, activities in counted_in:
        for activity in activities:
            end = words.rfind(activity)
            if end >= 0 and end + len(activity) > best_end:
                best, best_end = unit, end + len(activity)
    return best


# How many lines above a table's header a line declaring its unit may stand (单位：人, then a line of prose)
UNIT_LINE_UP = 6


def _units_declared_above(lines: list[tuple[int, str]], header: int) -> tuple[str, ...]:
    """The units a line at most UNIT_LINE_UP lines above the header line declares (单位：人, 单位：户、人), if each is a
    measure word; () otherwise."""
    return next((units for _, line in reversed(lines[max(0, header - UNIT_LINE_UP):header])
                 if (units := _declared_units(line))), ())


def _unit_cell(text: str, line_start: int, first_value: int) -> tuple[int, int] | None:
    """The span of the cell right before a row's first value where it holds only a unit (a table's column of units:
    环境消杀　万平方米　86.5), else None."""
    before = text[line_start:first_value].rstrip(" \t\u3000")
    cell = _CELL.findall(before)
    if not cell or cell[-1] not in _units() or len(cell) < 2:
        return None
    return len(before) - len(cell[-1]) + line_start, len(before) + line_start


def _edit_row(text: str, start: int, line: str, cells: list[tuple[int, int, bool]],
              columns: list[tuple[str, str]], edits: dict[tuple[int, int], str]) -> None:
    """Write into `edits` the clause breaks, column words and units of one row whose value cells are `cells` (right-
    aligned to `columns`). A row whose unit stands in a cell of its own before its value (环境消杀　万平方米　86.5)
    reads with the unit in brackets, as a heading writes it: 环境消杀（万平方米）：86.5; with several values, each
    takes that unit (入户排查，户：本周1260户，累计9874户). So does a unit in brackets ending the row's label, in a
    table of one count a row (项目 当日 累计, then 设立卡点（个） 2 146), read with its brackets left out, as a heading
    names its count: 设立卡点：当日2个，累计146个."""
    gaps = [match.span() for match in _GAP.finditer(text, start, start + len(line)) if match.start() > start]
    unit_cell = _unit_cell(text, start, cells[0][0]) if cells else None
    if unit_cell is not None and len(cells) == 1:
        for gap_start, gap_end in gaps:
            if gap_end == unit_cell[0]:
                edits[(gap_start, gap_end)] = "（"
            elif gap_start == unit_cell[1]:
                edits[(gap_start, gap_end)] = "）："
        return
    # a unit cell before several values (入户排查	户	1260	9874, under 项目 单位 本周 累计) is the unit of each
    row_unit = text[unit_cell[0]:unit_cell[1]] if unit_cell is not None else ""
    row_end = ""
    if unit_cell is None and (label_unit := _label_unit(text, start, cells)) is not None:
        row_unit, brackets = label_unit
        edits[brackets] = ""
        row_end = "。"  # each row its own statement: the next row's label counts another thing, no item of a list
    unit_after: dict[int, str] = {end: unit or row_unit for (_, end, bare), (_, unit)
                                  in zip(cells, columns, strict=True) if bare and (unit or row_unit)}
    words_before = {begin: words for (begin, _, bare), (words, _) in zip(cells, columns, strict=True)
                    if bare is not None}
    for gap_start, gap_end in gaps:
        unit = unit_after.get(gap_start, "")
        if gap_end == start + len(line):  # the row's end: the last cell's unit, if any
            if unit or row_end:
                edits[(gap_start, gap_end)] = unit + row_end
                row_end = ""  # (a blank, then the line's end: two gaps end there)
            continue
        words = words_before.get(gap_end)
        if unit_cell is not None and gap_end == unit_cell[0]:
            edits[(gap_start, gap_end)] = "（"  # the unit cell in brackets after the label: 入户排查（户）：本周1260户
            continue
        # the row's label ends at its first value: 杨柳村：卡点数3个 (the label names the row, segment.line_label)
        mark = "：" if gap_end == cells[0][0] else "，"
        if unit_cell is not None and gap_start == unit_cell[1]:
            mark = "）"
        edits[(gap_start, gap_end)] = unit + mark + (words or "")


def _label_unit(text: str, line_start: int,
                cells: list[tuple[int, int, bool | None]]) -> tuple[str, tuple[int, int]] | None:
    """The measure word in brackets that ends a row's label (设立卡点（个）, 检查车辆(辆次)) and the span of the
    brackets, or None."""
    label = list(_CELL.finditer(text, line_start, cells[0][0])) if cells else []
    column = _column(label[-1].group()) if label else None
    if column is None or not column[1]:
        return None
    end = label[-1].end()
    return column[1], (end - len(column[1]) - 2, end)


def _header_cell(line: str) -> tuple[str, str] | None:
    """A line that is one header cell (卡点数（个）) as (words, unit), or None."""
    cell = line.strip()
    if not cell or len(cell) > CELL_MAX or _NOT_HEADER.search(cell) or _VALUE.fullmatch(cell):
        return None
    if _CELL.fullmatch(cell) is None:
        return None
    return _column(cell)


def _value_line(line: str) -> bool | None:
    """A line that is one value cell: True for a bare number, False for a value with its own unit or a placeholder;
    None for any other line."""
    cell = line.strip()
    if _NUMBER.fullmatch(cell):
        return True
    if _VALUE.fullmatch(cell) or _ITEM.fullmatch(cell) or _PLACEHOLDER.fullmatch(cell):
        return False
    return None


def _label_line(line: str) -> bool:
    cell = line.strip()
    return bool(cell) and len(cell) <= CELL_MAX and bool(_HAN.search(cell)) and _value_line(cell) is None and not (
        _NOT_HEADER.search(cell))


def _column_edits(text: str) -> dict[tuple[int, int], str]:
    """The edits (as _table_edits gives them) of the tables of `text` copied one cell a line: a header of N cells
    on N lines, then rows of a label line and N - 1 value lines, at least MIN_ROWS of them."""
    edits: dict[tuple[int, int], str] = {}
    lines = _lines(text)
    index = 0
    while index < len(lines):
        found = None
        for width in range(HEADER_CELLS, COLUMNS_MAX + 1):
            header = [_header_cell(line) for _, line in lines[index:index + width]]
            if len(header) < width or None in header:
                break
            rows = _column_rows(lines, index + width, width)
            if len(rows) >= MIN_ROWS:
                found = (header, rows)
                break
        if found is None:
            index += 1
            continue
        header, rows = found
        for row in rows:
            for at, ((start, line), (_, unit)) in enumerate(zip(lines[row:row + len(header)], header, strict=True)):
                end = start + len(line)
                bare = at > 0 and _value_line(line) is True
                last = at == len(header) - 1
                if last:
                    if bare and unit:
                        edits[(end, end)] = unit
                    continue
                following = header[at + 1][0]
                edits[(end, end + 1)] = (unit if bare else "") + ("：" if at == 0 else "，") + following
        index = rows[-1] + len(header)
    return edits


def _column_rows(lines: list[tuple[int, str]], first: int, width: int) -> list[int]:
    """Where each row starts, from line `first` on, of a table copied one cell a line with `width` columns."""
    rows = []
    at = first
    while at + width <= len(lines) and _label_line(lines[at][1]) and all(
            _value_line(line) is not None for _, line in lines[at + 1:at + width]):
        rows.append(at)
        at += width
    return rows


# A Markdown table, as online documents copy out (| 村名 | 卡点（个） |, under its header a line of | --- |, or of
# | :-- | --: | where a column is aligned: any run of hyphens, a colon at either end), or a
# table whose cells bars alone keep apart (村（社区）｜设卡点（个）｜排查户数（户）, at least two bars a line): its bars
# are the gaps between cells, an empty cell a placeholder, its rule line a blank line.
_PIPE_ROW = regex.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$|^[^\n|]+\|[^\n|]*\|[^\n]*$", regex.MULTILINE)
_PIPE_RULE = regex.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$", regex.MULTILINE)
_PIPE = regex.compile(r"\|(?P<empty>[ \t]*)(?=\|)|\|")
MIN_PIPE_ROWS = 2


def _span_holding(spans: list[tuple[int, int]], starts: list[int], position: int) -> int | None:
    """The index of the span of `spans` (sorted, not overlapping; `starts` their starts) that holds `position`."""
    at = bisect_right(starts, position) - 1
    return at if at >= 0 and position < spans[at][1] else None


def _pipes_as_gaps(text: MappedText) -> MappedText:
    """`text` with the bars of its Markdown tables read as gaps between cells (see _PIPE_ROW)."""
    rows = [match.span() for match in _PIPE_ROW.finditer(text.text)]
    if len(rows) < MIN_PIPE_ROWS:
        return text
    text = text.rewrite(_PIPE_RULE, lambda match: "")
    rows = [match.span() for match in _PIPE_ROW.finditer(text.text)]
    starts = [start for start, _ in rows]

    def gap(match: regex.Match) -> str | None:
        at = _span_holding(rows, starts, match.start())
        if at is None:
            return None  # a bar in prose
        row = text.text[rows[at][0]:rows[at][1]]
        if match.start() == rows[at][0] + len(row) - len(row.lstrip(" \t")):
            return ""  # the bar that opens the row
        if match.start() == rows[at][1] - 1 - (len(row) - len(row.rstrip(" \t"))):
            return ""  # the bar that closes it
        return "\t—" if match.group("empty") is not None else "\t"
    return text.rewrite(_PIPE, gap)


# A table pasted as comma-separated values (组别,返乡人数（人）,落地核酸检测（人）): a header of words and at least two
# rows with as many commas, each holding a bare number. (The text is half-width by then: prose has commas too.)
_COMMA = regex.compile(",")
MIN_CSV_COMMAS = 2


def _csv_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of `text` that make comma-separated tables (see _COMMA)."""
    lines = _lines(text)
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, line = lines[index]
        commas = line.count(",")
        if commas < MIN_CSV_COMMAS or "。" in line or _header(line.replace(",", "\t")) is None:
            index += 1
            continue
        rows = index + 1
        while (rows < len(lines) and lines[rows][1].count(",") == commas and "。" not in lines[rows][1]
               and any(_NUMBER.fullmatch(cell.strip()) for cell in lines[rows][1].split(","))):
            rows += 1
        if rows - index - 1 >= MIN_ROWS:
            found += [(begin, begin + len(row)) for begin, row in lines[index:rows]]
        index = max(rows, index + 1)
    return found


def _commas_as_gaps(text: MappedText) -> MappedText:
    """`text` with the commas of its comma-separated tables read as gaps between cells."""
    spans = _csv_lines(text.text)
    if not spans:
        return text
    starts = [start for start, _ in spans]

    def gap(match: regex.Match) -> str | None:
        return "\t" if _span_holding(spans, starts, match.start()) is not None else None
    return text.rewrite(_COMMA, gap)


# A list whose unit a line above declares (各支部缴纳情况（单位：元）：), then rows of a label and a bare number kept
# apart by a comma, a tab or blanks (机关支部,12600): each row reads as its label, a colon, the number and the unit.
_DECLARED_UNITS = regex.compile(r"""单位\s*[:：]\s*
    (?P<unit>[^\s()（）:：,，。;；、\d]{1,4})(?:、(?P<unit>[^\s()（）:：,，。;；、\d]{1,4}))*  # 人, or 户、人
    \s*[)）]?\s*[:：]?\s*$""", regex.VERBOSE)
# (an item's mark may open the row: 1．华兴控股集团有限公司　300000.00)
_LABELLED_NUMBER = regex.compile(r"[ \t\u3000]*(?:\d{1,3}[.、．)）][ \t\u3000]*)?"
                                 r"(?P<label>[^\s,，:：。;；\d][^\s,，:：。;；]{0,15})"
                                 r"(?P<gap>[ \t\u3000]*,[ \t\u3000]*|[ \t\u3000]+)"
                                 r"(?P<number>\d[\d,]*(?:\.\d+)?)[ \t\u3000]*")
_GAP_OR_COMMA = regex.compile(r"[ \t\u3000]*,[ \t\u3000]*|[ \t\u3000]+|$", regex.MULTILINE)
# A row of several columns under such a line: a label, then numbers kept apart by tabs or blanks
# (捐赠资金	386,200.00	2,514,633.40	97,500.00): each number reads as an item of a list in the declared unit.
# (a serial number may open the row: 1	联社本部	9.85	6.10, under 序号	单位	捐款金额 …)
_LABELLED_NUMBERS = regex.compile(r"[ \t\u3000]*(?:\d{1,3}(?:[.、．)）][ \t\u3000]*|[ \t\u3000]+))?"
                                  r"(?P<label>[^\s,，:：。;；\d][^\s,，:：。;；]{0,15})"
                                  r"(?:[ \t\u3000]+\d[\d,]*(?:\.\d+)?){2,}[ \t\u3000]*")
_NUMBER_IN_ROW = regex.compile(r"(?P<gap>[ \t\u3000]+)(?P<number>\d[\d,]*(?:\.\d+)?)")
# Lines that may stand between such rows: a header of columns or a heading of a section, no sentence and no figure
# of its own in the declared unit (项目	1月	2月	累计; 一、收入)
_BETWEEN_ROWS = regex.compile(r"[^。;；\n]{0,40}")
BETWEEN_ROWS_MAX = 3


def _declared_units(line: str) -> tuple[str, ...]:
    """The measure words a line declares its table's columns to be in (单位：户、人), or ()."""
    declared = _DECLARED_UNITS.search(line)
    if declared is None or not all(unit in _units() for unit in declared.captures("unit")):
        return ()
    return tuple(declared.captures("unit"))


def _declared_unit(line: str) -> str | None:
    """The one measure word a line declares its table's unit to be (单位：人), or None (none, or several)."""
    units = _declared_units(line)
    return units[0] if len(units) == 1 else None


def _declared_unit_edits(text: str) -> dict[tuple[int, int], str]:
    """What each gap of the rows under a line declaring their unit becomes (see _DECLARED_UNITS)."""
    edits: dict[tuple[int, int], str] = {}
    lines = _lines(text)
    for index, (_, line) in enumerate(lines):
        if (unit := _declared_unit(line)) is None:
            continue
        rows = []
        at = index + 1
        while at < len(lines):
            if not lines[at][1].strip():
                at += 1  # (blank lines may stand before the rows and between them: pages space them out)
                continue
            if (row := _LABELLED_NUMBER.fullmatch(lines[at][1])) is None:
                break
            rows.append((lines[at][0], row))
            at += 1
        if len(rows) < MIN_ROWS:
            edits.update(_columns_in_declared_unit(lines, index + 1, unit))
            continue
        for start, row in rows:
            if not _HAN.search(row["label"]):
                break
            edits[(start + row.start("gap"), start + row.end("gap"))] = "："
            edits[(start + row.end(), start + row.end())] = unit
    return edits


def _columns_in_declared_unit(lines: list[tuple[int, str]], first: int, unit: str) -> dict[tuple[int, int], str]:
    """The edits of rows of several columns under a line declaring their unit, from line `first` on: each row's
    first gap a colon, the gaps between its numbers the unit and 、, the unit after the last number. Headers and
    section headings may stand between the rows (BETWEEN_ROWS_MAX in a row at most); a line of prose ends the
    table."""
    edits: dict[tuple[int, int], str] = {}
    rows = 0
    between = 0
    for start, line in lines[first:]:
        if _LABELLED_NUMBERS.fullmatch(line) is not None and _HAN.search(line):
            between = 0
            rows += 1
            # (the unit of a number goes in the gap after it, or at the line's end: where the rewrite finds a gap)
            for position, found in enumerate(_NUMBER_IN_ROW.finditer(line)):
                edits[(start + found.start("gap"), start + found.end("gap"))] = "：" if position == 0 else unit + "、"
            end = start + len(line.rstrip(" \t\u3000"))
            edits[(end, start + len(line))] = unit
        elif between < BETWEEN_ROWS_MAX and (not line.strip() or _BETWEEN_ROWS.fullmatch(line)):
            between += 1
        else:
            break
    return edits if rows >= MIN_ROWS else {}


def read_tables(text: MappedText) -> MappedText:
    """The text with each row of each text table read as clauses naming their columns (see the module); other texts
    come back as they are."""
    if "\n" not in text.text:
        return text
    if "|" in text.text:
        text = _pipes_as_gaps(text)
    if ",\n" in text.text or text.text.count(",") >= MIN_CSV_COMMAS * (MIN_ROWS + 1):
        text = _commas_as_gaps(text)
    if _ROW_HINT.search(text.text) and (edits := _table_edits(text.text)):
        text = text.rewrite(_GAP_OR_BRACKETS, lambda match: edits.get(match.span()))
    if _COLUMN_HINT.search(text.text) and (edits := _column_edits(text.text)):
        text = text.rewrite(_CELL_BREAK, lambda match: edits.get(match.span()))
    if "单位" in text.text and (edits := _declared_unit_edits(text.text)):
        text = text.rewrite(_GAP_OR_COMMA, lambda match: edits.get(match.span()))
    return text
