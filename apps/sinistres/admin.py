from django.contrib import admin

from apps.sinistres.models import Sinistre


@admin.register(Sinistre)
class SinistreAdmin(admin.ModelAdmin):
    list_display = ["id", "souscription", "type", "date_survenance", "montant_reclame", "statut"]
    list_filter = ["statut", "type"]
    search_fields = ["souscription__numero_souscription", "souscription__police__numero_police"]
    raw_id_fields = ["souscription"]
