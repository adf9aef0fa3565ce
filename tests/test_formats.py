"""Every output format, read back: the same facts as the library's frame, numbers as numbers, a summary where due."""

from __future__ import annotations

import itertools
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.facts.record import COLUMNS, DTYPES, Fact, to_frame
from fangkong.output.formats import FORMATS, SUFFIXES, column_kinds, format_for, open_writer
from fangkong.output.summary import summarize
from fangkong.output.writers import spreadsheet_safe, to_csv_text

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is not installed")
pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
HOSTILE = ROOT / "fixtures" / "hostile"
KINDS = column_kinds(DTYPES)
NUMBERS = [c for c in COLUMNS if KINDS[c] in ("int", "float")]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def expected() -> pd.DataFrame:
    return fangkong.extract_paths([REPORTS, HOSTILE], include_other=True)


def cells(frame: pd.DataFrame, *, guarded: bool = False) -> list[tuple]:
    """Rows as plain values to compare across formats: text '' where missing, floats, ints, None for no number."""
    out = []
    for row in frame[list(COLUMNS)].itertuples(index=False, name=None):
        plain = []
        for column, value in zip(COLUMNS, row, strict=True):
            missing = value is None or value is pd.NA or (isinstance(value, float) and value != value)
            if KINDS[column] == "text":
                text = "" if missing else str(value)
                plain.append(spreadsheet_safe(text) if guarded else text)
            elif KINDS[column] == "float":
                plain.append(None if missing else float(value))
            else:
                plain.append(int(value))
        out.append(tuple(plain))
    return out


def write(tmp_path: Path, suffix: str, *extra: str) -> Path:
    out = tmp_path / f"facts{suffix}"
    result = run("extract", REPORTS, HOSTILE, "--include-other", "-o", out, *extra)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left
    return out


TEXT = {c: str for c in COLUMNS if KINDS[c] == "text"}


def read_back(path: Path, format: str) -> pd.DataFrame:
    if format == "csv":
        return pd.read_csv(path, dtype=TEXT, keep_default_na=False, na_values={c: [""] for c in NUMBERS})
    if format == "tsv":
        return pd.read_csv(path, sep="\t", dtype=TEXT, keep_default_na=False, na_values={c: [""] for c in NUMBERS})
    if format == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if format == "parquet":
        return pd.read_parquet(path)
    if format == "xlsx":
        return pd.read_excel(path, sheet_name="facts", dtype=TEXT, keep_default_na=False,
                             na_values={c: [""] for c in NUMBERS})
    with sqlite3.connect(path) as db:
        return pd.read_sql_query("SELECT * FROM facts", db)


@pytest.mark.parametrize("format", FORMATS)
def test_each_format_round_trips_through_pandas(format, expected, tmp_path):
    suffix = next(s for s, f in SUFFIXES.items() if f == format)
    back = read_back(write(tmp_path, suffix), format)
    assert list(back.columns) == list(COLUMNS)
    assert len(expected) > 60
    assert cells(back) == cells(expected, guarded=format == "xlsx")


def test_csv_file_is_the_csv_of_the_frame(expected, tmp_path):
    assert write(tmp_path, ".csv").read_text("utf-8") == to_csv_text(expected)


