"""The benchmark's servers: the ones deploy/stack.py starts (one way to start them, for the stack, tests and bench)."""

from __future__ import annotations

from deploy.stack import HOST, NGINX, ROOT, App, Nginx, Stack, free_port, rss_kib, wait_http

__all__ = ["HOST", "NGINX", "ROOT", "App", "Nginx", "Stack", "free_port", "rss_kib", "wait_http"]
