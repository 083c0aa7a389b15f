from django.contrib import admin

from apps.paiements.models import Paiement


@admin.register(Paiement)
class PaiementAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "souscription",
        "montant",
        "type_paiement",
        "mode_paiement",
        "statut",
        "date_initiation",
        "date_confirmation",
    ]
    list_filter = ["statut", "type_paiement", "mode_paiement", "canal"]
    search_fields = ["reference", "reference_operateur", "souscription__numero_souscription"]
    raw_id_fields = ["souscription"]
