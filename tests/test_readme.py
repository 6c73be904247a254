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
    got = capsys.readouterr().out.splitlines()
    want = expected.splitlines()
    # Line 2 says where evidence came from; it names this machine's index folder.
    assert got[1].endswith("Checked the article against itself only.")
    assert got[:1] + got[2:] == want[:1] + want[2:]
