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

# Hypothesis profiles: the default keeps CI fast; `--hypothesis-profile=fuzz` is the long
# fuzzing run documented in docs/robustness.md.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=20000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile("default")
