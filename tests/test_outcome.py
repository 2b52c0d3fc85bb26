"""The check's sentences over months and answers, in both languages: what the result says, and what it must not."""

from __future__ import annotations

import datetime as dt

import pytest

from jamsostek import rules
from jamsostek.check import benefits, outcome

M = dt.date
CORE = frozenset({"jkk", "jkm"})
ALL = frozenset({"jkk", "jkm", "jht"})


def said(package, work, income, programmes, month, city=False, lang="id") -> str:
    """Everything the result says about the cost, in reading order, with Markdown escapes removed."""
    quote = rules.quote(package, rules.Question(work, income, programmes, month, city))
    parts = [outcome.heading(quote, package, lang)]
    if quote.status == "no-rules":
        parts.append(outcome.no_rules_text(quote, package, lang))
    elif quote.status == "priced":
        parts += [outcome.total_value(quote, package, lang), outcome.covers(quote, package, lang)]
        parts += [outcome.lines_table(quote, package, lang), *outcome.notes(quote, package, lang)]
        parts += [outcome.discount_block(quote, package, lang), outcome.year_block(quote, package, lang)]
        parts += [*outcome.basis_lines(quote, package, lang), outcome.share_text(quote, package, lang)]
    return "\n".join(parts).replace("\\", "").replace("\u00a0", " ")


# work, income, programmes, month, city, language -> phrases the result says (in order), phrases it must not say
CASES = [
    # PP 49/2020: its first and last months, with its condition
    ("ojol", 1_000_000, CORE, M(2020, 8, 1), False, "id",
     ["Rp168", "**Diskon 99%** untuk iuran JKK (kecelakaan kerja) dan JKM (kematian), sampai bulan iuran Januari 2021",
      "terdaftar sebelum Agustus 2020 dan sudah membayar iuran sampai Juli 2020", "Mulai Februari 2021: Rp16.800",
      "PP 49/2020 [R-PP49-20]"],
     ["APBN"]),
    ("umkm", 1_000_000, ALL, M(2021, 1, 1), False, "en",
     ["Rp20,168", "**Discount 99%** on JKK (work accident) and JKM (death), up to the contribution month January 2021",
      "No discount on JHT (old-age savings).", "registered before August 2020 and had paid up to July 2020",
      "From February 2021: Rp36,800 per month"],
     []),
    ("ojol", 1_000_000, CORE, M(2020, 7, 1), False, "id",
     ["Rp16.800", "Tidak ada diskon di bulan ini", "Agustus 2020 sampai Januari 2021; Januari 2026 sampai Maret 2027",
      "mulai Agustus 2020: Rp168 per bulan"],
     ["Diskon 99%"]),
    # PP 50/2025, transport: first and last month; other work: first and last month
    ("kurir", 1_000_000, CORE, M(2026, 1, 1), False, "id",
     ["Rp8.400", "**Diskon 50%**", "sampai bulan iuran Maret 2027", "Diskon tidak mengurangi manfaat",
      "Mulai April 2027: Rp16.800 per bulan", "(Januari 2026 sampai Desember 2026): **Rp100.800**"],
     ["potongan", "Potongan"]),
    ("sopir", 1_000_000, ALL, M(2027, 3, 1), False, "en",
     ["Rp28,400", "up to the contribution month March 2027", "From April 2027: Rp36,800 per month",
      "**Rp433,200**", "PP 50/2025 Pasal 4 ayat (1) [R-PP50]"],
     []),
    ("umkm", 1_000_000, CORE, M(2026, 4, 1), False, "id",
     ["Rp8.400", "sampai bulan iuran Desember 2026", "Mulai Januari 2027: Rp16.800 per bulan", "**Rp126.000**"],
     []),
    ("mandiri-lain", 1_000_000, CORE, M(2026, 12, 1), False, "en",
     ["Rp8,400", "up to the contribution month December 2026", "From January 2027: Rp16,800 per month"],
     []),
    ("umkm", 1_000_000, CORE, M(2026, 1, 1), False, "id",
     ["Rp16.800", "Tidak ada diskon di bulan ini", "April 2026 sampai Desember 2026", "**Rp126.000**",
      "- mulai April 2026: Rp8.400 per bulan"],
     []),
    # the first month: its benefits hold from 2 December 2019
    ("ojol", 1_000_000, CORE, M(2019, 12, 1), False, "id",
     ["Hasil untuk bulan iuran Desember 2019", "Rp16.800", "kecelakaan dan kematian sejak 2 Desember 2019"],
     []),
    # before it: a sentence, no amounts
    ("ojol", 1_000_000, ALL, M(2019, 11, 1), False, "en",
     ["Your result for the contribution month November 2019", "no rules for contribution months before December 2019",
      "apply from December 2, 2019", "no contribution or benefit for November 2019"],
     ["Rp"]),
    # after the newest rule
    ("ojol", 1_000_000, CORE, M(2027, 5, 1), False, "id",
     ["Rp16.800", "Untuk bulan sesudah Maret 2027, kami memakai aturan yang berlaku sekarang. Aturannya bisa berubah."],
     []),
    # incomes
    ("ojol", 500_000, CORE, M(2026, 11, 1), False, "id",
     ["Rp8.400", "di bawah Rp1.000.000 dihitung pada tingkat terendah"],
     ["±"]),
    ("ojol", 20_700_000, ALL, M(2026, 11, 1), False, "en",
     ["Rp520,900", "Rp207,000", "Rp103,500", "Rp414,000"],
     ["about", "at most", "ask BPJS"]),
    ("ojol", 50_000_000, ALL, M(2026, 11, 1), False, "id",
     ["paling banyak Rp106.900 + JHT", "Untuk JKK (kecelakaan kerja) dan JKM (kematian).",
      "JHT (tabungan hari tua): tanyakan ke BPJS Ketenagakerjaan; kami tidak bisa menghitung penghasilan di atas "
      "Rp20.700.000", "tanyakan ke BPJS", "Iuran JKK paling tinggi Rp207.000 per bulan"],
     ["Rp50.000.000", "Rp1.000.000", "2.400.000.000"]),
    # city-paid, with and without JHT
    ("ojol", 1_000_000, ALL, M(2026, 11, 1), True, "id",
     ["Rp20.000", "Untuk JHT (tabungan hari tua). Pemkot Jambi membayar JKK (kecelakaan kerja) dan JKM (kematian).",
      "dibayar Pemkot", "Diskon tidak berlaku untuk Anda", "**Rp240.000**",
      "tidak untuk peserta yang iurannya dibayar APBN atau APBD (anggaran negara atau daerah)",
      "Iuran Jamsostek saya untuk bulan November 2026: Rp20.000 per bulan"],
     ["tidak membayar iuran sendiri", "Rp10.000", "Rp6.800"]),
    ("ojol", 1_000_000, CORE, M(2026, 11, 1), True, "en",
     ["Rp0", "Pemkot Jambi pays JKK (work accident) and JKM (death). You pay no contribution yourself.",
      "The discount is not for you"],
     ["Total for 12"]),
]  # fmt: skip


