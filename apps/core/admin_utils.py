"""Small helpers shared by the agents' admin pages."""

import csv

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse
from django.utils.functional import cached_property


def exporter_csv(nom_fichier: str, colonnes: list[tuple[str, callable]]):
    """An admin action exporting the selected rows as CSV (; separated, for Excel in French)."""

    @admin.action(description="Exporter la sélection en CSV")
    def action(modeladmin, request, queryset):
        reponse = HttpResponse(content_type="text/csv; charset=utf-8")
        reponse["Content-Disposition"] = f'attachment; filename="{nom_fichier}.csv"'
        reponse.write("\ufeff")  # BOM: Excel opens accents correctly
        ecrivain = csv.writer(reponse, delimiter=";")
        ecrivain.writerow([titre for titre, _ in colonnes])
        for objet in queryset.iterator(chunk_size=2000):
            ecrivain.writerow([valeur(objet) for _, valeur in colonnes])
        return reponse

    return action


class LectureSeuleMixin:
    """Nobody edits or deletes these rows from the admin (money, operator records)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PaginateurEstime(Paginator):
    """Pages of a huge table without counting it (16 million paiements: seconds per COUNT(*)).

    Unfiltered: PostgreSQL's estimate of the table's rows (pg_class.reltuples, kept by ANALYZE).
    Filtered: an exact count, stopped at COMPTAGE_MAXIMUM rows (the pages beyond are not browsed,
    agents search instead).
    """

    COMPTAGE_MAXIMUM = 10_000

    @cached_property
    def count(self):
        requete = self.object_list
        if not requete.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [requete.model._meta.db_table]
                )
                ligne = cursor.fetchone()
            if ligne and ligne[0] > self.COMPTAGE_MAXIMUM:
                return ligne[0]
        return requete[: self.COMPTAGE_MAXIMUM].count()


class ListeVolumineuseMixin:
    """A list page that neither counts the whole table nor searches through joins.

    The search box understands what an agent types: a souscription number (PASS-…), a police
    number (CG-…, any zero padding), a telephone or a name (without accents), each answered by an
    index; `recherche_exacte` adds the model's own unique references. `chemin_souscription` leads
    from the listed model to its souscription ("" for a souscription itself), `chemin_client` to
    its client.
    """

    show_full_result_count = False
    paginator = PaginateurEstime
    # Newest first by primary key: the PK index gives the first page at once, where sorting
    # 16 million paiements by a date without index takes seconds.
    ordering = ["-pk"]
    chemin_souscription = "souscription__"
    chemin_client = None  # from the listed model to its client; by default through the souscription
    recherche_exacte: tuple[str, ...] = ()
    search_fields = ["recherche"]  # shows the search box; get_search_results below does the searching
    search_help_text = "Téléphone, numéro de police ou de souscription, nom (sans accents)."

    def get_search_results(self, request, queryset, search_term):
        from apps.clients.selectors import clients_rechercher
        from apps.souscriptions.services import police_numero_normaliser

        terme = search_term.strip()[:100]
        if not terme:
            return queryset, False
        chemin = self.chemin_souscription
        majuscules = terme.upper()
        if majuscules.startswith("PASS-"):
            return queryset.filter(**{f"{chemin}numero_souscription": majuscules}), False
        if majuscules.startswith("CG-"):
            return queryset.filter(**{f"{chemin}police__numero_police": police_numero_normaliser(majuscules)}), False
        # The model's own references first, one indexed equality each: an OR with the client's
        # join would make PostgreSQL scan the whole table (21 s on 16 million paiements).
        for champ in self.recherche_exacte:
            trouves = queryset.filter(**{champ: terme})
            if trouves.exists():
                return trouves, False
        chemin_client = self.chemin_client or f"{chemin}client"
        return queryset.filter(**{f"{chemin_client}__in": [c.pk for c in clients_rechercher(texte=terme)]}), False
