"""The README's example run is real: the block under "Check an article" is what the command prints."""

from __future__ import annotations

import re

from conftest import REPO
from corrigo.cli import main


def test_readme_example_output_is_current(capsys, monkeypatch):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\ncorrigo check (\S+)\n```.*?```text\n(.*?)```", readme, re.S)
    assert block is not None, "README lost its example run"
    path, expected = block.group(1), block.group(2)
    monkeypatch.chdir(REPO)
    assert main(["check", path, "--color", "never"]) == 1
    assert capsys.readouterr().out == expected
