from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html

from apps.agents.services import agent_de
from apps.core.admin_utils import LectureSeuleMixin, exporter_csv
from apps.core.exceptions import ApplicationError
from apps.paiements import services
from apps.paiements.models import Paiement
from apps.souscriptions.models import Souscription


class PaiementEspecesForm(forms.Form):
    souscription = forms.CharField(label="Numéro de police ou de souscription", max_length=30)
    montant = forms.IntegerField(label="Montant reçu (FCFA)", min_value=1, max_value=services.MONTANT_MAXIMUM_ABSOLU)
    renouvellement = forms.BooleanField(label="Renouvellement", required=False)

    def clean_souscription(self):
        numero = self.cleaned_data["souscription"].strip().upper()
        souscription = (
            Souscription.objects.filter(numero_souscription=numero).first()
            or Souscription.objects.filter(police__numero_police=numero).first()
        )
        if souscription is None:
            raise forms.ValidationError("Aucune souscription ne porte ce numéro.")
        return souscription


@admin.register(Paiement)
class PaiementAdmin(LectureSeuleMixin, admin.ModelAdmin):
    """Money is read-only: paiements come from the operator, or from the cash form below."""

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
    list_filter = ["statut", "type_paiement", "mode_paiement", "canal", ("date_initiation", admin.DateFieldListFilter)]
    search_fields = [
        "reference",
        "reference_operateur",
        "souscription__numero_souscription",
        "souscription__police__numero_police",
        "souscription__client__telephone",
    ]
    list_select_related = ["souscription"]
    date_hierarchy = "date_initiation"
    actions = [
        exporter_csv(
            "paiements",
            [
                ("reference", lambda p: p.reference),
                ("souscription", lambda p: p.souscription.numero_souscription),
                ("montant", lambda p: p.montant),
                ("type", lambda p: p.type_paiement),
                ("mode", lambda p: p.mode_paiement),
                ("statut", lambda p: p.statut),
                ("reference_operateur", lambda p: p.reference_operateur or ""),
                ("date_initiation", lambda p: p.date_initiation.isoformat()),
                ("date_confirmation", lambda p: p.date_confirmation.isoformat() if p.date_confirmation else ""),
            ],
        )
    ]

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if request.user.has_perm("paiements.add_paiement"):
            extra_context["lien_especes"] = reverse("admin:paiements_paiement_especes")
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path("especes/", self.admin_site.admin_view(self.vue_especes), name="paiements_paiement_especes")
        ] + super().get_urls()

    def vue_especes(self, request):
        if not request.user.has_perm("paiements.add_paiement"):
            raise PermissionDenied
        formulaire = PaiementEspecesForm(request.POST or None)
        if request.method == "POST" and formulaire.is_valid():
            agent = agent_de(request.user)
            try:
                if agent is None:
                    raise ApplicationError("agent_requis", "Votre compte n'est pas rattaché à un agent NSIA actif.")
                paiement = services.paiement_especes_enregistrer(
                    souscription=formulaire.cleaned_data["souscription"],
                    montant=formulaire.cleaned_data["montant"],
                    renouvellement=formulaire.cleaned_data["renouvellement"],
                    agent=agent,
                )
            except ApplicationError as exc:
                formulaire.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    format_html("Paiement en espèces {} enregistré ({} FCFA).", paiement.reference, paiement.montant),
                )
                return redirect("admin:paiements_paiement_changelist")
        contexte = {
            **self.admin_site.each_context(request),
            "title": "Enregistrer un paiement en espèces",
            "formulaire": formulaire,
            "opts": self.model._meta,
        }
        return render(request, "admin/paiements/especes.html", contexte)
