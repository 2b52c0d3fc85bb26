"""``streamlit`` with TCP_NODELAY and a warm-up: ``python deploy/serve.py run app.py --server.port 8501``.

Warm-up: until one session has run app.py, Streamlit 1.67 does not know the site's URL paths, so the
first visitor after a (re)start gets a "Page not found" box over the right page. As soon as the
server answers its health check, this wrapper runs app.py once in a session of its own.

Streamlit 1.67 binds its listening socket as ``socket.socket(family)`` (protocol 0), so asyncio's transport does
not switch Nagle's algorithm off on accepted connections (it only does so for protocol IPPROTO_TCP). The script's
messages then wait for the client's delayed ACK: about 40 ms added to every page run on Linux clients (Android
phones, nginx), measured in bench/RESULTS.md. This wrapper sets TCP_NODELAY on every TCP stream socket asyncio
wraps, then runs Streamlit's own command line unchanged.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time
import urllib.request
from asyncio import base_events


def _set_nodelay(sock: socket.socket) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _option(argv: list[str], name: str, default: str) -> str:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return default


async def _run_app_once(base: str) -> None:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    url = base.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], origin=base, max_size=None) as ws:
        msg = BackMsg()
        msg.rerun_script.page_name = ""
        await ws.send(msg.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(ws.recv(), 60))
            if reply.WhichOneof("type") == "script_finished":
                return


def warm_up(base: str, timeout: float = 120) -> bool:
    """Wait for the server's health check, then run app.py once; True if it ran."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=5):
                break
        except OSError:
            time.sleep(0.3)
    try:
        asyncio.run(asyncio.wait_for(_run_app_once(base), max(1.0, deadline - time.monotonic())))
        print("serve.py: warmed up", file=sys.stderr, flush=True)
        return True
    except Exception as exc:  # a failed warm-up only costs the first visitor a dialog
        print(f"serve.py: warm-up failed: {exc}", file=sys.stderr)
        return False


def main() -> None:
    argv = sys.argv[1:]
    address = _option(argv, "--server.address", "127.0.0.1")
    host = "127.0.0.1" if address in ("", "0.0.0.0", "::") else address
    base = f"http://{host}:{_option(argv, '--server.port', '8501')}{_option(argv, '--server.baseUrlPath', '')}"
    threading.Thread(target=warm_up, args=(base.rstrip("/"),), daemon=True).start()
    base_events._set_nodelay = _set_nodelay
    from streamlit.web.cli import main as streamlit_main

    sys.exit(streamlit_main(prog_name="streamlit"))


if __name__ == "__main__":
    main()
