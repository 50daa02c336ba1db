"""The `graphsvc` command: serve, schema, ingest, demo."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from graphsvc.db import GraphBackend, GraphError, open_backend
from graphsvc.settings import Engine, Settings, SettingsError, load_settings
from graphsvc.store import reset as graph_reset
from loaders import collector
from loaders.lines import DecompressedTooLarge, ReadLimits
from loaders.source import SourceItem
from loaders.summary import IngestSummary
from loaders.writer import SourceInterrupted, TooManySkipped

app = typer.Typer(help="graphsvc: a researcher knowledge graph from arXiv.", no_args_is_help=True)
schema_app = typer.Typer(help="Manage the graph schema.", no_args_is_help=True)
ingest_app = typer.Typer(help="Load arXiv papers into the graph.", no_args_is_help=True)
layer_app = typer.Typer(help="The collaboration layer (aggregates kept in the graph).")
admin_app = typer.Typer(help="Administrator accounts (they review claims).", no_args_is_help=True)
app.add_typer(schema_app, name="schema")
app.add_typer(ingest_app, name="ingest")
app.add_typer(layer_app, name="layer", no_args_is_help=True)
app.add_typer(admin_app, name="admin")

RESET_PROGRESS_EVERY = 1_000_000  # deleted items between two progress lines of `reset`
DEMO_DIR = Path(__file__).resolve().parent.parent / "loaders" / "data" / "demo"
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Only print the final summary.")]
BatchSize = Annotated[int, typer.Option(min=1, max=100_000, help="Papers per transaction.")]


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=1)


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as err:
        raise fail(str(err)) from None


def _open(settings: Settings) -> GraphBackend:
    try:
        backend = open_backend(settings)
        backend.ping()
        backend.apply_schema()
    except GraphError as err:
        raise fail(str(err)) from None
    return backend


@schema_app.command("apply")
def schema_apply() -> None:
    """Create missing constraints, indexes and tables (idempotent)."""
    backend = _open(_settings())
    try:
        statements = backend.apply_schema()
    finally:
        backend.close()
    typer.echo(f"schema applied on {backend.dialect}: {len(statements)} statements")


def _run_ingest(
    items: Iterable[SourceItem],
    *,
    source: str | None,
    quiet: bool,
    batch_size: int,
    backend: GraphBackend | None = None,
    resident: bool = False,
) -> IngestSummary:
    from loaders.progress import progress_reporter
    from loaders.writer import GraphWriter

    owned = backend is None
    settings = _settings()
    backend = backend or _open(settings)
    try:
        writer = GraphWriter(
            backend,
            resident=resident,
            batch_size=batch_size,
            team_min_authors=settings.graphsvc_team_min_authors,
            name_rarity=settings.graphsvc_identity_name_rarity,
            max_skipped=settings.graphsvc_max_skipped_items,
        )
        with progress_reporter(enabled=not quiet) as report:
            summary = writer.ingest(items, source=source, progress=report)
        for researchers, seconds in writer.state_reads if not quiet else ():
            typer.echo(f"identity state: {researchers:,} researchers read in {seconds:,.1f} s")
    except SourceInterrupted as stop:
        typer.echo(stop.summary.line())
        if isinstance(stop.cause, DecompressedTooLarge | TooManySkipped):
            raise fail(f"ingest stopped: {stop.cause}; raise it to read further") from None
        raise fail(f"ingest stopped: {stop.cause}; run the same command again to resume") from None
    finally:
        if owned:
            backend.close()
    typer.echo(summary.line())
    return summary


@ingest_app.command("snapshot")
def ingest_snapshot(
    file: Annotated[Path, typer.Argument(help="arXiv metadata snapshot (.jsonl or .jsonl.gz)")],
    limit: Annotated[int | None, typer.Option(min=1, help="Read at most N lines.")] = None,
    restart: Annotated[bool, typer.Option(help="Ignore the saved resume position.")] = False,
    quiet: Quiet = False,
    batch_size: BatchSize = 5_000,
    bulk: Annotated[
        bool,
        typer.Option(
            help="Load an empty graph through the engine's bulk path (README: Bulk load)."
        ),
    ] = False,
    neo4j_data: Annotated[
        Path | None,
        typer.Option(
            help="With --bulk on Neo4j: the data folder of the stopped server (offline import);"
            " without it, the running server is loaded over Bolt."
        ),
    ] = None,
    resident_state: Annotated[
        bool,
        typer.Option(
            help="Read the whole graph's identity state once and keep it in memory: for long"
            " runs into a large graph (README: Incremental ingest into a large graph)."
        ),
    ] = False,
) -> None:
    """Stream a metadata snapshot into the graph; resumes where a previous run stopped."""
    from loaders.snapshot import read_snapshot
    from loaders.writer import GraphWriter

    if not file.is_file():
        raise fail(f"cannot open {file}: no such file")
    settings = _settings()
    source = f"snapshot:{file.name}:{file.stat().st_size}"
    if resident_state and bulk:
        raise fail("--resident-state goes without --bulk (a bulk load keeps all of it anyway)")
    if bulk:
        _bulk_snapshot(
            file,
            source,
            settings,
            limit=limit,
            quiet=quiet,
            batch_size=batch_size,
            neo4j_data=neo4j_data,
        )
        return
    if neo4j_data is not None:
        raise fail("--neo4j-data goes with --bulk")
    backend = _open(settings)
    start = 0 if restart else (GraphWriter(backend).position(source) or 0)
    if start and not quiet:
        typer.echo(f"resuming {file.name} after line {start}")
    limits = ReadLimits(settings.graphsvc_max_line_bytes, settings.graphsvc_max_decompressed_bytes)
    try:
        items = read_snapshot(file, start=start, limit=limit, limits=limits)
        _run_ingest(
            items,
            source=source,
            quiet=quiet,
            batch_size=batch_size,
            backend=backend,
            resident=resident_state,
        )
    except OSError as err:
        raise fail(f"cannot read {file}: {err}") from None
    finally:
        backend.close()


@collector.paused()  # the plan's heap grows to gigabytes of objects that hold no cycles
def _bulk_snapshot(
    file: Path,
    source: str,
    settings: Settings,
    *,
    limit: int | None,
    quiet: bool,
    batch_size: int,
    neo4j_data: Path | None,
) -> None:
    """The bulk load of an empty graph (loaders.bulk_load); nothing is written when refused."""
    from loaders import bulk_load
    from loaders.bulk import BulkRefused
    from loaders.neo4j_local import Neo4jLocalError

    neo4j = settings.engine is Engine.NEO4J
    if not neo4j and neo4j_data is not None:
        raise fail("--neo4j-data is for GRAPHSVC_BACKEND=neo4j")
    if neo4j_data is not None and settings.neo4j_database != "neo4j":
        raise fail("the offline import writes database neo4j (NEO4J_DATABASE=neo4j)")
    user, password = settings.neo4j_user, settings.neo4j_password.get_secret_value()
    job = bulk_load.SnapshotPlan(
        file=file,
        source=source,
        limit=limit,
        limits=ReadLimits(
            settings.graphsvc_max_line_bytes, settings.graphsvc_max_decompressed_bytes
        ),
        batch_size=batch_size,
        team_min_authors=settings.graphsvc_team_min_authors,
        name_rarity=settings.graphsvc_identity_name_rarity,
        max_skipped=settings.graphsvc_max_skipped_items,
        progress=not quiet,
    )
    stage = bulk_load.quiet if quiet else lambda what: typer.echo(what, err=True)
    backend = None if neo4j_data is not None else _open(settings)
    try:
        if neo4j_data is not None:
            existing = bulk_load.check_neo4j_folder(neo4j_data, user=user, password=password)
            summary = bulk_load.write_neo4j(
                job, neo4j_data, user=user, password=password, overwrite=existing, stage=stage
            )
        else:
            assert backend is not None
            if neo4j:
                bulk_load.check_empty(backend)
                tables, summary = job.run()
                bulk_load.write_online(backend, tables)
            else:
                scratch = settings.graphsvc_data_dir
                summary = bulk_load.load_embedded(job, backend, scratch=scratch, stage=stage)
    except BulkRefused as err:
        raise fail(f"bulk load refused: {err}") from None
    except SourceInterrupted as stop:
        what = "refused" if isinstance(stop.cause, BulkRefused) else "stopped, nothing written"
        raise fail(f"bulk load {what}: {stop.cause}") from None
    except (
        Neo4jLocalError,
        GraphError,
        bulk_load.PartialLoad,
        bulk_load.PlanProcessDied,
        bulk_load.FilesNotWritten,
    ) as err:
        raise fail(f"bulk load failed: {err}") from None
    except OSError as err:
        raise fail(f"cannot read {file}: {err}") from None
    finally:
        if backend is not None:
            backend.close()
    typer.echo(summary.line())


@ingest_app.command("atom")
def ingest_atom(
    files: Annotated[list[Path], typer.Argument(help="Atom documents as the arXiv API returns")],
    quiet: Quiet = False,
    batch_size: BatchSize = 5_000,
) -> None:
    """Ingest recorded arXiv API responses (error entries and empty feeds are reported)."""
    from loaders.atom import read_atom_files

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise fail(f"cannot open {', '.join(missing)}: no such file")
    _run_ingest(read_atom_files(files), source=None, quiet=quiet, batch_size=batch_size)


@ingest_app.command("arxiv")
def ingest_arxiv(
    query: Annotated[
        str | None, typer.Option(help="arXiv query, e.g. 'au:\"Xu, Zhi-Qin\"'")
    ] = None,
    id_list: Annotated[str | None, typer.Option(help="Comma-separated arXiv ids.")] = None,
    max_results: Annotated[int | None, typer.Option(min=1)] = None,
    page_size: Annotated[int, typer.Option(min=1, max=2000)] = 100,
    delay: Annotated[float, typer.Option(min=3.0, help="Seconds between requests.")] = 3.0,
    quiet: Quiet = False,
    batch_size: BatchSize = 500,
) -> None:
    """Harvest from the live arXiv API (paced, with backoff, resumable by query)."""
    from loaders.arxiv_api import Harvester
    from loaders.writer import GraphWriter

    if (query is None) == (id_list is None):
        raise fail("give exactly one of --query or --id-list")
    harvester = Harvester(page_size=page_size, delay_seconds=delay)
    backend = _open(_settings())
    try:
        items: Iterator[SourceItem]
        if id_list is not None:
            ids = [i.strip() for i in id_list.split(",") if i.strip()]
            if not ids:
                raise fail("--id-list is empty")
            items, source = harvester.lookup_ids(ids), None
        else:
            assert query is not None
            source = f"arxiv:{query}:{max_results}"
            done = GraphWriter(backend).position(source)
            start = 0 if done is None else done + 1
            items = harvester.search(query, max_results=max_results, start=start)
        _run_ingest(items, source=source, quiet=quiet, batch_size=batch_size, backend=backend)
    finally:
        backend.close()


def ingest_demo(backend: GraphBackend, *, quiet: bool = True) -> IngestSummary:
    """Load the bundled real demo data: snapshot lines, recorded feeds, the seed researcher."""
    from itertools import chain

    from loaders.atom import read_atom_files
    from loaders.seed import read_seed
    from loaders.snapshot import read_snapshot

    items = chain(
        read_snapshot(DEMO_DIR / "arxiv-metadata-sample-200.jsonl"),
        read_atom_files(sorted((DEMO_DIR / "atom").glob("*.xml"))),
        read_seed(DEMO_DIR / "papers-seen.json"),
    )
    return _run_ingest(items, source=None, quiet=quiet, batch_size=500, backend=backend)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Neo4j only.")] = 1,
) -> None:
    """Serve the API and the explorer with uvicorn."""
    import uvicorn

    from graphsvc.api.app import create_app

    settings = _settings()
    if workers > 1 and settings.engine is Engine.LADYBUG:
        raise fail("the embedded engine allows one process: use --workers 1 (or Neo4j)")
    # Opened here, not in the app's start-up, so that a database held by another process (or
    # an unreachable Neo4j) is a one-line error rather than uvicorn's start-up traceback.
    backend = _open(settings)
    typer.echo(f"graphsvc on {settings.engine.value}: http://{host}:{port}/")
    if workers > 1:  # Neo4j: each worker process opens its own driver
        backend.close()
        uvicorn.run(
            "graphsvc.api.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
        )
        return
    try:
        uvicorn.run(create_app(settings, backend=backend), host=host, port=port, log_level="info")
    finally:
        backend.close()


@app.command()
def demo(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Only load the data.")] = False,
) -> None:
    """Load the bundled demo data into the configured graph, then serve it."""
    backend = _open(_settings())
    try:
        ingest_demo(backend)
    finally:
        backend.close()
    if not no_serve:
        typer.echo(f"reference researcher: http://{host}:{port}/researchers/zhi-qin-john-xu")
        serve(host=host, port=port, workers=1)


@layer_app.command("rebuild")
def layer_rebuild() -> None:
    """Recompute the collaboration layer from the raw graph (after changing
    GRAPHSVC_TEAM_MIN_AUTHORS, or to check it: the result equals the maintained layer)."""
    from graphsvc.store import layer

    settings = _settings()
    backend = _open(settings)
    try:
        works = layer.rebuild(backend, team_min_authors=settings.graphsvc_team_min_authors)
    except GraphError as err:
        raise fail(str(err)) from None
    finally:
        backend.close()
    typer.echo(f"collaboration layer rebuilt from {works} works")


def _set_admin(email: str, is_admin: bool) -> None:
    from graphsvc.services.accounts import email_key
    from graphsvc.store import accounts

    key = email_key(email)
    if key is None:
        raise fail(f"{email!r} is not an email address")
    backend = _open(_settings())
    try:
        found = accounts.set_admin(backend, key, is_admin)
    finally:
        backend.close()
    if not found:
        raise fail(f"no account with the email {email}")
    typer.echo(f"{key} is {'now' if is_admin else 'no longer'} an administrator")


@admin_app.command("grant")
def admin_grant(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Make an account an administrator (it may then review claims)."""
    _set_admin(email, True)


@admin_app.command("revoke")
def admin_revoke(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Take an account's administrator rights away."""
    _set_admin(email, False)


@app.command()
def reset(yes: Annotated[bool, typer.Option("--yes", help="Confirm.")] = False) -> None:
    """Delete every node and relationship of the configured graph (the embedded engine drops
    and remakes its tables; Neo4j deletes a bounded batch per transaction: if it stops
    half-way, run it again)."""
    if not yes:
        raise fail("this deletes the whole graph: pass --yes")
    backend = _open(_settings())
    shown = {"relationships": 0, "nodes": 0}

    def progress(kind: str, total: int) -> None:
        if total >= shown[kind] + RESET_PROGRESS_EVERY:
            shown[kind] = total
            typer.echo(f"deleted {total:,} {kind} so far", err=True)

    try:
        relationships, nodes = graph_reset.delete_all(backend, progress=progress)
    except GraphError as err:
        raise fail(f"{err} (part of the graph may be deleted: run reset again)") from None
    finally:
        backend.close()
    typer.echo(f"graph deleted: {relationships:,} relationships, {nodes:,} nodes")


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # its retry chatter; errors are ours
    app()
