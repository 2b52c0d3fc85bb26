"""Server-side figures over real WebSocket sessions: warm run time per page, and a crowd of sessions."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field

from bench.client import Session
from bench.pages import Page
from bench.servers import rss_kib


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


async def _warm_times(urls: dict[str, str], page: Page, runs: int, warmup: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in urls}
    sessions = {name: Session(url, quickack=True) for name, url in urls.items()}
    for session in sessions.values():
        await session.__aenter__()
    try:
        for i in range(warmup + runs):
            for name, session in sessions.items():  # interleaved, so drift in the machine hits both alike
                run = await session.run(page.path, page.query)
                if run.error:
                    raise RuntimeError(f"{name} {page.url}: {run.error}")
                if i >= warmup:
                    times[name].append(run.seconds)
    finally:
        for session in sessions.values():
            await session.__aexit__()
    return times


def warm_run_times(urls: dict[str, str], pages: list[Page], runs: int = 30, warmup: int = 5) -> dict:
    """Median seconds from a rerun request to ``script_finished``, one session per server, per page."""
    out = {}
    for page in pages:
        times = asyncio.run(_warm_times(urls, page, runs, warmup))
        out[page.path] = {name: statistics.median(values) for name, values in times.items()}
    return out


@dataclass
class Crowd:
    """What N sessions, at most ``concurrency`` running at once, saw and cost."""

    sessions: int
    page_runs: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0
    rss_before_kib: int = 0
    rss_after_kib: int = 0

    @property
    def per_second(self) -> float:
        return self.sessions / self.wall if self.wall else 0.0

    @property
    def p50(self) -> float:
        return percentile(self.page_runs, 0.5)

    @property
    def p95(self) -> float:
        return percentile(self.page_runs, 0.95)

    @property
    def kib_per_session(self) -> float:
        return (self.rss_after_kib - self.rss_before_kib) / self.sessions


def crowd(url: str, pid: int, pages: list[Page], sessions: int, concurrency: int = 20, timeout: float = 60) -> Crowd:
    """N visitors each opening ``pages`` in one session; sessions stay open until all are done (memory)."""
    result = Crowd(sessions, rss_before_kib=rss_kib(pid))
    asyncio.run(asyncio.wait_for(_crowd(url, pid, pages, result, concurrency, timeout), 900))
    return result


async def _crowd(url: str, pid: int, pages: list[Page], result: Crowd, concurrency: int, timeout: float) -> None:
    gate = asyncio.Semaphore(concurrency)
    opened: list[Session] = []

    async def visitor(i: int) -> None:
        async with gate:
            session = Session(url)
            try:
                await session.__aenter__()
                opened.append(session)
                for page in pages:
                    run = await session.run(page.path, page.query, timeout)
                    result.page_runs.append(run.seconds)
                    if run.error:
                        result.errors.append(f"{page.url}: {run.error}")
            except Exception as exc:  # noqa: BLE001 - every failure counts as an error in the table
                result.errors.append(f"session {i}: {type(exc).__name__}: {exc}")

    start = time.perf_counter()
    await asyncio.gather(*(visitor(i) for i in range(result.sessions)))
    result.wall = time.perf_counter() - start
    await asyncio.sleep(1)
    result.rss_after_kib = rss_kib(pid)  # every session still connected
    for session in opened:
        try:
            await session.__aexit__()
        except Exception:  # noqa: BLE001, S110 - closing a dead socket is fine
            pass
