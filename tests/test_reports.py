"""find_reports and iter_reports: the reports a run reads, in the order of their doc names, walked lazily."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import fangkong.run.pipeline as pipeline
from fangkong.run.pipeline import REPORT_SUFFIXES, find_reports, iter_reports
from fangkong.text.load import Report

ROOT = Path(__file__).resolve().parent.parent


def eager(paths) -> list[Report]:
    """The reference: every report os.walk finds, sorted by doc, then each file once under its first doc name."""
    found: list[Report] = []
    for given in map(Path, paths):
        if given.is_dir():
            for root, dirs, files in os.walk(given):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    file = Path(root) / name
                    if not name.startswith(".") and file.suffix.lower() in REPORT_SUFFIXES:
                        found.append(Report(file, file.relative_to(given).as_posix()))
        else:
            found.append(Report(given, given.name))
    once: dict[str, Report] = {}
    for report in sorted(found, key=lambda r: (r.doc, str(r.path))):
        once.setdefault(str(report.path.resolve()), report)
    return list(once.values())


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Names that sort in awkward ways (a.txt, a/…, a-b/…, a0.txt), hidden ones, links, other suffixes."""
    top = tmp_path / "top"
    for name in ["a.txt", "a/x.txt", "a/b/y.htm", "a-b/z.txt", "a0.txt", "b.TXT", "c", "d.md", ".hidden.txt",
                 ".git/h.txt", "中文/报告.html", "中文.txt", "Z.txt", "sub dir/s.txt"]:
        path = top / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("设立卡点5个。", encoding="utf-8")
    (top / "link.txt").symlink_to(top / "a.txt")  # the same file twice: read once
    (top / "dangling.txt").symlink_to(top / "nowhere")
    (top / "loop").symlink_to(top)  # not followed
    return top


def test_the_same_reports_in_the_same_order_as_a_full_walk(tree):
    for paths in ([tree], [tree, tree / "a"], [tree / "a", tree], [tree / "a.txt", tree], [ROOT / "fixtures"]):
        assert list(iter_reports(paths)) == find_reports(paths) == eager(paths), paths
    docs = [r.doc for r in find_reports([tree])]
    assert docs[:6] == ["Z.txt", "a-b/z.txt", "a.txt", "a/b/y.htm", "a/x.txt", "a0.txt"]
    assert "link.txt" not in docs and "dangling.txt" in docs and not any("h.txt" in d for d in docs)
    # reached twice: listed under the name that sorts first, whatever the order of the arguments
    assert [r.doc for r in find_reports([tree / "a", tree])] == [r.doc for r in find_reports([tree, tree / "a"])]


def test_a_folder_that_cannot_be_listed_is_a_report_at_its_place(tree, monkeypatch):
    real = os.scandir

    def scandir(path):
        if Path(path).name == "b":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(pipeline.os, "scandir", scandir)
    reports = find_reports([tree])
    [unlisted] = [r for r in reports if r.unreadable is not None]
    assert unlisted.doc == "a/b/" and unlisted.path == tree / "a" / "b"
    assert [r.doc for r in reports].index("a/b/") == [r.doc for r in reports].index("a/x.txt") - 1


def test_the_walk_is_lazy(tree, monkeypatch):
    listed: list[str] = []
    real = os.scandir
    monkeypatch.setattr(pipeline.os, "scandir", lambda path: listed.append(Path(path).name) or real(path))
    reports = iter_reports([tree])
    assert listed == []
    assert next(reports).doc == "Z.txt"
    assert listed == ["top"]  # only the top folder listed to give the first report
    assert next(reports).doc == "a-b/z.txt" and listed == ["top", "a-b"]


def test_a_path_that_does_not_exist_is_raised_at_once(tree):
    with pytest.raises(FileNotFoundError):
        iter_reports([tree, tree / "nowhere"])
