"""The whole suite runs with the network cut off; this proves the cut is real."""

from __future__ import annotations

import socket

import pytest

from conftest import NetworkUsed


def test_sockets_fail():
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 80)


def test_checking_needs_no_network():
    import corrigo

    corrigo.check("Mayor opens bridge\n\nThe mayor opened the new bridge on Monday.")
