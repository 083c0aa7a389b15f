from django.contrib import admin

from apps.core.admin_utils import LectureSeuleMixin
from apps.mtn_integration.models import AppelMomo, TransactionMomo


class AppelMomoInline(LectureSeuleMixin, admin.TabularInline):
    model = AppelMomo
    fields = ["date", "methode", "chemin", "code_http", "duree_ms", "erreur"]
    readonly_fields = fields
    extra = 0


@admin.register(TransactionMomo)
class TransactionMomoAdmin(LectureSeuleMixin, admin.ModelAdmin):
    list_display = [
        "reference_id",
        "paiement",
        "statut",
        "raison",
        "montant",
        "devise",
        "callback_recu",
        "nombre_verifications",
        "date_creation",
    ]
    list_filter = ["statut", "callback_recu"]
    search_fields = ["reference_id", "paiement__reference", "financial_transaction_id"]
    list_select_related = ["paiement"]
    readonly_fields = [f.name for f in TransactionMomo._meta.fields]
    inlines = [AppelMomoInline]
