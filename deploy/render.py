"""Render deploy/nginx/jamsostek.conf for a machine (``site``) or as a self-contained nginx.conf (``standalone``)."""

from __future__ import annotations

import argparse
import importlib.util
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx" / "jamsostek.conf"
MODULES = Path("/usr/lib/nginx/modules")
# Capacity (attack report F15: Debian's default of 768 connections per worker capped us at ~742 sessions).
# Each open session holds two connections in nginx (the visitor's WebSocket and the one to the app), and one
# worker may end up holding most of them, so every worker gets room for all of SESSIONS on its own, plus spare
# for page loads. Each connection is a file descriptor, and so is every file nginx serves: twice as many.
SESSIONS = 2000  # open sessions one nginx in front of the site is sized for (DESIGN.md: "hundreds", with margin)
WORKER_CONNECTIONS = 2 * SESSIONS + 96
WORKER_RLIMIT_NOFILE = 2 * WORKER_CONNECTIONS
SECURITY = (
    ("X-Content-Type-Options", '"nosniff"'),
    ("Referrer-Policy", '"strict-origin-when-cross-origin"'),
    ("Permissions-Policy", '"camera=(), microphone=(), geolocation=(), payment=()"'),
    ("Cross-Origin-Opener-Policy", '"same-origin"'),
    ("X-Frame-Options", "$jsj_frame_options"),
)
APP_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' {ws}; frame-src 'self' blob:; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors $jsj_frame_ancestors"
)
# The light version has no script, so none may run there: a stray file in its folder cannot run on our origin.
LIGHT_CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
HSTS = '"max-age=31536000; includeSubDomains"'
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
BROTLI = """    brotli on;
    brotli_comp_level 5;
    brotli_min_length 512;
    brotli_types text/plain text/css text/xml text/javascript application/javascript application/json
                 application/manifest+json image/svg+xml application/xml font/ttf application/vnd.ms-fontobject;"""


def brotli_available(modules: Path = MODULES) -> bool:
    """Whether Debian's brotli filter module is installed (libnginx-mod-http-brotli-filter)."""
    return (modules / BROTLI_MODULES[0]).is_file()


