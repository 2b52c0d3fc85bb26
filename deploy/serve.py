"""``streamlit`` with TCP_NODELAY: ``python deploy/serve.py run app.py --server.port 8501``.

Streamlit 1.67 binds its listening socket as ``socket.socket(family)`` (protocol 0), so asyncio's transport does
not switch Nagle's algorithm off on accepted connections (it only does so for protocol IPPROTO_TCP). The script's
messages then wait for the client's delayed ACK: about 40 ms added to every page run on Linux clients (Android
phones, nginx), measured in bench/RESULTS.md. This wrapper sets TCP_NODELAY on every TCP stream socket asyncio
wraps, then runs Streamlit's own command line unchanged.

It replaces ``asyncio.base_events._set_nodelay``, a private helper of CPython's asyncio (present in 3.8 to 3.13;
checked on the 3.11 this project pins): if a later Python drops it, the assignment is harmless and only the
40 ms come back.
"""

from __future__ import annotations

import socket
import sys
from asyncio import base_events


def _set_nodelay(sock: socket.socket) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def main() -> None:
    base_events._set_nodelay = _set_nodelay
    from streamlit.web.cli import main as streamlit_main

    sys.exit(streamlit_main(prog_name="streamlit"))


if __name__ == "__main__":
    main()
