"""The one clock: today in Jambi (WIB, Asia/Jakarta), settable with ``JAMSOSTEK_TODAY`` for tests and builds.

Every "today" on the site (this month's cost, the discount in force, the age of a figure) comes from
``today()``. A server in UTC flips its date at 07:00 WIB; Jambi's date is the one a visitor lives in.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from zoneinfo import ZoneInfo

JAMBI = ZoneInfo("Asia/Jakarta")
ENV = "JAMSOSTEK_TODAY"
LOG = logging.getLogger("jamsostek")


def now() -> dt.datetime:
    """The current moment in Jambi time (for timestamps such as "last checked")."""
    return dt.datetime.now(JAMBI)


def today() -> dt.date:
    """Today's date in Jambi, or the date in ``JAMSOSTEK_TODAY`` (``YYYY-MM-DD``) when it is set."""
    fixed = os.environ.get(ENV, "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            LOG.warning("%s=%r is not a date (YYYY-MM-DD); using the real date", ENV, fixed)
    return now().date()