def streamlit_static() -> Path:
    """The installed Streamlit's static folder (nginx checks /static/ paths against it); needs the app's Python."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or not spec.origin:
        raise SystemExit("render.py: Streamlit is not installed here; run it with the app's .venv/bin/python")
    return Path(spec.origin).parent / "static"


def headers(csp: str, tls: bool, cookie: bool, indent: str = "        ") -> str:
    """Every security header, for one location (nginx drops the server's add_header where a location has one)."""
    pairs = [*SECURITY, ("Content-Security-Policy", f'"{csp}"')]
    if tls:
        pairs.append(("Strict-Transport-Security", HSTS))
    lines = [f"{indent}add_header {name} {value} always;" for name, value in pairs]
    if cookie:  # the route cookie (sticky sessions): on documents and the app's answers only
        lines.append(f"{indent}add_header Set-Cookie $jsj_route_cookie;")
    return "\n".join(lines)


def _tls(listen: str, server_name: str, tls: tuple[str, str] | None, redirect: bool) -> tuple[str, str]:
    """The listen lines, and the port-80 server that redirects to HTTPS (none without TLS or when not wanted)."""
    if not tls:
        return f"    listen {listen};", ""
    head = f"    listen {listen} ssl http2;\n    ssl_certificate {tls[0]};\n    ssl_certificate_key {tls[1]};"
    head += "\n    ssl_protocols TLSv1.2 TLSv1.3;"
    if not redirect:
        return head, ""
    return head, (
        f"server {{\n    listen 80;\n    server_name {server_name};\n    return 301 https://$host$request_uri;\n}}"
    )


def site(
    listen: str,
    upstreams: list[str],
    ringan: Path,
    cache: Path,
    shells: Path,
    server_name: str = "_",
    tls: tuple[str, str] | None = None,
    brotli: bool | None = None,
    streamlit: Path | None = None,
    redirect: bool = True,
) -> str:
    """The http-context config: upstream of app processes, the server, its locations and headers."""
    brotli = brotli_available() if brotli is None else brotli
    servers = "\n".join(f"    server {u} max_fails=2 fail_timeout=10s;" for u in upstreams)
    head, redirect_server = _tls(listen, server_name, tls, redirect)
    app_csp = APP_CSP.format(ws="wss:" if tls else "ws:")
    values = {
        "UPSTREAMS": servers,
        "LISTEN": head,
        "SERVER_NAME": server_name,
        "REDIRECT": redirect_server,
        "BROTLI": BROTLI if brotli else "    # brotli: module not installed, gzip only.",
        "RINGAN": str(ringan).rstrip("/"),
        "SHELLS": str(shells).rstrip("/"),
        "STREAMLIT_STATIC": str(streamlit or streamlit_static()),
        "CACHE": str(cache),
        "COOKIE_SECURE": "; Secure" if tls else "",
        # Streamlit sets its XSRF cookie without Secure; behind TLS nginx adds it.
        "COOKIE_FLAGS": "    proxy_cookie_flags _streamlit_xsrf secure;"
        if tls
        else "    # (Secure cookies: under TLS)",
        "HEADERS_SERVER": headers(app_csp, bool(tls), cookie=True, indent="    "),
        "HEADERS_APP": headers(app_csp, bool(tls), cookie=True),
        "HEADERS_FILES": headers(app_csp, bool(tls), cookie=False),
        "HEADERS_LIGHT": headers(LIGHT_CSP, bool(tls), cookie=False),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text


def main_context() -> str:
    """What nginx.conf's main context needs for SESSIONS (Debian's default is 768 connections per worker)."""
    return f"worker_rlimit_nofile {WORKER_RLIMIT_NOFILE};\nevents {{ worker_connections {WORKER_CONNECTIONS}; }}\n"


def standalone(
    prefix: Path,
    listen: str,
    upstreams: list[str],
    ringan: Path,
    shells: Path,
    tls: tuple[str, str] | None = None,
) -> str:
    """A whole nginx.conf that runs as the current user with every file under ``prefix`` (stack, tests, benchmark)."""
    prefix = Path(prefix)
    for sub in ("logs", "tmp", "cache"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    brotli = brotli_available()
    modules = "".join(f"load_module {MODULES / m};\n" for m in BROTLI_MODULES) if brotli else ""
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {prefix / 'tmp' / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{modules}{user}worker_processes 2;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'logs/error.log'} warn;\n"
        + main_context()
        + "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log {prefix / 'logs/access.log'};\n{temp}    sendfile on;\n"
        + site(listen, upstreams, ringan, prefix / "cache", shells, tls=tls, brotli=brotli, redirect=False)
        + "}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen", default="80", help="address:port or port (443 with --tls)")
    parser.add_argument("--app", action="append", required=True, help="an app process, e.g. 127.0.0.1:8501")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--ringan", default="/srv/jamsostek/ringan", help="folder of the static light version")
    parser.add_argument("--shells", default="/srv/jamsostek/shells", help="folder of the pages' first HTML")
    parser.add_argument("--streamlit-static", help="the installed Streamlit's static folder (default: found here)")
    parser.add_argument("--cache", default="/var/cache/nginx/jamsostek", help="nginx cache for static files")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="serve HTTPS with HSTS")
    args = parser.parse_args()
    tls = tuple(args.tls) if args.tls else None
    streamlit = Path(args.streamlit_static) if args.streamlit_static else None
    folders = (Path(args.ringan), Path(args.cache), Path(args.shells))
    print(site(args.listen, args.app, *folders, args.server_name, tls, streamlit=streamlit), end="")


if __name__ == "__main__":
    main()