@pytest.mark.parametrize(("work", "income", "programmes", "month", "city", "lang", "says", "never"), CASES)
def test_what_the_result_says(package, work, income, programmes, month, city, lang, says, never):
    text = said(package, work, income, programmes, month, city, lang)
    positions = [text.find(phrase) for phrase in says]
    assert all(p >= 0 for p in positions), [phrase for phrase, p in zip(says, positions, strict=True) if p < 0]
    assert positions == sorted(positions), "said out of order"
    assert not [phrase for phrase in never if phrase in text]


def test_estimates_carry_their_mark_in_the_table_and_every_total(package):
    quote = rules.quote(package, rules.Question("kurir", 2_750_000, ALL, M(2026, 12, 1)))
    table = outcome.lines_table(quote, package, "id").replace("\\", "").replace("\u00a0", " ")
    assert "| ± Rp27.500 | **± Rp13.750** |" in table and "| Rp6.800 | **Rp3.400** |" in table
    assert "| Rp55.000 | **Rp55.000** |" in table  # JHT: 2% of the income, not an estimate
    assert outcome.total_value(quote, package, "en") == "about Rp72,150"
    assert outcome.year_total(quote, package, "en").startswith("about ")
    exact = rules.quote(package, rules.Question("kurir", 1_000_000, ALL, M(2026, 12, 1)))
    assert outcome.total_value(exact, package, "id") == "Rp28.400"


def test_an_employee_gets_the_employee_answer_only(package):
    quote = rules.quote(package, rules.Question("karyawan", 1_500_000, ALL, M(2026, 6, 1)))
    assert quote.status == "employee"
    assert benefits.sentences(quote, package, "en") == {} and outcome.year_lines(quote, package, "en") == []
    assert outcome.basis_lines(quote, package, "en") == [] and outcome.discount_block(quote, package, "en") == ""
    assert outcome.share_text(quote, package, "en") == "Check your Jamsostek contribution and benefits:"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_benefits_without_a_known_income_name_no_amount_from_it(package, lang):
    for income, city in ((50_000_000, False), (2_500_000, True)):
        quote = rules.quote(package, rules.Question("ojol", income, ALL, M(2026, 11, 1), city))
        text = " ".join(s for group in benefits.sentences(quote, package, lang).values() for s in group)
        assert "48 ×" in text and "Rp42" in text  # the multiple and the fixed amounts stay
        for amount in (48 * income, 56 * income, income, 48 * 20_700_000):
            assert f"{amount:,}".replace(",", ".") not in text and f"{amount:,}" not in text
        assert benefits.note(quote, package, lang) and benefits.heading(quote, package, lang) in ("Manfaat", "Benefits")


def test_the_scholarship_says_when_it_is_paid(package):
    quote = rules.quote(package, rules.Question("ojol", 1_000_000, ALL, M(2026, 11, 1)))
    jkk = benefits.sentences(quote, package, "id")["JKK \\(kecelakaan kerja\\)"]
    assert any(s.startswith("Jika Anda meninggal atau cacat total tetap karena kecelakaan kerja") for s in jkk)
    assert "S18a" in quote.source_ids
