"""The expression the clients' names are searched and indexed by (SQL function pass_sans_accents)."""

from django.db.models import CharField, Func


class SansAccents(Func):
    function = "pass_sans_accents"
    output_field = CharField()
