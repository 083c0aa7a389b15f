"""The pool's check of a connection before lending it, without a round trip when it is sound.

psycopg_pool calls `check` each time a request borrows a connection; its own check
(`ConnectionPool.check_connection`) sends an empty query and waits for the answer: one round trip
to PostgreSQL per request (~75 µs here; docs/architecture.md,
« Connexions à PostgreSQL »).

A connection idle in the pool has nothing to read: PostgreSQL speaks only when asked. When the
server stops, restarts or ends a backend (pg_terminate_backend, a failover), it sends a FATAL
message and closes the socket, so the socket becomes readable. A connection whose socket has
nothing to read, that psycopg does not know closed, and that was lent a moment ago is lent as
is; any other goes through psycopg_pool's full check, which throws a broken one away.
"""

import select
import time

# Past this idleness, the full check: a peer that vanished silently (a firewall forgetting the
# connection, a host gone) shows nothing on the socket until something is sent.
INACTIVITE_VERIFIEE_SECONDES = 30.0


def connexion_verifier(connexion) -> None:
    """psycopg_pool's `check`: returns quietly if the connection can be lent, raises if not."""
    from psycopg_pool import ConnectionPool

    maintenant = time.monotonic()
    pretee_le = getattr(connexion, "pass_pretee_le", None)
    connexion.pass_pretee_le = maintenant
    if (
        connexion.closed
        or connexion.broken
        or pretee_le is None
        or maintenant - pretee_le > INACTIVITE_VERIFIEE_SECONDES
        or _a_lire(connexion.fileno())
    ):
        ConnectionPool.check_connection(connexion)


def _a_lire(descripteur: int) -> bool:
    """Something (a FATAL message, the end of the stream) waits on the socket, or it failed."""
    sondage = select.poll()
    sondage.register(descripteur, select.POLLIN | select.POLLPRI)
    return bool(sondage.poll(0))
