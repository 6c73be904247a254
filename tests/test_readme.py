"""The README's example run is real: the block under "Check an article" is what the command prints
on a fresh install (the README's install command, no reference index built yet)."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import REPO
from corrigo import search
from corrigo.cli import main


def test_readme_example_output_is_current(capsys, monkeypatch, tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\ncorrigo check (\S+)\n```.*?```text\n(.*?)```", readme, re.S)
    assert block is not None, "README lost its example run"
    path, expected = block.group(1), block.group(2)
    if not search.available():
        pytest.fail("the README shows a run with the search module installed (.[all]): install it to check the README")
    if not sys.platform.startswith("linux"):
        pytest.skip("line 2 names the Linux user data folder")
    # A fresh user: no $CORRIGO_INDEX, no XDG override, an empty home without an index.
    monkeypatch.delenv("CORRIGO_INDEX", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(REPO)
    assert main(["check", path, "--color", "never"]) == 1
    got = capsys.readouterr().out.replace(str(tmp_path), "~")
    assert got.splitlines() == expected.splitlines()


def test_readme_reference_run_is_current(capsys, monkeypatch, tmp_path):
    """The block under "Check against reference documents": build ref-index, then check the founding example."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```sh\n(corrigo index --index (\S+) add (\S+)).*?\n(corrigo check (\S+) --index \2)\n```.*?```text\n(.*?)```",
        readme,
        re.S,
    )
    assert block is not None, "README lost its reference example"
    index, folder, article, expected = block.group(2), block.group(3), block.group(5), block.group(6)
    if not (REPO / article).is_file():
        pytest.skip(f"{article} is not beside the repository")
    if not search.available():
        pytest.fail("the README shows a run with the search module installed (.[all]): install it to check the README")
    # A fresh clone: the README's relative paths, and no ref-index yet.
    work = tmp_path / "repo"
    work.mkdir()
    (work / folder.split("/")[0]).symlink_to(REPO / folder.split("/")[0])
    (tmp_path / "shared").symlink_to((REPO / ".." / "shared").resolve())
    monkeypatch.chdir(work)
    assert main(["index", "--index", index, "add", folder]) == 0
    capsys.readouterr()
    assert main(["check", article, "--index", index, "--color", "never"]) == 1
    assert capsys.readouterr().out.splitlines() == expected.splitlines()
