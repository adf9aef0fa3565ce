"""Fitting the shell: tab completion through click, --version with the rule set's, a worked example in every --help."""

from __future__ import annotations

import os
import shutil
import subprocess

import click
import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.rules.reader import load_rules


def complete(words: str) -> list[str]:
    """What completing the last of `words` offers in bash (`type,value` lines), by click's completion protocol."""
    env = {"_FANGKONG_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    result = CliRunner().invoke(cli, [], env=env, prog_name="fangkong")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_commands_complete():
    offered = complete("fangkong ")
    assert {"plain,extract", "plain,rules", "plain,score"} <= set(offered)


def test_subcommands_and_options_complete():
    assert "plain,check" in complete("fangkong rules ")
    assert {"plain,--rules", "plain,--no-default-rules"} <= set(complete("fangkong extract --"))
    assert "plain,--errors" in complete("fangkong score --e")
    assert complete("fangkong rules --format ") == ["plain,table", "plain,csv", "plain,json"]


def test_paths_are_left_to_the_shell():
    assert complete("fangkong score --gold ") == ["file,"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_completion_script(shell):
    result = CliRunner().invoke(cli, [], env={"_FANGKONG_COMPLETE": f"{shell}_source"}, prog_name="fangkong")
    assert result.exit_code == 0
    assert "_FANGKONG_COMPLETE" in result.stdout
    assert f"{shell}_complete" in result.stdout


@pytest.mark.skipif(shutil.which("fangkong") is None, reason="the fangkong script is not installed")
def test_the_installed_script_completes():
    env = {**os.environ, "_FANGKONG_COMPLETE": "bash_complete", "COMP_WORDS": "fangkong ru", "COMP_CWORD": "1"}
    done = subprocess.run(["fangkong"], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == ["plain,rules"]


def test_version_names_the_rule_set():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.stdout == f"fangkong, version {fangkong.__version__} (rules {load_rules().version})\n"
    assert len(load_rules().version) == 12


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    yield path, group
    context = click.Context(group)
    for name in group.list_commands(context):  # as click lists them: a command imported when first asked for too
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = [path for path, _ in _commands(cli)]


def test_every_command_is_listed():
    assert sorted(COMMANDS) == [(), ("explain",), ("extract",), ("gaps",), ("review",), ("rules",), ("rules", "check"),
                                ("rules", "classes"), ("score",), ("summarize",)]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "fangkong")
def test_every_help_has_a_worked_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    examples = result.stdout.split("Example", 1)[1]
    assert "fangkong " + " ".join(path) in examples  # the example uses the command itself
