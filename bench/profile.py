"""cProfile of warm runs of one page, inside Streamlit's script thread: ``python -m bench.profile /cakupan 30``."""

from __future__ import annotations

import cProfile
import io
import pstats
import sys

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from bench.servers import ROOT

PROFILE = cProfile.Profile()
_original = script_runner.ScriptRunner._run_script
_active = {"on": False}


def _profiled(self, *args, **kwargs):
    if not _active["on"]:
        return _original(self, *args, **kwargs)
    PROFILE.enable()
    try:
        return _original(self, *args, **kwargs)
    finally:
        PROFILE.disable()


def profile(path: str, query: str, runs: int = 30, top: int = 25) -> str:
    """The top functions by cumulative time over ``runs`` warm reruns of the page (AppTest, in process)."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import PAGES

    script_runner.ScriptRunner._run_script = _profiled
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for pair in filter(None, query.split("&")):
        key, _, value = pair.partition("=")
        app.query_params[key] = value
    app.run()  # AppTest learns the pages st.navigation registers on a first run
    if path != "/":
        app.switch_page(PAGES[path])
    app.run()
    _active["on"] = True
    for _ in range(runs):
        app.run()
    _active["on"] = False
    out = io.StringIO()
    stats = pstats.Stats(PROFILE, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


if __name__ == "__main__":
    print(
        profile(
            sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "lang=id", int(sys.argv[3]) if len(sys.argv) > 3 else 30
        )
    )
