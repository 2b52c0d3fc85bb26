"""Start and stop app processes and nginx on free ports of 127.0.0.1, for the benchmark and the tests."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 60) -> None:
    """Wait until ``url`` answers 200."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")
        time.sleep(0.2)


def rss_kib(pid: int) -> int:
    """Resident memory of a process in KiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class App:
    """One ``streamlit run`` process on 127.0.0.1 (our app from the repo, or any script in any folder)."""

    def __init__(
        self,
        script: str = "app.py",
        cwd: Path = ROOT,
        port: int | None = None,
        options: dict[str, object] | None = None,
        env: dict[str, str] | None = None,
        log: Path | None = None,
        nodelay: bool = True,
    ):
        self.script, self.cwd, self.port = script, Path(cwd), port or free_port()
        self.options = {"server.headless": "true", "browser.gatherUsageStats": "false"} | (options or {})
        self.env = os.environ | (env or {})
        self.log = log
        self.nodelay = nodelay  # run through deploy/serve.py (TCP_NODELAY), as deployed
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 60) -> App:
        runner = [str(ROOT / "deploy" / "serve.py")] if self.nodelay else ["-m", "streamlit"]
        args = [sys.executable, *runner, "run", self.script, "--server.address", HOST]
        args += ["--server.port", str(self.port)]
        for key, value in self.options.items():
            args += [f"--{key}", str(value)]
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(args, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_http(self.url + "/_stcore/health", timeout)
        except TimeoutError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_kib(self) -> int:
        return rss_kib(self.proc.pid)

    def __enter__(self) -> App:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class Nginx:
    """nginx as the current user with the site's rendered config, all files under ``prefix``."""

    def __init__(self, prefix: Path, upstreams: list[str], port: int | None = None, ringan: Path | None = None):
        self.prefix, self.upstreams, self.port = Path(prefix), upstreams, port or free_port()
        self.ringan = ringan or self.prefix / "ringan"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 20) -> Nginx:
        sys.path.insert(0, str(ROOT / "deploy"))
        import render  # deploy/render.py

        self.prefix.mkdir(parents=True, exist_ok=True)
        conf = self.prefix / "nginx.conf"
        conf.write_text(
            render.standalone(self.prefix, f"{HOST}:{self.port}", self.upstreams, self.ringan), encoding="utf-8"
        )
        test = subprocess.run([NGINX, "-t", "-p", str(self.prefix), "-c", str(conf)], capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx rejected the config:\n{test.stderr}")
        args = [NGINX, "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http(self.url + "/_stcore/health", timeout)
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
