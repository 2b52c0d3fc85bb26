"""The local production stack in one command: ``.venv/bin/python deploy/stack.py --port 8080 [--apps 2] [--tls]``.

Builds the light version and the app pages' first HTML with ``build-static`` (as the hourly timer does), starts
the app processes as the systemd unit does (deploy/serve.py) and nginx with the shipped configuration
(deploy/render.py), all on 127.0.0.1; prints the URL; stops everything on Ctrl-C or SIGTERM. The proxy tests, the
browser tests of the first HTML and the benchmark start their servers with this module too (``App``, ``Nginx``,
``Stack``). Everything it writes stays in one temporary folder (or ``--workdir``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: deploy/ is on the path, the repository is not
    sys.path.insert(0, str(ROOT))

from deploy import render  # noqa: E402

HOST = "127.0.0.1"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
UNVERIFIED = ssl.create_default_context()  # for the stack's own self-signed certificate: not checked
UNVERIFIED.check_hostname, UNVERIFIED.verify_mode = False, ssl.CERT_NONE


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
            with urllib.request.urlopen(url, timeout=2, context=UNVERIFIED) as response:
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


def _stop(proc: subprocess.Popen | None, sig: int) -> None:
    if proc and proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


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
        _stop(self.proc, signal.SIGTERM)

    def rss_kib(self) -> int:
        return rss_kib(self.proc.pid)

    def __enter__(self) -> App:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class Nginx:
    """nginx as the current user with the site's rendered config, all files under ``prefix``."""

    def __init__(
        self,
        prefix: Path,
        upstreams: list[str],
        port: int | None = None,
        ringan: Path | None = None,
        shells: Path | None = None,
        tls: bool = False,
    ):
        self.prefix, self.upstreams, self.port = Path(prefix), upstreams, port or free_port()
        self.ringan = ringan or self.prefix / "ringan"
        self.shells = shells or self.prefix / "shells"
        self.tls = tls
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{HOST}:{self.port}"

    def start(self, timeout: float = 20) -> Nginx:
        self.prefix.mkdir(parents=True, exist_ok=True)
        cert = self_signed(self.prefix / "tls") if self.tls else None
        conf = self.prefix / "nginx.conf"
        text = render.standalone(self.prefix, f"{HOST}:{self.port}", self.upstreams, self.ringan, self.shells, cert)
        conf.write_text(text, encoding="utf-8")
        test = subprocess.run([NGINX, "-t", "-p", str(self.prefix), "-c", str(conf)], capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx rejected the config:\n{test.stderr}")
        args = [NGINX, "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http(self.url + "/_stcore/health", timeout)
        return self

    def stop(self) -> None:
        _stop(self.proc, signal.SIGTERM)  # fast shutdown: open WebSockets do not hold it up

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def self_signed(folder: Path) -> tuple[str, str]:
    """A throw-away certificate for 127.0.0.1 (openssl), for the stack's --tls mode."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}"]
    command += ["-addext", f"subjectAltName=IP:{HOST}", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(command, check=True, capture_output=True)
    return str(cert), str(key)


def build(workdir: Path, site_url: str, env: dict[str, str] | None = None) -> tuple[Path, Path]:
    """``build-static`` as the hourly timer runs it: the light version and the pages' first HTML."""
    ringan, shells = workdir / "ringan", workdir / "shells"
    command = [sys.executable, "-m", "jamsostek", "build-static", str(ringan), "--shells", str(shells)]
    command += ["--base-url", "/", "--site-url", site_url]
    result = subprocess.run(command, cwd=ROOT, env=os.environ | (env or {}), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build-static failed:\n{result.stdout}{result.stderr}")
    return ringan, shells


class Stack:
    """The light version and first HTML built, ``apps`` app processes and nginx in front, on 127.0.0.1.

    ``built`` serves folders an earlier stack built (``stack.built``) instead of building again.
    """

    def __init__(
        self,
        port: int | None = None,
        apps: int = 2,
        tls: bool = False,
        workdir: Path | None = None,
        env: dict[str, str] | None = None,
        built: tuple[Path, Path] | None = None,
    ):
        self.port, self.tls, self.env, self.built = port or free_port(), tls, env or {}, built
        self.owned = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="jsj-stack-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.apps = [App(log=self.workdir / f"app{i}.log", env=self.env) for i in range(apps)]
        self.nginx: Nginx | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{HOST}:{self.port}"

    def start(self) -> Stack:
        try:
            ringan, shells = self.built = self.built or build(self.workdir, self.url, self.env)
            for app in self.apps:
                app.start()
            upstreams = [f"{HOST}:{app.port}" for app in self.apps]
            self.nginx = Nginx(self.workdir / "nginx", upstreams, self.port, ringan, shells, self.tls).start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.nginx:
            self.nginx.stop()
        for app in self.apps:
            app.stop()
        if self.owned:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    parser.add_argument("--apps", type=int, default=2, help="app processes behind nginx (default 2)")
    parser.add_argument("--tls", action="store_true", help="HTTPS with a throw-away self-signed certificate")
    parser.add_argument("--workdir", type=Path, help="keep the built files and logs here (default: a temp folder)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)
    stack = Stack(args.port, args.apps, args.tls, args.workdir)
    try:
        print(f"building the light version and the first HTML in {stack.workdir} ...", flush=True)
        stack.start()
        print(f"Jamsostek Jambi: {stack.url}/  (light version: {stack.url}/ringan/)  Ctrl-C stops it", flush=True)
        while True:
            signal.pause()
    except KeyboardInterrupt:
        print("stopping", flush=True)
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
