"""docker-compose.yml and the Dockerfile describe the production shape the tests use."""

from __future__ import annotations

import re
import shutil
import subprocess

import yaml

from tests.helpers import REPO


def pom_neo4j_version() -> str:
    pom = (REPO / "scripts" / "neo4j" / "pom.xml").read_text()
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", pom)
    assert match
    return match.group(1)


def test_compose_runs_the_tested_neo4j_and_the_api() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert neo4j["image"] == f"neo4j:{pom_neo4j_version()}-community"
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
    assert api["build"] == "."
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["GRAPHSVC_BACKEND"] == "neo4j"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"


def test_compose_file_is_valid_for_docker_compose_where_available() -> None:
    """`docker compose config` checks the file where the compose client exists."""
    docker = shutil.which("docker")
    has_compose = (
        docker is not None
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    )
    if has_compose:
        assert docker is not None
        result = subprocess.run(
            [docker, "compose", "-f", str(REPO / "docker-compose.yml"), "config", "--quiet"],
            capture_output=True,
            text=True,
            env={"NEO4J_PASSWORD": "a-test-password"},
        )
        assert result.returncode == 0, result.stderr
    else:  # the YAML itself must still load and name both services
        assert set(yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]) == {
            "neo4j",
            "api",
        }


def test_dockerfile_installs_the_package_with_its_queries() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    for folder in ("graphsvc", "loaders", "cypher"):
        assert f"COPY {folder} ./{folder}" in dockerfile
    assert 'graphsvc", "serve"' in dockerfile
