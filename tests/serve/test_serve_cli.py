"""``corrigo serve``'s refusals (no server is started here) and the bind and key rules."""

from __future__ import annotations

import socket

import pytest

from corrigo.cli import main
from corrigo.errors import ConfigError
from corrigo.serve.limits import key_matches
from corrigo.serve.settings import ServeSettings, api_key_from_env, check_bind, is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.4", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_a_public_address_needs_a_key_or_an_explicit_flag():
    assert check_bind("127.0.0.1", None, False) == []
    assert check_bind("0.0.0.0", "k" * 24, False) == []
    with pytest.raises(ConfigError, match="Set CORRIGO_API_KEY"):
        check_bind("0.0.0.0", None, False)
    (warning,) = check_bind("0.0.0.0", None, True)
    assert "without an API key" in warning
    (short,) = check_bind("127.0.0.1", "abc", False)
    assert "only 3 characters" in short


def test_api_key_from_env():
    assert api_key_from_env({}) is None
    assert api_key_from_env({"CORRIGO_API_KEY": " s3cret-value "}) == "s3cret-value"
    with pytest.raises(ConfigError, match="set but empty"):
        api_key_from_env({"CORRIGO_API_KEY": "  "})


def test_key_matches_both_headers_and_nothing_else():
    key = "k" * 24
    assert key_matches(key, {"x-api-key": key})
    assert key_matches(key, {"authorization": f"Bearer {key}"})
    assert key_matches(key, {"authorization": f"bearer  {key}"})
    assert not key_matches(key, {"authorization": f"Basic {key}"})
    assert not key_matches(key, {"x-api-key": key[:-1]})
    assert not key_matches(key, {"x-api-key": "ключ"})
    assert not key_matches(key, {})


def test_settings_refuse_nonsense():
    with pytest.raises(ConfigError, match="--workers"):
        ServeSettings(workers=0)
    with pytest.raises(ConfigError, match="--timeout"):
        ServeSettings(timeout_s=0)


def test_serve_refuses_a_public_host_without_a_key(capsys, monkeypatch):
    monkeypatch.delenv("CORRIGO_API_KEY", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "not a loopback address" in err and "--allow-public-without-key" in err


def test_serve_refuses_an_empty_key_and_bad_numbers(capsys, monkeypatch):
    monkeypatch.setenv("CORRIGO_API_KEY", "")
    assert main(["serve", "--port", "0"]) == 2
    assert "CORRIGO_API_KEY is set but empty" in capsys.readouterr().err
    monkeypatch.delenv("CORRIGO_API_KEY")
    assert main(["serve", "--workers", "0"]) == 2
    assert "--workers N" in capsys.readouterr().err
    assert main(["serve", "--port", "70000"]) == 2
    assert "is not a port" in capsys.readouterr().err


def test_serve_says_when_the_port_is_taken(capsys, monkeypatch):
    monkeypatch.delenv("CORRIGO_API_KEY", raising=False)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"can't listen on 127.0.0.1:{port}" in err and "choose another --port" in err


def test_serve_without_the_extra_says_how_to_install_it(capsys, monkeypatch):
    import corrigo.serve

    monkeypatch.setattr(corrigo.serve, "available", lambda: False)
    assert main(["serve"]) == 2
    assert "pip install 'corrigo[serve]'" in capsys.readouterr().err
