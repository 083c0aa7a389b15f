import json

from django.contrib import admin
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join

from apps.core.admin_utils import LectureSeuleMixin
from apps.mtn_integration.models import AppelMomo, PaiementAVerifier, TransactionMomo


class AppelMomoInline(LectureSeuleMixin, admin.TabularInline):
    model = AppelMomo
    fields = ["date", "methode", "chemin", "code_http", "duree_ms", "erreur"]
    readonly_fields = fields
    extra = 0


@admin.register(TransactionMomo)
class TransactionMomoAdmin(LectureSeuleMixin, admin.ModelAdmin):
    """Every operator transaction (MTN MoMo and Airtel Money share the payment core's table), read-only."""

    list_display = [
        "reference_id",
        "operateur",
        "paiement",
        "statut",
        "raison",
        "montant",
        "devise",
        "callback_recu",
        "nombre_verifications",
        "date_creation",
    ]
    list_filter = [("paiement__mode_paiement", admin.ChoicesFieldListFilter), "statut", "callback_recu", "anomalie"]
    search_fields = ["reference_id", "paiement__reference", "financial_transaction_id"]
    list_select_related = ["paiement"]
    show_full_result_count = False
    readonly_fields = [f.name for f in TransactionMomo._meta.fields if f.name != "historique"] + ["historique_lisible"]
    exclude = ["historique"]
    inlines = [AppelMomoInline]

    @admin.display(description="historique")
    def historique_lisible(self, obj):
        """The JSON history as a table, in Brazzaville time."""

        def heure(valeur):
            moment = parse_datetime(valeur or "")
            return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M:%S") if moment else (valeur or "—")

        lignes = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (heure(e.get("date")), e.get("statut", ""), e.get("source", ""), e.get("raison", "") or "—")
                for e in obj.historique or []
            ),
        )
        return format_html(
            "<table><thead><tr><th>Date (Brazzaville)</th><th>Statut</th><th>Source</th><th>Raison</th></tr>"
            "</thead><tbody>{}</tbody></table>",
            lignes,
        )

    @admin.display(description="opérateur", ordering="paiement__mode_paiement")
    def operateur(self, obj):
        return obj.paiement.get_mode_paiement_display()


@admin.register(PaiementAVerifier)
class PaiementAVerifierAdmin(TransactionMomoAdmin):
    """Anomalies (docs/paiements.md): no final answer after 7 days, or the operator contradicting itself."""

    list_display = [
        "paiement",
        "anomalie",
        "statut",
        "statut_paiement",
        "montant",
        "payeur",
        "date_creation",
        "derniere_verification",
    ]
    list_filter = ["anomalie", "statut"]
    readonly_fields = [*TransactionMomoAdmin.readonly_fields, "historique_operateur"]

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(anomalie="")

    @admin.display(description="paiement")
    def statut_paiement(self, obj):
        return obj.paiement.get_statut_display()

    @admin.display(description="historique de l'opérateur")
    def historique_operateur(self, obj):
        # Every status heard, with its source (envoi, callback, verification…), oldest first.
        return format_html_join(
            "\n",
            "<div>{} — {} ({}) {}</div>",
            (
                (h.get("date", ""), h.get("statut", ""), h.get("source", ""), h.get("raison", ""))
                for h in (obj.historique if isinstance(obj.historique, list) else json.loads(obj.historique))
            ),
        )
