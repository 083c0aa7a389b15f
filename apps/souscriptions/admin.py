from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from apps.agents.admin_recherche import ListeVolumineuseMixin
from apps.agents.services import agent_de, est_superviseur
from apps.core.admin_utils import LectureSeuleMixin, exporter_csv
from apps.core.exceptions import ApplicationError
from apps.core.formats import fcfa, jour
from apps.souscriptions import services
from apps.souscriptions.models import (
    Beneficiaire,
    Contrat,
    Cotisation,
    HistoriquePolice,
    JournalBeneficiaire,
    NumeroPolice,
    Souscription,
    SouscriptionSansPolice,
)
from apps.souscriptions.selectors import police_numeros_a_venir


class BeneficiaireInline(admin.TabularInline):
    model = Beneficiaire
    extra = 0
    fields = ["nom", "prenom", "lien", "date_naissance", "telephone", "part_pourcentage"]


class CotisationInline(LectureSeuleMixin, admin.TabularInline):
    """The échéances, read from the cotisations view."""

    model = Cotisation
    fields = ["numero_quittance", "date_debut", "date_fin", "montant_du", "montant_paye", "reste_a_payer", "statut"]
    readonly_fields = fields
    ordering = ["rang"]
    can_delete = False
    extra = 0
    verbose_name_plural = "échéances (vue cotisations)"


class SouscriptionForm(forms.ModelForm):
    """A superviseur may only move a souscription along services.TRANSITIONS_STATUT."""

    class Meta:
        model = Souscription
        fields = ["statut"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "statut" in self.fields:
            actuel = self.instance.statut
            possibles = [actuel, *services.TRANSITIONS_STATUT[actuel]]
            self.fields["statut"].choices = [
                (v, libelle) for v, libelle in Souscription.Statut.choices if v in possibles
            ]


@admin.register(Souscription)
class SouscriptionAdmin(ListeVolumineuseMixin, admin.ModelAdmin):
    form = SouscriptionForm
    chemin_souscription = ""
    list_display = [
        "numero_souscription",
        "numero_police",
        "client",
        "produit",
        "prime",
        "periodicite",
        "statut",
        "date_effet",
        "date_expiration",
        "canal",
    ]
    list_filter = ["statut", "produit", "periodicite", "canal"]
    list_select_related = ["client", "produit", "police"]
    raw_id_fields = ["client", "borne"]
    readonly_fields = [
        "numero_souscription",
        "client",
        "produit",
        "montant_prime",
        "periodicite",
        "date_souscription",
        "date_effet",
        "date_expiration",
        "canal",
        "borne",
        "figures_du_contrat",
    ]
    fields = [
        "numero_souscription",
        "client",
        "produit",
        "montant_prime",
        "periodicite",
        "statut",
        "date_souscription",
        "date_effet",
        "date_expiration",
        "canal",
        "borne",
        "figures_du_contrat",
    ]
    inlines = [BeneficiaireInline, CotisationInline]

    @admin.display(description="prime", ordering="montant_prime")
    def prime(self, obj):
        return fcfa(obj.montant_prime)

    @admin.display(description="police", ordering="police__numero_police")
    def numero_police(self, obj):
        return getattr(getattr(obj, "police", None), "numero_police", "—")

    @admin.display(description="contrat (vue contrats)")
    def figures_du_contrat(self, obj):
        contrat = Contrat.objects.filter(pk=obj.pk).first()
        if contrat is None:
            return "Pas encore de numéro de police : pas de contrat."
        if contrat.etat is None:  # the view computes an état only for the statuts a contrat may have
            return f"Souscription {obj.get_statut_display().lower()} : pas d'état de contrat."
        return format_html(
            "État <b>{}</b> — payé {} — dû à ce jour {} — <b>solde {}</b> — arriérés {} — prochaine échéance {}",
            contrat.etat,
            fcfa(contrat.total_paye),
            fcfa(contrat.total_du_a_date),
            fcfa(contrat.solde),
            fcfa(contrat.arrieres),
            f"{jour(contrat.prochaine_echeance_date)} ({fcfa(contrat.prochaine_echeance_montant)})"
            if contrat.prochaine_echeance_date
            else "—",
        )

    def save_model(self, request, obj, form, change):
        if "statut" in form.changed_data:
            try:
                services.souscription_changer_statut(
                    souscription=obj, statut=form.cleaned_data["statut"], utilisateur=request.user
                )
            except ApplicationError as exc:
                raise PermissionDenied(exc.message) from exc

    def has_add_permission(self, request):
        return False  # souscriptions come from USSD, kiosks and the API, never typed here

    def has_delete_permission(self, request, obj=None):
        return False


class AttributionForm(forms.Form):
    numero_police = forms.CharField(
        label="Numéro de police",
        required=False,
        max_length=30,
        help_text="Format CG-AAAA-CAT-NNN. Laisser vide pour attribuer le prochain numéro libre.",
    )
    commentaire = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 3}))


