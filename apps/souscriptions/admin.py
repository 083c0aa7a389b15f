from django.contrib import admin

from apps.souscriptions.models import Beneficiaire, NumeroPolice, Souscription


class BeneficiaireInline(admin.TabularInline):
    model = Beneficiaire
    extra = 0


@admin.register(Souscription)
class SouscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "numero_souscription",
        "client",
        "produit",
        "montant_prime",
        "periodicite",
        "statut",
        "date_effet",
        "date_expiration",
        "canal",
    ]
    list_filter = ["statut", "produit", "periodicite", "canal"]
    search_fields = [
        "numero_souscription",
        "client__telephone",
        "client__nom",
        "client__prenom",
        "police__numero_police",
    ]
    list_select_related = ["client", "produit"]
    raw_id_fields = ["client"]
    inlines = [BeneficiaireInline]


@admin.register(Beneficiaire)
class BeneficiaireAdmin(admin.ModelAdmin):
    list_display = ["nom", "prenom", "lien", "souscription", "part_pourcentage"]
    search_fields = ["nom", "prenom", "souscription__numero_souscription"]
    raw_id_fields = ["souscription"]


@admin.register(NumeroPolice)
class NumeroPoliceAdmin(admin.ModelAdmin):
    list_display = ["numero_police", "souscription", "mode_attribution", "agent_attribueur", "date_attribution"]
    list_filter = ["mode_attribution"]
    search_fields = ["numero_police", "souscription__numero_souscription"]
    raw_id_fields = ["souscription"]
