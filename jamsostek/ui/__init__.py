"""The few Streamlit helpers every page shares (the only part of ``jamsostek`` that imports Streamlit).

``frame``: language, navigation and the switch; ``state``: the data and its cached figures and prose;
``blocks``: what pages draw; ``chart``: a chart and its table, built once per data version;
``form``: the check's URL and widgets.
"""

from jamsostek.ui.blocks import (
    data_status,
    footer,
    page_header,
    page_menu,
    source_line,
    sources_footer,
    table,
    whatsapp_button,
)
from jamsostek.ui.chart import chart_block, draw_chart
from jamsostek.ui.form import check_answers, save_answers, tap_targets
from jamsostek.ui.frame import app_frame, language, link, translator
from jamsostek.ui.state import (
    figure_values,
    hidden_sections,
    live_refresh_seconds,
    package,
    page_content,
    page_figures,
    site_url,
)

__all__ = [
    "app_frame",
    "chart_block",
    "check_answers",
    "data_status",
    "draw_chart",
    "figure_values",
    "footer",
    "hidden_sections",
    "language",
    "link",
    "live_refresh_seconds",
    "package",
    "page_content",
    "page_figures",
    "page_header",
    "page_menu",
    "save_answers",
    "site_url",
    "source_line",
    "sources_footer",
    "table",
    "tap_targets",
    "translator",
    "whatsapp_button",
]