@admin.register(SouscriptionSansPolice)
class SouscriptionSansPoliceAdmin(LectureSeuleMixin, ListeVolumineuseMixin, admin.ModelAdmin):
    """The agents' main list: activated souscriptions waiting for a numéro de police."""

    list_display = ["numero_souscription", "attribuer", "client", "telephone", "produit", "souscrite_le", "canal"]
    list_filter = ["produit", "canal", "periodicite", ("date_souscription", admin.DateFieldListFilter)]
    list_select_related = ["client", "produit"]
    ordering = ["date_souscription", "pk"]  # oldest first, in the order of souscriptions_a_numeroter_idx
    chemin_souscription = ""
    actions = [
        "attribuer_en_serie",
        exporter_csv(
            "souscriptions-a-numeroter",
            [
                ("numero_souscription", lambda s: s.numero_souscription),
                ("client", lambda s: f"{s.client.prenom} {s.client.nom}"),
                ("telephone", lambda s: s.client.telephone),
                ("produit", lambda s: s.produit.code),
                ("montant_prime", lambda s: s.montant_prime),
                ("periodicite", lambda s: s.periodicite),
                ("date_souscription", lambda s: s.date_souscription.date().isoformat()),
                ("canal", lambda s: s.canal),
            ],
        ),
    ]

    def get_queryset(self, request):
        # Same rows as selectors.souscriptions_a_numeroter (this admin lists the proxy model).
        return super().get_queryset(request).filter(a_numeroter=True)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("souscriptions.add_numeropolice")

    def has_attribuer_permission(self, request):
        return request.user.has_perm("souscriptions.add_numeropolice")

    @admin.action(description="Attribuer le prochain numéro aux souscriptions sélectionnées", permissions=["attribuer"])
    def attribuer_en_serie(self, request, queryset):
        souscriptions = list(queryset.select_related("client", "produit").order_by("date_souscription", "pk"))
        if len(souscriptions) > services.ATTRIBUTION_EN_SERIE_MAXIMUM:
            messages.error(request, f"Au plus {services.ATTRIBUTION_EN_SERIE_MAXIMUM} souscriptions à la fois.")
            return None
        agent = agent_de(request.user)
        if agent is None:
            messages.error(request, "Votre compte n'est pas rattaché à un agent NSIA actif.")
            return None
        if request.POST.get("confirmer") != "oui":
            prevus = police_numeros_a_venir(categories=[s.produit.categorie for s in souscriptions])
            contexte = {
                **self.admin_site.each_context(request),
                "title": f"Attribuer {len(souscriptions)} numéro(s) de police",
                "lignes": list(zip(souscriptions, prevus, strict=True)),
                "opts": self.model._meta,
                "action": "attribuer_en_serie",
            }
            return TemplateResponse(request, "admin/souscriptions/attribuer_serie.html", contexte)
        resultats = services.polices_attribuer_en_serie(souscriptions=souscriptions, agent=agent)
        donnes = [r for r in resultats if r.numero_police]
        if donnes:
            messages.success(
                request,
                f"{len(donnes)} police(s) attribuée(s) : "
                + ", ".join(f"{r.numero_police} → {r.souscription.numero_souscription}" for r in donnes),
            )
        for refus in (r for r in resultats if not r.numero_police):
            messages.error(request, f"{refus.souscription.numero_souscription} : {refus.erreur}")
        return None

    def souscription_suivante(self, request, apres: Souscription) -> Souscription | None:
        """The oldest souscription still waiting, other than the one just numbered."""
        return self.get_queryset(request).exclude(pk=apres.pk).order_by("date_souscription", "pk").first()

    @admin.display(description="téléphone")
    def telephone(self, obj):
        return obj.client.telephone

    @admin.display(description="souscrite le", ordering="date_souscription")
    def souscrite_le(self, obj):
        return jour(obj.date_souscription)

    @admin.display(description="")
    def attribuer(self, obj):
        url = reverse("admin:souscriptions_souscriptionsanspolice_attribuer", args=[obj.pk])
        return format_html('<a class="button" style="white-space: nowrap" href="{}">Attribuer une police</a>', url)

    def get_urls(self):
        return [
            path(
                "<int:pk>/attribuer/",
                self.admin_site.admin_view(self.vue_attribuer),
                name="souscriptions_souscriptionsanspolice_attribuer",
            ),
        ] + super().get_urls()

    def vue_attribuer(self, request, pk: int):
        if not request.user.has_perm("souscriptions.add_numeropolice"):
            raise PermissionDenied
        souscription = get_object_or_404(Souscription.objects.select_related("client", "produit"), pk=pk)
        agent = agent_de(request.user)
        formulaire = AttributionForm(request.POST or None)
        if request.method == "POST" and formulaire.is_valid():
            if agent is None:
                messages.error(request, "Votre compte n'est pas rattaché à un agent NSIA actif.")
            else:
                try:
                    police = services.police_attribuer(
                        souscription=souscription,
                        numero_police=formulaire.cleaned_data["numero_police"] or None,
                        agent=agent,
                        commentaire=formulaire.cleaned_data["commentaire"],
                    )
                except ApplicationError as exc:
                    formulaire.add_error("numero_police", exc.message)
                else:
                    messages.success(
                        request, f"Police {police.numero_police} attribuée à {souscription.numero_souscription}."
                    )
                    suivante = (
                        self.souscription_suivante(request, souscription) if "_suivante" in request.POST else None
                    )
                    if suivante is not None:
                        return redirect("admin:souscriptions_souscriptionsanspolice_attribuer", suivante.pk)
                    return redirect("admin:souscriptions_souscriptionsanspolice_changelist")
        contexte = {
            **self.admin_site.each_context(request),
            "title": f"Attribuer un numéro de police — {souscription.numero_souscription}",
            "souscription": souscription,
            "formulaire": formulaire,
            "categorie": souscription.produit.categorie,
            "prochain_numero": police_numeros_a_venir(categories=[souscription.produit.categorie])[0],
            "opts": self.model._meta,
        }
        return render(request, "admin/souscriptions/attribuer_police.html", contexte)


