"""Fixtures shared by every test: the real PostgreSQL database, a frozen 'today'."""

from datetime import date

import pytest
from django.db import connection

from apps.core.dates import fixer_aujourdhui


@pytest.fixture
def fige_aujourdhui(db):
    """Freeze the views' today for this test (the setting dies with the test's transaction)."""

    def figer(jour: date | str):
        fixer_aujourdhui(date.fromisoformat(jour) if isinstance(jour, str) else jour)

    return figer


@pytest.fixture
def sql(db):
    """Run raw SQL, as a DBA or another program would, bypassing Django's validation."""

    def executer(requete: str, params=None):
        with connection.cursor() as cursor:
            cursor.execute(requete, params or [])
            if cursor.description:
                colonnes = [c.name for c in cursor.description]
                return [dict(zip(colonnes, ligne, strict=True)) for ligne in cursor.fetchall()]
            return None

    return executer


@pytest.fixture
def produits(db):
    from apps.produits.services import produits_charger_reference

    return {p.code: p for p in produits_charger_reference()}
