"""The pages the benchmark opens, each with the query string a typical visitor arrives with."""

from __future__ import annotations

from dataclasses import dataclass


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


PAGES = [
    Page("", "lang=id"),
    Page("manfaat", "lang=id"),
    # The check with its answers in the URL ("running the check").
    Page("cek-iuran", "lang=id&work=ojol&income=3000000&programs=jkk,jkm,jht&city_paid=no"),
    Page("cakupan", "lang=id"),
    Page("cara-daftar", "lang=id"),
    Page("data", "lang=id"),
    Page("bagikan", "lang=id"),
    Page("embed", "lang=id&chart=progress&embed=true"),
]
