"""The `graphsvc` command as a user runs it: summaries, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import DEMO, FIXTURES, gzip_bomb


def graphsvc(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "GRAPHSVC_BACKEND": "ladybug", "GRAPHSVC_DATA_DIR": str(data)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "graphsvc", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_snapshot_with_bad_lines_completes_and_counts(tmp_path: Path) -> None:
    good = (DEMO / "arxiv-metadata-sample-200.jsonl").read_text().splitlines()[:20]
    bad = [
        '{"id": "0704.9999", "title": "truncated',
        "not json at all",
        "[1, 2, 3]",
        json.dumps(
            {"id": "0704.9998", "title": "No authors", "authors": "", "categories": "cs.LG"}
        ),
        json.dumps({"title": "no id", "authors": "A. B"}),
        json.dumps(
            {
                "id": "0704.9997",
                "title": "x" * 1_000_000,
                "authors": "A. Bee",
                "categories": "cs.LG",
            }
        ),
    ]
    snapshot = tmp_path / "s.jsonl"
    snapshot.write_text("\n".join(good + bad + good[:3]) + "\n")
    result = graphsvc("ingest", "snapshot", str(snapshot), "--quiet", data=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("ingested 20, updated 0, skipped 9 (")
    for reason in (
        "bad-json: 2",
        "not-an-object: 1",
        "no-authors: 1",
        "missing-field:id: 1",
        "duplicate-in-batch: 3",
        "invalid:title: 1",
    ):
        assert reason in last
    assert "Traceback" not in result.stderr


def test_a_bomb_stops_at_the_decompressed_cap_and_a_raised_cap_resumes(tmp_path: Path) -> None:
    sample = (DEMO / "arxiv-metadata-sample-200.jsonl").read_bytes()
    bomb = gzip_bomb(tmp_path / "s.jsonl.gz", b"\x00", 8, head=sample)
    capped = {"GRAPHSVC_MAX_DECOMPRESSED_BYTES": str(4 << 20)}
    result = graphsvc("ingest", "snapshot", str(bomb), "-q", data=tmp_path / "d", **capped)
    assert result.returncode == 1
    assert result.stdout.strip().splitlines()[-1].startswith("ingested 200, updated 0, skipped 0")
    assert result.stderr.strip() == (
        "error: ingest stopped: decompressed size exceeds GRAPHSVC_MAX_DECOMPRESSED_BYTES "
        "(4,194,304 bytes); raise it to read further"
    )
    result = graphsvc("ingest", "snapshot", str(bomb), "-q", data=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last == "ingested 0, updated 0, skipped 1 (line-too-long: 1)"


def test_rerun_resumes_and_changes_nothing(tmp_path: Path) -> None:
    snapshot = DEMO / "arxiv-metadata-sample-200.jsonl"
    first = graphsvc("ingest", "snapshot", str(snapshot), "--quiet", data=tmp_path)
    assert first.stdout.strip().endswith("ingested 200, updated 0, skipped 0")
    again = graphsvc("ingest", "snapshot", str(snapshot), data=tmp_path)
    assert "resuming" in again.stdout
    assert again.stdout.strip().splitlines()[-1] == "ingested 0, updated 0, skipped 0"
    restart = graphsvc("ingest", "snapshot", str(snapshot), "--restart", "-q", data=tmp_path)
    assert restart.stdout.strip().endswith("200 already up to date")


def test_a_resident_state_run_resumes_as_the_default_does(tmp_path: Path) -> None:
    """The rest of a file after a first run, read with the whole state resident, gives the
    graph the default run gives."""
    from graphsvc.db.ladybug_backend import LadybugBackend
    from tests.helpers import TEST_QUERIES, graph_state

    snapshot = str(DEMO / "arxiv-metadata-sample-200.jsonl")
    states = []
    for name, rest in (("default", []), ("resident", ["--resident-state"])):
        data = tmp_path / name
        graphsvc("ingest", "snapshot", snapshot, "--limit", "120", "-q", data=data)
        result = graphsvc(
            "ingest", "snapshot", snapshot, "-q", "--batch-size", "25", *rest, data=data
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("ingested 80, updated 0, skipped 0")
        backend = LadybugBackend(data / "graph.lbdb", extra_queries=TEST_QUERIES)
        try:
            states.append(graph_state(backend))
        finally:
            backend.close()
    assert states[0] == states[1]
    assert states[0]["counts"]["Work"] == 200


def test_atom_files_report_errors_and_empty_feeds(tmp_path: Path) -> None:
    feeds = FIXTURES / "arxiv-api"
    broken = tmp_path / "broken.xml"
    broken.write_text("<feed><entry>")
    result = graphsvc(
        "ingest",
        "atom",
        str(feeds / "id_abc_s0_m100.xml"),
        str(feeds / "id_0000.0000_s0_m100.xml"),
        str(feeds / "id_1605.08386_s0_m100.xml"),
        str(broken),
        "-q",
        data=tmp_path / "d",
    )
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("ingested 1, updated 0, skipped 3")
    assert "arxiv-error: 1" in line and "empty-feed: 1" in line and "malformed-feed: 1" in line


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["ingest", "snapshot", "/nonexistent.jsonl"], {}, "cannot open /nonexistent.jsonl"),
        (["ingest", "atom", "/nope.xml"], {}, "cannot open /nope.xml"),
        (["schema", "apply"], {"GRAPHSVC_BACKEND": "mongodb"}, "GRAPHSVC_BACKEND"),
        (["schema", "apply"], {"NEO4J_URI": "http://x"}, "NEO4J_URI"),
        (["schema", "apply"], {"GRAPHSVC_QUERY_TIMEOUT_S": "-1"}, "GRAPHSVC_QUERY_TIMEOUT_S"),
        (["ingest", "arxiv"], {}, "exactly one of --query or --id-list"),
        (["serve", "--workers", "2"], {}, "one process"),
        (
            [
                "ingest",
                "snapshot",
                str(DEMO / "arxiv-metadata-sample-200.jsonl"),
                "--bulk",
                "--resident-state",
            ],
            {},
            "--resident-state goes without --bulk",
        ),
    ],
)
def test_bad_input_gives_a_one_line_error(
    tmp_path: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    result = graphsvc(*args, data=tmp_path, **env)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_neo4j_is_a_one_line_error(tmp_path: Path) -> None:
    result = graphsvc(
        "schema",
        "apply",
        data=tmp_path,
        GRAPHSVC_BACKEND="neo4j",
        NEO4J_URI="bolt://127.0.0.1:9",
        NEO4J_PASSWORD="x",
        GRAPHSVC_QUERY_TIMEOUT_S="2",
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: Neo4j is unavailable")


def test_schema_apply_twice(tmp_path: Path) -> None:
    for _ in range(2):
        result = graphsvc("schema", "apply", data=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "schema applied on ladybug" in result.stdout


HOLD = """
import sys, time
from pathlib import Path
from graphsvc.db.ladybug_backend import LadybugBackend
backend = LadybugBackend(Path(sys.argv[1]))
print("holding", flush=True)
time.sleep(120)
"""


@contextmanager
def database_held_by_another_process(data: Path) -> Iterator[None]:
    """A second Python process opens the embedded database and keeps it until the end."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data / "graph.lbdb")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding", holder.stderr
        yield
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_serve_while_another_process_holds_the_database_is_a_one_line_error(
    tmp_path: Path,
) -> None:
    from tests.neo4j_server import free_port

    with database_held_by_another_process(tmp_path):
        result = graphsvc("serve", "--port", str(free_port()), data=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("error: the embedded database")
    assert "in use by another process" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_ingest_while_another_process_holds_the_database_is_a_one_line_error(
    tmp_path: Path,
) -> None:
    feed = FIXTURES / "arxiv-api" / "id_1605.08386_s0_m100.xml"
    with database_held_by_another_process(tmp_path):
        result = graphsvc("ingest", "atom", str(feed), "-q", data=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("error: the embedded database")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_admin_grant_and_revoke(tmp_path: Path) -> None:
    from graphsvc.db.ladybug_backend import LadybugBackend
    from graphsvc.store import accounts

    def is_admin() -> bool:
        backend = LadybugBackend(tmp_path / "graph.lbdb")
        try:
            backend.apply_schema()
            row = accounts.by_email(backend, "ada@example.org")
            if row is None:
                accounts.create_account(
                    backend,
                    id="a1",
                    email="Ada@example.org",
                    email_key="ada@example.org",
                    display_name="Ada",
                    password_hash="x",
                    now=0,
                )
                return False
            return bool(row["is_admin"])
        finally:
            backend.close()

    assert not is_admin()
    result = graphsvc("admin", "grant", "Ada@Example.org", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ada@example.org is now an administrator"
    assert is_admin()
    result = graphsvc("admin", "revoke", "ada@example.org", data=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (
        0,
        "ada@example.org is no longer an administrator",
    )
    assert not is_admin()
    for email, error in (
        ("nobody@example.org", "error: no account with the email nobody@example.org"),
        ("not an email", "error: 'not an email' is not an email address"),
    ):
        result = graphsvc("admin", "grant", email, data=tmp_path)
        assert (result.returncode, result.stderr.strip()) == (1, error)


def test_reset_asks_for_yes_then_empties_the_graph(tmp_path: Path) -> None:
    snapshot = str(DEMO / "arxiv-metadata-sample-200.jsonl")
    graphsvc("ingest", "snapshot", snapshot, "--limit", "30", "-q", data=tmp_path)
    refused = graphsvc("reset", data=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "error: this deletes the whole graph: pass --yes"
    done = graphsvc("reset", "--yes", data=tmp_path)
    assert done.returncode == 0, done.stderr
    deleted = re.fullmatch(
        r"graph deleted: ([\d,]+) relationships, ([\d,]+) nodes", done.stdout.strip()
    )
    assert (
        deleted and int(deleted[1].replace(",", "")) > 30 and int(deleted[2].replace(",", "")) > 30
    )
    again = graphsvc("reset", "--yes", data=tmp_path)
    assert again.stdout.strip() == "graph deleted: 0 relationships, 0 nodes"
    ingest = graphsvc("ingest", "snapshot", snapshot, "--limit", "30", "-q", data=tmp_path)
    assert ingest.stdout.strip().endswith("ingested 30, updated 0, skipped 0")
