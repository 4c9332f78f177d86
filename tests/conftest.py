from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"


@pytest.fixture
def corpora() -> Path:
    return CORPORA
