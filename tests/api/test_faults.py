"""Neo4j going away while the API serves: 503 problem+json with Retry-After, then recovery."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from graphsvc.db.neo4j_backend import Neo4jBackend
from tests.conftest import api_client, connect_neo4j
from tests.neo4j_server import Neo4jServer


def test_neo4j_down_gives_503_and_service_resumes(
    neo4j_server: Neo4jServer, neo4j_backend: Neo4jBackend
) -> None:
    backend = connect_neo4j(neo4j_server, timeout_s=3.0)
    try:
        with api_client(backend) as client:
            assert client.get("/readyz").status_code == 200
            assert client.get("/v1/researchers", params={"q": "xu"}).status_code == 200
            neo4j_server.stop()
            try:
                for url in ("/readyz", "/v1/researchers?q=xu", "/v1/topics/cs.LG/neighborhood"):
                    started = time.monotonic()
                    response = client.get(url)
                    assert response.status_code == 503, (url, response.text)
                    assert response.headers["content-type"] == "application/problem+json"
                    assert int(response.headers["retry-after"]) > 0
                    assert time.monotonic() - started < 30, "answers within the timeout"
            finally:
                neo4j_server.start()
            # A restarted JVM is cold: its first query may outlast the 3 s timeout (503 again).
            assert _eventually_ok(client, "/readyz")
            assert _eventually_ok(client, "/v1/researchers?q=xu")
    finally:
        backend.close()


def _eventually_ok(client: TestClient, url: str, attempts: int = 30) -> bool:
    for _ in range(attempts):
        if client.get(url).status_code == 200:
            return True
        time.sleep(1)
    return False
