"""Settings: one name for the embedded engine, bad values named."""

from __future__ import annotations

import pytest

from graphsvc.settings import Engine, SettingsError, load_settings


@pytest.mark.parametrize("value", ["ladybug", "embedded"])
def test_the_embedded_engine_is_ladybug(value: str) -> None:
    assert load_settings(graphsvc_backend=value).engine is Engine.LADYBUG


def test_neo4j_and_a_bad_engine() -> None:
    assert load_settings(graphsvc_backend="neo4j").engine is Engine.NEO4J
    with pytest.raises(SettingsError, match="GRAPHSVC_BACKEND"):
        load_settings(graphsvc_backend="mongodb")


def test_team_threshold_bounds() -> None:
    assert load_settings().graphsvc_team_min_authors == 100
    with pytest.raises(SettingsError, match="GRAPHSVC_TEAM_MIN_AUTHORS"):
        load_settings(graphsvc_team_min_authors=1)
