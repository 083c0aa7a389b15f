"""Today's date as the database sees it.

The views compute en_retard / a_venir / expire against `pass_aujourdhui()`, a SQL function
that reads the session setting `pass.aujourdhui` when present (tests freeze the day with
`SET pass.aujourdhui = '2024-10-01'`) and otherwise today's date in Brazzaville. Python asks
the same function, so the API and the views never disagree about what day it is.
"""

from datetime import date

from django.db import connection


def aujourdhui() -> date:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pass_aujourdhui()")
        return cursor.fetchone()[0]


def fixer_aujourdhui(jour: date | None) -> None:
    """Freeze (or, with None, release) today's date for this database session."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pass.aujourdhui', %s, false)", [jour.isoformat() if jour else ""])
