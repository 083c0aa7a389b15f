from django.db import connection


def compteur_suivant(*, cle: str) -> int:
    """Next value of the named counter (1 the first time), safe under concurrency."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO compteurs_pass (cle, valeur) VALUES (%s, 1)
            ON CONFLICT (cle) DO UPDATE SET valeur = compteurs_pass.valeur + 1
            RETURNING valeur
            """,
            [cle],
        )
        return cursor.fetchone()[0]
