from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: A fixed "today" so that tests do not change meaning with the calendar.
REFERENCE_DATE = date(2027, 1, 15)


@pytest.fixture
def ref_date() -> date:
    return REFERENCE_DATE
