"""Small helpers shared by the agents' admin pages."""

import csv

from django.contrib import admin
from django.http import HttpResponse


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