def test_jsonl_is_one_object_per_line_with_numbers_and_nulls(expected, tmp_path):
    lines = write(tmp_path, ".jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(expected)
    first = json.loads(lines[0])
    assert list(first) == list(COLUMNS)
    assert type(first["start"]) is int and first["value_high"] is None
    assert all(isinstance(json.loads(line)["value"], int | float) for line in lines)
    assert "\\u" not in "".join(lines)  # Chinese is written as itself


def test_xlsx_numbers_are_numbers_and_text_is_inert(tmp_path):
    book = openpyxl.load_workbook(write(tmp_path, ".xlsx"))
    assert book.sheetnames == ["facts", "summary"]
    sheet = book["facts"]
    header = [c.value for c in sheet[1]]
    assert header == list(COLUMNS)
    rows = list(sheet.iter_rows(min_row=2))
    assert rows
    for row in rows:
        for column, cell in zip(header, row, strict=True):
            if column in ("value", "start", "end") or (column == "value_high" and cell.value is not None):
                assert cell.data_type == "n" and isinstance(cell.value, int | float), (column, cell.value)
            assert cell.data_type != "f"  # nothing is a formula, not even the report's "=HYPERLINK(…)"
    titles = {row[header.index("title")].value for row in rows}
    assert any(t and t.startswith("'=HYPERLINK") for t in titles)
    assert sheet.freeze_panes == "A2"  # the header stays in view
    widths = {column: sheet.column_dimensions[chr(ord("A") + i)].width for i, column in enumerate(header)}
    assert widths["evidence"] > widths["start"]


def test_sqlite_columns_are_typed(tmp_path):
    with sqlite3.connect(write(tmp_path, ".sqlite")) as db:
        declared = {name: kind for _, name, kind, *_ in db.execute("PRAGMA table_info(facts)")}
        assert declared["value"] == "REAL" and declared["start"] == declared["end"] == "INTEGER"
        assert declared["doc"] == "TEXT"
        types = dict(db.execute("SELECT 'value', group_concat(DISTINCT typeof(value)) FROM facts UNION ALL "
                                "SELECT 'start', group_concat(DISTINCT typeof(start)) FROM facts UNION ALL "
                                "SELECT 'value_high', group_concat(DISTINCT typeof(value_high)) FROM facts"))
        assert types["value"] == "real" and types["start"] == "integer"
        assert set(types["value_high"].split(",")) <= {"real", "null"}
        total = db.execute("SELECT sum(value) FROM facts WHERE metric = 'checkpoints'").fetchone()[0]
        assert total > 0  # a sum a client can take
        indexes = {row[1] for row in db.execute("PRAGMA index_list(facts)")}
        assert {"facts_doc", "facts_metric"} <= indexes


@pytest.mark.parametrize("format", ["xlsx", "sqlite"])
def test_summary_is_the_wide_summary_of_the_facts(format, expected, tmp_path):
    path = write(tmp_path, f".{format}")
    want = summarize(expected)
    if format == "xlsx":
        got = pd.read_excel(path, sheet_name="summary", dtype={c: str for c in ("doc", "title", "published")})
        types = {cell.data_type for row in openpyxl.load_workbook(path)["summary"].iter_rows(min_row=2)
                 for cell in row[4:] if cell.value is not None}
        assert types == {"n", "b"}  # sums are numbers, _over flags booleans
    else:
        with sqlite3.connect(path) as db:
            got = pd.read_sql_query("SELECT * FROM summary", db)
    assert list(got.columns) == list(want.columns)
    assert list(got["doc"]) == list(want["doc"])
    metrics = [c for c in want.columns[4:] if not c.endswith("_over")]
    assert metrics
    for metric in metrics:
        assert got[metric].astype(float).fillna(-1).tolist() == want[metric].fillna(-1).tolist(), metric
        assert got[f"{metric}_over"].astype(bool).tolist() == want[f"{metric}_over"].tolist(), metric


@pytest.mark.parametrize("format", FORMATS)
def test_no_facts_still_gives_a_readable_file(format, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / f"out.{format}"
    assert run("extract", tmp_path / "in", "-o", out, "--format", format).exit_code == 0
    back = read_back(out, format) if format != "jsonl" else None
    if format == "jsonl":
        assert out.read_bytes() == b""
    else:
        assert list(back.columns) == list(COLUMNS) and len(back) == 0


def test_writers_follow_the_frames_columns_and_dtypes(tmp_path):
    """A frame with other columns (as later columns will come) is written by its dtypes, no list to update."""
    frame = pd.DataFrame({"doc": pd.array(["a", "b"], dtype="string"), "n": pd.array([1, 2], dtype="int64"),
                          "share": [0.5, float("nan")], "flag": [True, False]})
    with open_writer("sqlite", tmp_path / "x.sqlite", columns=frame.columns, dtypes=frame.dtypes) as writer:
        writer.write_frame(frame)
    with sqlite3.connect(tmp_path / "x.sqlite") as db:
        declared = [(name, kind) for _, name, kind, *_ in db.execute("PRAGMA table_info(facts)")]
        assert declared == [("doc", "TEXT"), ("n", "INTEGER"), ("share", "REAL"), ("flag", "INTEGER")]
        assert db.execute("SELECT * FROM facts").fetchall() == [("a", 1, 0.5, 1), ("b", 2, None, 0)]
        assert not db.execute("SELECT name FROM sqlite_master WHERE name = 'summary'").fetchall()  # no metric column
    with open_writer("csv", tmp_path / "x.csv", columns=frame.columns, dtypes=frame.dtypes, excel=True) as writer:
        writer.write_frame(frame.assign(doc=["=1+1", "b"]))
    assert (tmp_path / "x.csv").read_text("utf-8") == "\ufeffdoc,n,share,flag\n'=1+1,1,0.5,True\nb,2,,False\n"


def fact(**changes) -> Fact:
    base = dict(doc="a.txt", metric="volunteers", value=30.0, value_high=None, unit="名", qualifier="exact",
                evidence="志愿者30名", start=0, end=6, sentence="志愿者30名", section=None, title="标题",
                published=None, source=None, rule="volunteers.count")
    return Fact(**{**base, **changes})


def test_xlsx_cells_hold_what_xml_cannot_and_what_is_too_long(tmp_path):
    with open_writer("xlsx", tmp_path / "x.xlsx") as writer:
        writer.write_facts([fact(title="控制\x01字符", sentence="长" * 40_000)])
    row = [c.value for c in openpyxl.load_workbook(tmp_path / "x.xlsx")["facts"][2]]
    assert row[COLUMNS.index("title")] == "控制\ufffd字符"
    assert len(row[COLUMNS.index("sentence")]) == 32_767


def test_xlsx_goes_on_to_a_second_sheet_past_a_sheets_rows(tmp_path, monkeypatch):
    monkeypatch.setattr("fangkong.output.xlsx.XLSX_MAX_ROWS", 3)
    with open_writer("xlsx", tmp_path / "x.xlsx") as writer:
        writer.write_facts([fact(start=i, end=i + 6) for i in range(5)])
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert book.sheetnames == ["facts", "facts_2", "facts_3", "summary"]
    starts = [row[COLUMNS.index("start")] for name in book.sheetnames[:3]
              for row in book[name].iter_rows(min_row=2, values_only=True)]
    assert starts == [0, 1, 2, 3, 4]
    assert book["summary"]["E2"].value == 150  # the summary sums all five


@pytest.mark.parametrize("format", ["parquet", "sqlite"])
def test_chunks_end_between_docs_so_the_summary_counts_each_doc_once(format, tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    monkeypatch.setattr("fangkong.output.fact_writer.CHUNK_ROWS", 3)
    facts = [fact(doc=f"d{i // 2}.txt", start=i, end=i + 6) for i in range(10)]  # five docs of two facts
    with open_writer(format, tmp_path / "x") as writer:
        for one in facts:
            writer.write_facts([one])  # a fact at a time: a chunk fills up in the middle of a doc
    if format == "parquet":
        groups = pq.ParquetFile(tmp_path / "x")
        docs = [set(groups.read_row_group(i).column("doc").to_pylist()) for i in range(groups.num_row_groups)]
        assert len(docs) > 1 and sum(len(d) for d in docs) == 5  # no doc in two row groups
        assert pd.read_parquet(tmp_path / "x")["start"].tolist() == list(range(10))
    else:
        with sqlite3.connect(tmp_path / "x") as db:
            assert db.execute("SELECT doc, volunteers FROM summary").fetchall() == [
                (f"d{i}.txt", 60.0) for i in range(5)]


def test_write_all_takes_a_stream_doc_by_doc(tmp_path):
    (tmp_path / "a.txt").write_text("设立卡点5个，志愿者30名。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("发放宣传单200份。", encoding="utf-8")
    with open_writer("csv", tmp_path / "out.csv") as writer:
        writer.write_all(fangkong.iter_facts([tmp_path / "a.txt", tmp_path / "b.txt"]))
    assert (tmp_path / "out.csv").read_text("utf-8") == to_csv_text(
        fangkong.extract_paths([tmp_path / "a.txt", tmp_path / "b.txt"]))


@pytest.mark.parametrize(("path", "given", "format"), [
    ("facts.csv", None, "csv"), ("facts.TSV", None, "tsv"), ("facts.jsonl", None, "jsonl"),
    ("facts.ndjson", None, "jsonl"), ("facts.parquet", None, "parquet"), ("facts.xlsx", None, "xlsx"),
    ("facts.sqlite", None, "sqlite"), ("facts.db", None, "sqlite"), ("facts.txt", None, "csv"),
    (None, None, "csv"), ("-", None, "csv"), ("facts.csv", "jsonl", "jsonl"),
])
def test_format_from_option_then_suffix(path, given, format):
    assert format_for(path, given) == format


def test_suffix_picks_the_format_and_the_option_wins(tmp_path):
    assert run("extract", REPORTS, "-o", tmp_path / "a.tsv").exit_code == 0
    assert (tmp_path / "a.tsv").read_text("utf-8").startswith("doc\tmetric\tvalue\t")
    assert run("extract", REPORTS, "-o", tmp_path / "a.csv", "--format", "jsonl").exit_code == 0
    assert json.loads((tmp_path / "a.csv").read_text("utf-8").splitlines()[0])["doc"]


@pytest.mark.parametrize("format", ["parquet", "xlsx", "sqlite"])
def test_binary_formats_go_to_a_pipe_whole(format, expected, tmp_path, monkeypatch):
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    result = CliRunner().invoke(cli, ["extract", str(REPORTS), str(HOSTILE), "--include-other", "-f", format])
    assert result.exit_code == 0, result.output
    path = tmp_path / f"piped.{format}"
    path.write_bytes(result.stdout_bytes)
    assert cells(read_back(path, format)) == cells(expected, guarded=format == "xlsx")
    assert list(spool.iterdir()) == []  # the spool is removed


def test_stream_formats_go_to_stdout(expected):
    lines = run("extract", REPORTS, HOSTILE, "--include-other", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["evidence"] for line in lines] == list(expected["evidence"])
    tsv = run("extract", REPORTS, "--format", "tsv", "--excel").stdout
    assert tsv.startswith("\ufeffdoc\tmetric\t")


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xml"], "'xml' is not one of"),
    (["--format", "jsonl", "--excel"], "--excel is for csv and tsv"),
    (["-o", "x.sqlite", "--excel"], "--excel is for csv and tsv"),
])
def test_format_usage_errors_exit_2(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", REPORTS, *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("format", "module", "extra"), [
    ("parquet", "pyarrow", "parquet"), ("xlsx", "openpyxl", "xlsx"),
])
def test_a_missing_extra_is_one_clear_line(format, module, extra, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, module, None)  # import now fails as if not installed
    result = run("extract", REPORTS, "-o", tmp_path / f"x.{format}")
    assert result.exit_code == 1
    assert result.stderr == f"fangkong: error: {format} output needs {module}: pip install 'fangkong[{extra}]'\n"
    assert list(tmp_path.iterdir()) == []


def test_frame_writer_and_fact_writer_agree(expected, tmp_path):
    facts = list(fangkong.iter_facts([REPORTS, HOSTILE], include_other=True))
    with open_writer("jsonl", tmp_path / "a.jsonl") as writer:
        writer.write_facts(facts)
    with open_writer("jsonl", tmp_path / "b.jsonl") as writer:
        writer.write_frame(to_frame(facts))
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert len((tmp_path / "a.jsonl").read_bytes().splitlines()) == len(expected)


@pytest.mark.parametrize("format", FORMATS)
def test_an_interrupted_run_leaves_the_previous_file_of_any_format(format, tmp_path, monkeypatch):
    from fangkong.run.pipeline import extract_reports

    out = tmp_path / f"facts.{format}"
    out.write_text("previous run\n", encoding="utf-8")

    def interrupted(reports, **options):
        yield from extract_reports(itertools.islice(reports, 2), **options)  # some facts are written, then Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr("fangkong.cli.main.extract_reports", interrupted)
    result = run("extract", REPORTS, "-o", out)
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == f"fangkong: error: interrupted; {out} left as it was"
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


CELLS = [  # (row, floats, guard) → the CSV cells
    ((None, pd.NA, float("nan"), "a", 3), (False, False, True, False, False), (False,) * 5, ["", "", "", "a", "3"]),
    ((31000.0, 0.025, None, 2.5), (True, True, True, False), (False,) * 4, ["31000", "0.025", "", "2.5"]),
    (("=1+1", "-x", 5.0, "plain"), (False, False, True, False), (True, False, True, True),
     ["'=1+1", "-x", "5", "plain"]),
]


@pytest.mark.parametrize("row, floats, guard, expected", CELLS)
def test_csv_cells_leave_missing_cells_empty_write_floats_plainly_and_guard_only_the_guarded(row, floats, guard,
                                                                                            expected):
    from fangkong.output.writers import csv_cells

    assert list(csv_cells([row], floats, guard)) == [expected]


def test_a_fact_writer_of_one_column_writes_that_column(tmp_path):
    fact = Fact("d.txt", "m", 1.0, None, "人", "exact", "1人", 0, 2, "1人", None, None, None, None, "r")
    with open_writer("csv", tmp_path / "one.csv", columns=["doc"]) as writer:
        writer.write_facts([fact])
    assert (tmp_path / "one.csv").read_text("utf-8") == "doc\nd.txt\n"
