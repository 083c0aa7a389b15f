from django.db import connection


def etat_base_de_donnees() -> str:
    """'ok' when the database answers a query, 'indisponible' otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:  # any failure means the dependency is down: report, never raise
        return "indisponible"
