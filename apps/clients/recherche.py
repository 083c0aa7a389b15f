"""The expressions the clients' names are searched, sorted and indexed by (SQL function pass_sans_accents)."""

from django.db.models import CharField, Func
from django.db.models.functions import Collate


class SansAccents(Func):
    function = "pass_sans_accents"
    output_field = CharField()


def cle(champ: str) -> Collate:
    """A name without accents, in the "C" collation (byte order). A btree index on it answers both
    `LIKE 'prefix%'` (a range of the index) and ORDER BY in the index's order, whatever the
    database's collation: the search reads the first 50 matches and stops."""
    return Collate(SansAccents(champ), "C")
