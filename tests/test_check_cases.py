"""The 22 answer sets computed by hand in the fact-check (reviews/factcheck-2026-11-29.md §5), as the check says them.

Each case: what the big number says in Indonesian (with its estimate or ceiling mark), the 12-month sum where the
fact-check computed it, and a sentence the result must (or must not) contain.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsostek import rules
from jamsostek.check import benefits, outcome

D = dt.date
CORE = frozenset({"jkk", "jkm"})
ALL = frozenset({"jkk", "jkm", "jht"})

# number, work, income, JHT, day (read as its month), city pays -> total as shown (id), 12-month sum (id) or None
CASES = [
    (1, "ojol", 500_000, False, D(2025, 12, 31), False, "Rp16.800", None),
    (2, "ojol", 1_000_000, False, D(2026, 1, 1), False, "Rp8.400", None),
    (3, "ojek-pangkalan", 1_500_000, True, D(2026, 3, 31), False, "± Rp40.900", None),
    (4, "umkm", 1_500_000, True, D(2026, 3, 31), False, "± Rp51.800", None),
    (5, "umkm", 1_000_000, False, D(2026, 4, 1), False, "Rp8.400", None),
    (6, "kurir", 2_750_000, True, D(2026, 12, 31), False, "± Rp72.150", None),
    (7, "umkm", 2_750_000, False, D(2026, 12, 31), False, "± Rp17.150", "± Rp394.450"),
    (8, "umkm", 2_750_000, False, D(2027, 1, 1), False, "± Rp34.300", None),
    (9, "sopir", 20_000_000, True, D(2027, 1, 1), False, "± Rp503.400", "± Rp6.971.400"),
    (10, "sopir", 20_000_000, False, D(2027, 3, 31), False, "± Rp103.400", None),
    (11, "ojol", 50_000_000, False, D(2027, 4, 1), False, "paling banyak Rp213.800", None),
    (12, "ojol", 50_000_000, True, D(2027, 3, 31), False, "paling banyak Rp106.900 + JHT", None),
    (13, "karyawan", 1_500_000, False, D(2026, 6, 1), False, None, None),
    (14, "ojol", 1_000_000, False, D(2026, 6, 1), True, "Rp0", None),
    (15, "ojol", 1_000_000, True, D(2026, 6, 1), True, "Rp20.000", "Rp240.000"),
    (16, "umkm", 1_000_000, False, D(2026, 12, 31), True, "Rp0", None),
    (17, "kurir", 1_000_000, False, D(2027, 4, 1), False, "Rp16.800", None),
    (18, "ojek-pangkalan", 500_000, True, D(2027, 4, 1), False, "Rp36.800", None),
    (19, "mandiri-lain", 1_000_000, False, D(2026, 1, 1), False, "Rp16.800", None),
    (20, "ojol", 2_750_000, True, D(2025, 12, 31), False, "± Rp89.300", None),
    (21, "umkm", 50_000_000, True, D(2026, 4, 1), False, "paling banyak Rp106.900 + JHT", None),
    (22, "sopir", 1_000_000, False, D(2027, 3, 31), False, "Rp8.400", None),
]
PER_YEAR_BY_HAND = {7: 394_450, 9: 6_971_400, 15: 240_000}


def plain(text: str) -> str:
    """The text with its no-break spaces (which keep "± Rp" on one line) as plain ones."""
    return text.replace("\u00a0", " ")


def quote(package, work, income, jht, day, city) -> rules.Quote:
    return rules.quote(package, rules.Question(work, income, ALL if jht else CORE, day, city))


@pytest.mark.parametrize(("number", "work", "income", "jht", "day", "city", "total", "year"), CASES)
def test_the_hand_computed_cases(package, number, work, income, jht, day, city, total, year):
    result = quote(package, work, income, jht, day, city)
    if total is None:
        assert result.status == "employee" and not result.lines
        return
    assert plain(outcome.total_value(result, package, "id")) == total
    if year is not None:
        assert result.per_year == PER_YEAR_BY_HAND[number]
        assert plain(outcome.year_total(result, package, "id")) == year


def _said(package, result) -> str:
    parts = [outcome.covers(result, package, "id"), outcome.discount_block(result, package, "id")]
    parts += outcome.notes(result, package, "id") + [benefits.note(result, package, "id")]
    parts += [s for sentences in benefits.sentences(result, package, "id").values() for s in sentences]
    return "\n".join(parts)


def test_case_11_and_12_print_no_benefit_from_the_typed_income(package):
    for jht, day in ((False, D(2027, 4, 1)), (True, D(2027, 3, 31))):
        text = _said(package, quote(package, "ojol", 50_000_000, jht, day, False))
        assert "Rp2\\.400\\.000\\.000" not in text and "Rp2\\.800\\.000\\.000" not in text
        assert "Rp50\\.000\\.000" not in text and "1\\.000\\.000 per bulan" not in text
        assert "48 × penghasilan yang didaftarkan untuk Anda" in text
        assert "Iuran JKK paling tinggi Rp207\\.000 per bulan" in text


def test_case_15_city_pays_jkk_and_jkm_and_you_pay_jht(package):
    text = _said(package, quote(package, "ojol", 1_000_000, True, D(2026, 6, 1), True))
    assert "Untuk JHT \\(tabungan hari tua\\)" in text
    assert "Pemkot Jambi membayar JKK \\(kecelakaan kerja\\) dan JKM \\(kematian\\)" in text
    assert "tidak membayar" not in text.replace("Diskon tidak berlaku", "")
    assert "penghasilan yang didaftarkan Pemkot Jambi untuk Anda" in text


def test_case_13_an_employee_gets_no_list_of_self_employed_benefits(package):
    result = quote(package, "karyawan", 1_500_000, False, D(2026, 6, 1), False)
    assert benefits.sentences(result, package, "id") == {}
    assert outcome.discount_block(result, package, "id") == "" and outcome.year_lines(result, package, "id") == []
