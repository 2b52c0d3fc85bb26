"""One cache for everything computed from a data package, keyed by the package's content, safe across threads.

Streamlit's ``st.cache_data`` hashes its arguments and unpickles a copy of the result on every call, which
was the largest cost of a warm page run (bench/). These caches hand out the stored object: callers treat
results as read-only. Keys use ``DataPackage.digest``, so a live refresh with unchanged content keeps
every cache warm, and a package is always passed in, never read from a global.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def per_package(maxsize: int = 32) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function whose first argument is a ``DataPackage``: least recently used, ``maxsize`` entries.

    The other arguments must be hashable. Two threads may compute the same entry at once; both get a
    correct value, and neither can see the entry vanish between storing and returning it.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        entries: OrderedDict[tuple, object] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(func)
        def cached(package, *args, **kwargs):
            key = (package.digest, args, tuple(sorted(kwargs.items())))
            with lock:
                if key in entries:
                    entries.move_to_end(key)
                    return entries[key]
            value = func(package, *args, **kwargs)
            with lock:
                entries[key] = value
                while len(entries) > maxsize:
                    entries.popitem(last=False)
            return value

        def cache_clear() -> None:
            with lock:
                entries.clear()

        cached.cache_clear = cache_clear
        cached.cache_len = lambda: len(entries)
        return cached

    return decorate
