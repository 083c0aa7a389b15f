from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html

from apps.agents.admin_recherche import ListeVolumineuseMixin
from apps.agents.services import agent_de
from apps.core.admin_utils import LectureSeuleMixin, exporter_csv
from apps.core.exceptions import ApplicationError
from apps.core.formats import fcfa
from apps.paiements import services
from apps.paiements.models import Paiement
from apps.paiements.selectors import agent_de_l_encaissement, especes_ce_qui_est_du
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
class PaiementAdmin(LectureSeuleMixin, ListeVolumineuseMixin, admin.ModelAdmin):
    """Money is read-only: paiements come from the operator, or from the cash form below."""

    list_display = [
        "reference",
        "souscription",
        "somme",
        "type_paiement",
        "mode_paiement",
        "statut",
        "date_initiation",
        "date_confirmation",
    ]
    readonly_fields = ["transaction_momo"]
    list_filter = ["statut", "type_paiement", "mode_paiement", "canal", ("date_initiation", admin.DateFieldListFilter)]
    recherche_exacte = ("reference", "reference_operateur")
    list_select_related = ["souscription"]
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

    @admin.display(description="montant", ordering="montant")
    def somme(self, obj):
        return fcfa(obj.montant)

    @admin.display(description="transaction MoMo")
    def transaction_momo(self, obj):
        transaction = getattr(obj, "transaction_momo", None)
        if transaction is None:
            return "—"
        url = reverse("admin:mtn_integration_transactionmomo_change", args=[transaction.pk])
        return format_html('<a href="{}">{} ({})</a>', url, transaction.reference_id, transaction.get_statut_display())

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if request.user.has_perm("paiements.add_paiement"):
            extra_context["lien_especes"] = reverse("admin:paiements_paiement_especes")
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        vue = self.admin_site.admin_view
        return [
            path("especes/", vue(self.vue_especes), name="paiements_paiement_especes"),
            path("<int:pk>/recu/", vue(self.vue_recu), name="paiements_paiement_recu"),
            path("<int:pk>/recu.pdf", vue(self.vue_recu_pdf), name="paiements_paiement_recu_pdf"),
        ] + super().get_urls()

    def vue_especes(self, request):
        """Two steps: the agent checks the client and what is due with them, then confirms the cash received."""
        if not request.user.has_perm("paiements.add_paiement"):
            raise PermissionDenied
        formulaire = PaiementEspecesForm(
            request.POST or None, initial={"souscription": request.GET.get("souscription")}
        )
        if request.method == "POST" and formulaire.is_valid() and request.POST.get("confirmer") != "oui":
            contexte = {
                **self.admin_site.each_context(request),
                "title": "Confirmer le paiement en espèces",
                "formulaire": formulaire,
                "du": especes_ce_qui_est_du(souscription=formulaire.cleaned_data["souscription"]),
                "opts": self.model._meta,
            }
            return render(request, "admin/paiements/especes_confirmer.html", contexte)
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
                    format_html("Paiement en espèces {} enregistré ({}).", paiement.reference, fcfa(paiement.montant)),
                )
                return redirect("admin:paiements_paiement_recu", paiement.pk)
        contexte = {
            **self.admin_site.each_context(request),
            "title": "Enregistrer un paiement en espèces",
            "formulaire": formulaire,
            "opts": self.model._meta,
        }
        return render(request, "admin/paiements/especes.html", contexte)

    def _paiement_especes(self, request, pk: int) -> Paiement:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Paiement.objects.select_related("souscription__client", "souscription__police"),
            pk=pk,
            mode_paiement="especes",
            statut="succes",
        )

    def vue_recu(self, request, pk: int):
        paiement = self._paiement_especes(request, pk)
        contexte = {
            **self.admin_site.each_context(request),
            "title": f"Reçu {paiement.reference}",
            "paiement": paiement,
            "agent": agent_de_l_encaissement(paiement=paiement),
            "opts": self.model._meta,
        }
        return render(request, "admin/paiements/especes_recu.html", contexte)

    def vue_recu_pdf(self, request, pk: int):
        from apps.souscriptions.documents import recu_pdf

        paiement = self._paiement_especes(request, pk)
        client = paiement.souscription.client
        agent = agent_de_l_encaissement(paiement=paiement)
        police = getattr(paiement.souscription, "police", None)
        pdf = recu_pdf(
            paiement=paiement,
            numero_police=police.numero_police if police else None,
            client=f"{client.prenom} {client.nom}",
            encaisse_par=f"{agent.prenom} {agent.nom} ({agent.matricule})" if agent else None,
        )
        reponse = HttpResponse(pdf, content_type="application/pdf")
        reponse["Content-Disposition"] = f'inline; filename="recu-{paiement.reference}.pdf"'
        return reponse
