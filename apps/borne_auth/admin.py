from django.contrib import admin

from apps.borne_auth.models import Borne


@admin.register(Borne)
class BorneAdmin(admin.ModelAdmin):
    list_display = ["identifiant", "libelle", "agence", "actif", "derniere_activite", "version_app"]
    list_filter = ["actif", "agence"]
    search_fields = ["identifiant", "libelle", "agence"]
    exclude = ["cle_hash"]
    readonly_fields = ["derniere_activite", "version_app", "statut_rapporte", "date_creation"]
