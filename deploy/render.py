"""Render deploy/nginx/jamsostek.conf for a machine (``site``) or as a self-contained nginx.conf (``standalone``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx" / "jamsostek.conf"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
BROTLI = """    brotli on;
    brotli_comp_level 5;
    brotli_min_length 512;
    brotli_types text/plain text/css text/xml text/javascript application/javascript application/json
                 application/manifest+json image/svg+xml application/xml font/ttf application/vnd.ms-fontobject;"""


def brotli_available(modules: Path = MODULES) -> bool:
    """Whether Debian's brotli filter module is installed (libnginx-mod-http-brotli-filter)."""
    return (modules / BROTLI_MODULES[0]).is_file()


def site(
    listen: str,
    upstreams: list[str],
    ringan: Path,
    cache: Path,
    server_name: str = "_",
    tls: tuple[str, str] | None = None,
    brotli: bool | None = None,
) -> str:
    """The http-context config: upstream of app processes, the server, its locations and headers."""
    brotli = brotli_available() if brotli is None else brotli
    servers = "\n".join(f"    server {u} max_fails=2 fail_timeout=10s;" for u in upstreams)
    if tls:
        head = f"    listen {listen} ssl http2;\n    ssl_certificate {tls[0]};\n    ssl_certificate_key {tls[1]};"
        head += "\n    ssl_protocols TLSv1.2 TLSv1.3;"
        hsts = '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;'
        redirect = (
            f"server {{\n    listen 80;\n    server_name {server_name};\n    return 301 https://$host$request_uri;\n}}"
        )
    else:
        head, hsts, redirect = f"    listen {listen};", "    # HSTS is sent only under TLS (render with --tls).", ""
    values = {
        "UPSTREAMS": servers,
        "LISTEN": head,
        "SERVER_NAME": server_name,
        "HSTS": hsts,
        "REDIRECT": redirect,
        "BROTLI": BROTLI if brotli else "    # brotli: module not installed, gzip only.",
        "RINGAN": str(ringan).rstrip("/"),
        "CACHE": str(cache),
        "WS_SCHEME": "wss:" if tls else "ws:",
        "COOKIE_SECURE": "; Secure" if tls else "",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text


def standalone(prefix: Path, listen: str, upstreams: list[str], ringan: Path) -> str:
    """A whole nginx.conf that runs as the current user with every file under ``prefix`` (tests, benchmark)."""
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
        "events { worker_connections 1024; }\n"
        "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log {prefix / 'logs/access.log'};\n{temp}    sendfile on;\n"
        + site(listen, upstreams, ringan, prefix / "cache", brotli=brotli)
        + "}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen", default="80", help="address:port or port (443 with --tls)")
    parser.add_argument("--app", action="append", required=True, help="an app process, e.g. 127.0.0.1:8501")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--ringan", default="/srv/jamsostek/ringan", help="folder of the static light version")
    parser.add_argument("--cache", default="/var/cache/nginx/jamsostek", help="nginx cache for static files")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="serve HTTPS with HSTS")
    args = parser.parse_args()
    tls = tuple(args.tls) if args.tls else None
    print(site(args.listen, args.app, Path(args.ringan), Path(args.cache), args.server_name, tls), end="")


if __name__ == "__main__":
    main()
