"""`fangkong gaps`: the unclaimed quantities by measure word and head noun, adding up to the `other` rows."""

import csv
import io

import pytest
from click.testing import CliRunner

from fangkong.cli.main import cli
from fangkong.gaps import Gap, counted_head, gaps

REPORTS = "fixtures/reports"


@pytest.mark.parametrize(("text", "number", "head"), [
    ("全区设置26个核酸小屋。", "26个", "核酸"),        # an unknown word: its first two characters
    ("全区设置26个核酸检测点。", "26个", "核酸检测点"),  # a site of the response, a place of the lexicon: whole
    ("辖区内15个社区全部封闭。", "15个", "社区"),          # a lexicon word after the measure word
    ("组织志愿者120名参与。", "120名", "志愿者"),          # nothing nominal after: the label before
    ("共排查返乡人员86人。", "86人", "人员"),          # the head of a compound is its last part
    ("参与人数达120人。", "120人", "人数"),              # 达 only leads up to the number
    ("坚守岗位3天，共1267户。", "1267户", ""),           # nothing before or after
    ("设置12个临时采样点。", "12个", "临时"),
])
def test_the_head_of_what_a_number_counts(text, number, head):
    start = text.index(number)
    assert counted_head(text, start, start + len(number)) == head


def test_groups_are_counted_and_ordered_most_frequent_first():
    found = gaps([("个", "社区", "a: 1"), ("名", "教师", "b: 2"), ("个", "社区", "c: 3"), ("个", "社区", "d: 4")])
    assert found == [Gap("个", "社区", 3, "a: 1", "c: 3"), Gap("名", "教师", 1, "b: 2", "")]


def test_the_counts_add_up_to_the_other_rows_of_extract_include_other():
    runner = CliRunner()
    result = runner.invoke(cli, ["gaps", REPORTS])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["unit", "head", "count", "example_1", "example_2"]
    counts = [int(row["count"]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    extracted = runner.invoke(cli, ["extract", REPORTS, "--include-other"])
    others = [row for row in csv.DictReader(io.StringIO(extracted.output)) if row["metric"] == "other"]
    assert sum(counts) == len(others) > 0
    assert all(row["example_1"].split(": ", 1)[0] in {o["doc"] for o in others} for row in rows)


def test_a_rule_pack_claims_its_quantities_so_they_leave_the_gaps(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("全区设置26个核酸小屋，劝导群众40人。", encoding="utf-8")
    pack = tmp_path / "sites.toml"
    pack.write_text('[[rule]]\nid = "sites.set_up"\nmetric = "testing_sites"\nunits = ["count"]\n'
                    'triggers = ["核酸小屋"]\n', encoding="utf-8")
    runner = CliRunner()
    before = runner.invoke(cli, ["gaps", str(report)]).output
    after = runner.invoke(cli, ["gaps", str(report), "--rules", str(pack)]).output
    assert "个,核酸,1," in before
    assert "核酸" not in after


def test_an_unreadable_report_is_one_error_line_and_exit_1(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("设置26个核酸小屋。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = CliRunner().invoke(cli, ["gaps", str(tmp_path)])
    assert result.exit_code == 1
    assert "个,核酸,1," in result.stdout
    assert "b.txt" in result.stderr and "Traceback" not in result.stderr


def test_output_to_a_file(tmp_path):
    out = tmp_path / "gaps.csv"
    result = CliRunner().invoke(cli, ["gaps", REPORTS, "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert out.read_text(encoding="utf-8").startswith("unit,head,count,example_1,example_2\n")


def test_the_terminal_table_aligns_wide_characters_and_says_how_many(capsys):
    from fangkong.cli.common import display_width
    from fangkong.cli.gaps import TABLE_ROWS, _table

    rows = [["个", "社区", "17", "a.txt: 15个社区的服务中心", ""], ["人次", "人员", "3", "b.txt: 出动人员86人次", ""]]
    rows += [["份", f"头{i}", "1", "c.txt: 例", ""] for i in range(TABLE_ROWS)]
    _table(rows)
    lines = capsys.readouterr().out.splitlines()
    starts = {display_width(line[:line.index(" a.txt") + 1 if " a.txt" in line else line.index(" b.txt") + 1])
              for line in lines[1:3]}
    assert len(starts) == 1  # the example column starts at one display column whatever the widths before it
    assert len(lines) == 1 + TABLE_ROWS + 1
    assert lines[-1] == (f"{len(rows)} groups, {17 + 3 + TABLE_ROWS} unclaimed quantities "
                         f"(the first {TABLE_ROWS} groups shown; -o FILE or a pipe gives all)")
