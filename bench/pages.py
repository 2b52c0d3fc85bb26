"""The pages the benchmark opens, each with the query string a typical visitor arrives with."""

from __future__ import annotations

from dataclasses import dataclass

from jamsostek import site


@dataclass(frozen=True)
class Page:
    """A URL path (without the leading slash) and a query string."""

    path: str
    query: str

    @property
    def url(self) -> str:
        return f"/{self.path}?{self.query}"

    @property
    def label(self) -> str:
        return "/" + self.path


# What a typical visitor adds to ``lang=id``: the check with its answers in the URL ("running the check"),
# the embed view with its chart, as an iframe asks for it.
QUERIES = {
    "check": "&work=ojol&income=3000000&programs=jkk,jkm,jht&city_paid=no",
    "embed": "&chart=progress&embed=true",
}
PAGES = [Page(page.path, "lang=id" + QUERIES.get(page.key, "")) for page in site.PAGES]
