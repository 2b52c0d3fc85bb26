"""The data package validator: the bundled data passes; each kind of bad file is named precisely."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from jamsostek import data
from jamsostek.__main__ import main

BUNDLED = data.DATA_DIR


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bundled_package_is_valid():
    assert data.validate(BUNDLED) == []


def test_load_types_the_columns(package):
    city = package.coverage[package.coverage["area"] == "kota-jambi"]
    assert dt.date(2024, 9, 10) in list(city["as_of"])
    assert int(city[city["as_of"] == dt.date(2024, 9, 10)]["covered"].iloc[0]) == 150_000


def test_every_source_id_resolves_to_a_url_or_regulation(package):
    sources = package.sources.set_index("id")
    for name, frame in package.tables.items():
        if "source_id" not in frame:
            continue
        for source_id in frame["source_id"]:
            assert source_id in sources.index, f"{name}: {source_id}"
            row = sources.loc[source_id]
            assert row["url"] or row["reference"], f"{source_id} has neither url nor reference"


BAD_CASES = [
    # (file, old text, new text, expected file, row, field, words in the message)
    ("coverage.csv", "2024-09-10,50,", "2024-09-10,150,", "coverage.csv", 3, "coverage_pct", "maximum"),
    ("coverage.csv", "2024-09-10,50,", "2024-09-31,50,", "coverage.csv", 3, "as_of", "2024-09-31"),
    ("coverage.csv", "city-workers,S1a", "city-workers,S99", "coverage.csv", 3, "source_id", "S99"),
    ("coverage.csv", "50,150000,300000", "50,250000,300000", "coverage.csv", 3, "coverage_pct", "agree"),
    ("targets.csv", "kota-jambi,2024,53,", "kota-jambi,2024,abc,", "targets.csv", 2, "target_pct", "abc"),
    ("coverage.csv", "kota-jambi,2024-09-10", "kota-medan,2024-09-10", "coverage.csv", 3, "area", "kota-medan"),
    ("sources.csv", "https://jambi.antaranews.com/berita/588119", "javascript:alert(1)//", "sources.csv", 2, "url", ""),
]


@pytest.mark.parametrize("file, old, new, where, row, field, words", BAD_CASES)
def test_validator_names_file_row_and_field(copy, file, old, new, where, row, field, words):
    replace_in(copy / file, old, new)
    problems = data.validate(copy)
    matching = [p for p in problems if p.file == where and p.row == row and p.field == field]
    assert matching, f"expected {where} row {row} field {field}, got {[str(p) for p in problems]}"
    assert words in str(matching[0])


def test_future_observation_is_rejected(copy):
    problems = data.validate(copy, today=dt.date(2024, 9, 1))
    assert any(p.file == "coverage.csv" and p.field == "as_of" and "future" in p.message for p in problems)


def test_overlapping_discount_periods_are_rejected(copy):
    old = "pp50-other,jkk jkm,50,other,2026-04-01"
    replace_in(copy / "discounts.csv", old, old.replace("other,2026", "transport,2026"))
    problems = data.validate(copy)
    assert any(p.file == "discounts.csv" and "overlaps" in p.message for p in problems)


def test_missing_column(copy):
    lines = (copy / "targets.csv").read_text(encoding="utf-8").splitlines()
    (copy / "targets.csv").write_text("\n".join(",".join(line.split(",")[:3]) for line in lines) + "\n")
    problems = data.validate(copy)
    assert any(p.file == "targets.csv" and p.field == "source_id" and "missing" in p.message for p in problems)


def test_empty_file(copy):
    (copy / "coverage.csv").write_text("")
    problems = data.validate(copy)
    assert any(p.file == "coverage.csv" and "empty" in p.message for p in problems)


def test_file_not_utf8(copy):
    (copy / "sources.csv").write_bytes((copy / "sources.csv").read_text(encoding="utf-8").encode("utf-16"))
    problems = data.validate(copy)
    assert any(p.file == "sources.csv" and ("encoding" in p.message or "utf" in p.message.lower()) for p in problems)


def test_broken_descriptor(copy):
    (copy / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    problems = data.validate(copy)
    assert [p.file for p in problems] == ["datapackage.json"]
    assert "JSON" in problems[0].message


def test_missing_descriptor_and_folder(tmp_path):
    assert "missing" in str(data.validate(tmp_path)[0])
    assert "not a folder" in str(data.validate(tmp_path / "nope")[0])


def test_a_live_copy_cannot_loosen_the_schema(copy):
    """The canonical (bundled) schemas apply even if a copy ships a looser descriptor."""
    replace_in(copy / "datapackage.json", '"maximum": 100', '"maximum": 1000')
    replace_in(copy / "coverage.csv", "2024-09-10,50,", "2024-09-10,150,")
    assert any(p.field == "coverage_pct" for p in data.validate(copy))


def test_load_raises_with_every_problem(copy):
    (copy / "coverage.csv").write_text("")
    with pytest.raises(data.DataError) as info:
        data.load(copy)
    assert "coverage.csv" in str(info.value)


def test_cli_exit_codes(copy, capsys):
    assert main(["validate", str(copy)]) == 0
    (copy / "coverage.csv").write_text("")
    assert main(["validate", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "coverage.csv" in out and "Traceback" not in out


def test_a_discount_for_all_sectors_may_not_overlap_a_sectors_own(copy):
    old = "pp49-20,jkk jkm,99,all,2020-08-01,2021-01-31"
    replace_in(copy / "discounts.csv", old, old.replace("2020-08-01,2021-01-31", "2020-08-01,2026-02-28"))
    problems = data.validate(copy)
    assert any(p.file == "discounts.csv" and "transport:jkk" in p.message for p in problems)
    assert not any("other:jkk" in p.message for p in problems)  # the other-work discount starts in April 2026


def test_a_rule_period_must_run_forwards(copy):
    replace_in(copy / "rules.csv", "claim-years,5,years,2019-12-02,", "claim-years,5,years,2019-12-02,2019-01-01")
    problems = data.validate(copy)
    assert any(p.file == "rules.csv" and p.field == "valid_to" and "before valid_from" in p.message for p in problems)