class PoliceForm(forms.ModelForm):
    commentaire_modification = forms.CharField(
        label="Motif de la modification", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = NumeroPolice
        fields = ["numero_police"]


class HistoriquePoliceInline(LectureSeuleMixin, admin.TabularInline):
    model = HistoriquePolice
    fields = ["date", "ancien_numero", "nouveau_numero", "modifie_par", "commentaire"]
    readonly_fields = fields
    extra = 0


@admin.register(NumeroPolice)
class NumeroPoliceAdmin(admin.ModelAdmin):
    list_display = ["numero_police", "souscription", "mode_attribution", "agent_attribueur", "date_attribution"]
    list_filter = ["mode_attribution"]
    search_fields = ["numero_police", "souscription__numero_souscription", "souscription__client__telephone"]
    list_select_related = ["souscription", "agent_attribueur"]
    form = PoliceForm
    readonly_fields = ["souscription", "mode_attribution", "agent_attribueur", "date_attribution", "commentaire"]
    inlines = [HistoriquePoliceInline]

    def has_add_permission(self, request):
        return False  # attribution goes through « Souscriptions à numéroter »

    def has_change_permission(self, request, obj=None):
        return est_superviseur(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        ancien = NumeroPolice.objects.get(pk=obj.pk)
        try:
            services.police_modifier(
                police=ancien,
                nouveau_numero=form.cleaned_data["numero_police"],
                utilisateur=request.user,
                commentaire=form.cleaned_data.get("commentaire_modification", ""),
            )
        except ApplicationError as exc:
            raise PermissionDenied(exc.message) from exc

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        original_clean = form.clean

        def clean(formulaire):
            donnees = original_clean(formulaire)
            if obj is not None and "numero_police" in donnees:
                try:
                    services.police_valider_numero(
                        souscription=obj.souscription, numero_police=donnees["numero_police"]
                    )
                except ApplicationError as exc:
                    formulaire.add_error("numero_police", exc.message)
            return donnees

        form.clean = clean
        return form


@admin.register(Beneficiaire)
class BeneficiaireAdmin(admin.ModelAdmin):
    list_display = ["nom", "prenom", "lien", "souscription", "part_pourcentage"]
    search_fields = ["nom", "prenom", "souscription__numero_souscription", "souscription__police__numero_police"]
    raw_id_fields = ["souscription"]


@admin.register(JournalBeneficiaire)
class JournalBeneficiaireAdmin(LectureSeuleMixin, admin.ModelAdmin):
    """Bénéficiaire changes made at a kiosk: read-only for everyone."""

    list_display = ["date", "action", "souscription", "beneficiaire_id", "client", "borne", "session_id"]
    list_filter = ["action"]
    search_fields = ["souscription__numero_souscription", "souscription__police__numero_police", "client__telephone"]
    list_select_related = ["souscription", "client", "borne"]
