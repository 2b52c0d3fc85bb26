"""How to cite the site and each figure, and the README that travels with the data package ZIP."""

from __future__ import annotations

import pandas as pd

from jamsostek import i18n
from jamsostek.data import DataPackage, canonical_descriptor

SITE_NAME = "Jamsostek Jambi"


def source_reference(package: DataPackage, source_id: str, lang: str) -> str:
    """``Publisher, "Title", date, URL (accessed date)`` for one source."""
    _ = i18n.gettext(lang)
    src = package.source(source_id)
    parts = [src["publisher"], f"\u201c{src['title']}\u201d"]
    when = i18n.partial_date(src.get("published"), lang)
    if when:
        parts.append(when)
    parts.append(src.get("url") or src.get("reference") or "")
    accessed = _("accessed {date}").format(date=i18n.date(src["accessed"], lang))
    return ", ".join(p for p in parts if p) + f" ({accessed})"


def data_as_of_line(package: DataPackage, lang: str) -> str:
    """The site-wide line: when the data was last checked against its sources (each figure keeps its own date)."""
    _ = i18n.gettext(lang)
    return _(
        "Data as of {date} (last checked against its sources; each figure shows its own date). "
        "This site explains Jamsostek; it is not BPJS Ketenagakerjaan."
    ).format(date=i18n.date(package.as_of, lang))


def site_citation(package: DataPackage, lang: str, site_url: str = "") -> str:
    """How to cite the site as a whole: "data as of" is the day the package was last checked against its sources."""
    _ = i18n.gettext(lang)
    text = _('{site}, "Data & sources", data as of {date} (last checked against its sources).').format(
        site=SITE_NAME, date=i18n.date(package.as_of, lang)
    )
    return f"{text} {site_url}".strip()


def figure_citation(package: DataPackage, row: pd.Series, lang: str, site_url: str = "") -> str:
    """How to cite one row of the figure table: the figure, its date, its original source, then the site."""
    _ = i18n.gettext(lang)
    figure = f"{row['figure']} ({row['area']}): {row['value']}"
    if row.get("as_of"):
        figure += f", {row['as_of']}"
    lines = [figure + "."]
    if row.get("source_id"):
        lines.append(_("Source: {source}.").format(source=source_reference(package, row["source_id"], lang)))
    lines.append(_("Via {citation}").format(citation=site_citation(package, lang, site_url)))
    return "\n".join(lines)


def readme(package: DataPackage, lang: str, site_url: str = "") -> str:
    """README.md for the ZIP: what the package is, what each file holds, how to cite, the licence."""
    _ = i18n.gettext(lang)
    descriptor = canonical_descriptor()
    lines = [
        f"# {descriptor.get('title', SITE_NAME)}",
        "",
        data_as_of_line(package, lang),
        "",
        _("Every row names its source in sources.csv (column source_id)."),
        "",
        "## " + _("Files"),
        "",
        "- `datapackage.json`: "
        + _("the Frictionless Data Package descriptor: every file's columns, types, constraints and links."),
        "- `README.md`: " + _("this file."),
    ]
    for resource in descriptor["resources"]:
        lines.append(f"- `{resource['path']}`: {resource.get('title', '')}. {resource.get('description', '')}")
    lines += ["", "## " + _("How to cite"), "", site_citation(package, lang, site_url), ""]
    lines.append(_("Please also cite each figure's original source (sources.csv)."))
    for licence in descriptor.get("licenses", []):
        lines += ["", "## " + _("Licence"), "", f"{licence.get('title', licence.get('name'))}: {licence.get('path')}"]
    return "\n".join(lines) + "\n"


def figure_label(table: pd.DataFrame, index: int) -> str:
    """A row of the figure table named in one line, to pick it from a list: figure (area, date)."""
    return f"{table.at[index, 'figure']} ({table.at[index, 'area']}, {table.at[index, 'as_of']})"
