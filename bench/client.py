"""A real Streamlit session over ``/_stcore/stream``: rerun a page by name and read until the script finishes."""

from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

TCP_QUICKACK = getattr(socket, "TCP_QUICKACK", 12)  # Linux


@dataclass
class PageRun:
    """One full script run as the browser sees it: time to ``script_finished`` and what was drawn."""

    seconds: float
    deltas: dict[tuple[int, ...], object] = field(default_factory=dict)  # delta path -> Element or Block
    error: str | None = None


class Session:
    """One browser tab's WebSocket session (what the frontend does, minus rendering)."""

    def __init__(self, base_url: str, locale: str = "id-ID", quickack: bool = False, session_id: str | None = None):
        self.ws_url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.origin = base_url.rstrip("/")
        self.locale = locale
        self.quickack = quickack  # ACK at once: time the server's work, not the kernel's delayed-ACK timer
        self.ws = None
        self.sock = None
        self.session_id = session_id  # set from new_session; pass an old one to reconnect as the frontend does

    async def __aenter__(self) -> Session:
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit", "x", self.session_id] if self.session_id else ["streamlit"],
            origin=self.origin,
            max_size=None,
            open_timeout=60,
            ping_interval=None,
        )
        self.sock = self.ws.transport.get_extra_info("socket")
        if self.sock is not None:  # no Nagle: small BackMsgs go out at once, as a browser's do
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def run(self, page: str, query: str, timeout: float = 60) -> PageRun:
        """Ask for one page (URL path without slash) with a query string; wait for the run to end."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_name = page
        state.context_info.locale = self.locale
        state.context_info.timezone = "Asia/Jakarta"
        state.context_info.url = f"{self.origin}/{page}?{query}"
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        result = PageRun(0.0)
        try:
            await asyncio.wait_for(self._read_until_finished(result), timeout)
        except TimeoutError:
            result.error = f"timeout after {timeout:.0f} s"
        result.seconds = time.perf_counter() - start
        return result

    async def _read_until_finished(self, result: PageRun) -> None:
        while True:
            if self.quickack and self.sock is not None:
                self.sock.setsockopt(socket.IPPROTO_TCP, TCP_QUICKACK, 1)
            fwd = ForwardMsg()
            fwd.ParseFromString(await self.ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id
            elif kind == "delta":
                _record_delta(fwd, result)
            elif kind == "page_not_found":
                result.error = "page not found"
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    result.error = "compile error"
                if fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return


def _record_delta(fwd: ForwardMsg, result: PageRun) -> None:
    path = tuple(fwd.metadata.delta_path)
    delta = fwd.delta
    if delta.WhichOneof("type") == "new_element":
        element = delta.new_element
        result.deltas[path] = element
        if element.WhichOneof("type") == "exception" and not result.error:
            result.error = "exception: " + element.exception.message[:200]
    elif delta.WhichOneof("type") == "add_block":
        result.deltas[path] = delta.add_block


async def visit(base_url: str, pages: list[tuple[str, str]], timeout: float = 60) -> list[PageRun]:
    """One visitor opening each page in turn in one session."""
    async with Session(base_url) as session:
        return [await session.run(page, query, timeout) for page, query in pages]
