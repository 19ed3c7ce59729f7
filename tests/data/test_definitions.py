"""Definitions come from what the shipped data's provenance says of each family of series; the
rest say none is published. Counted against the codes of the real catalogue by their families."""

from __future__ import annotations

import pandas as pd

FAMILIES_WITH_A_MEANING = (
    "CPI_YOY.",
    "CPI_MOM.",
    "CPI_YTD_YOY.",
    "IIP_YOY.",
    "IIP_YTD_YOY.",
    "RETAIL_M.",
    "RETAIL_YTD.",
    "RETAIL_M_YOY_IDX.",
    "RETAIL_YTD_YOY_IDX.",
    "EXP_M.",
    "IMP_M.",
    "EXP_YTD.",
    "IMP_YTD.",
    "EXP_M_YOY.",
    "IMP_M_YOY.",
    "EXP_YTD_YOY.",
    "IMP_YTD_YOY.",
    "FDI_",
    "SBI_",
    "GDP_Q_REAL.",
    "GDP_Q_YOY.",
    "VIS_",
)
"""The code families that PROVENANCE.md §2 and §5 explain (read there by hand)."""


def test_every_family_the_provenance_explains_has_a_definition_and_no_other(
    real_catalogue: pd.DataFrame,
) -> None:
    explained = real_catalogue["code"].str.startswith(FAMILIES_WITH_A_MEANING)
    has_one = real_catalogue["definition_vi"].notna()
    assert explained.sum() == 435
    assert (explained == has_one).all(), list(real_catalogue.loc[explained != has_one, "code"])
    assert real_catalogue.loc[has_one, "definition_en"].notna().all()


def test_a_definition_says_what_the_provenance_says(real_catalogue: pd.DataFrame) -> None:
    row = real_catalogue.set_index("code").loc["FDI_REG_TOTAL_YTD"]
    assert (
        "1 January" in row["definition_en"]
        and "disbursement is not included" in (row["definition_en"])
    )
    assert row["definition_basis"] == "PROVENANCE §2"
    gdp = real_catalogue.set_index("code").loc["GDP_Q_REAL.TONG_SO"]
    assert "single quarter" in gdp["definition_en"] and "2010" in gdp["definition_en"]
