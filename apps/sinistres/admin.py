from django import forms
from django.contrib import admin
from django.utils.html import format_html

from apps.agents.admin_recherche import ListeVolumineuseMixin
from apps.core.exceptions import ApplicationError
from apps.core.formats import fcfa, jour
from apps.sinistres import services
from apps.sinistres.models import Sinistre


class InstructionForm(forms.ModelForm):
    """Only the transitions allowed from the current statut are offered; the service checks the rest."""

    class Meta:
        model = Sinistre
        fields = ["statut", "montant_accorde", "motif_rejet"]
        widgets = {"motif_rejet": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            actuel = self.instance.statut
            possibles = [actuel, *services.TRANSITIONS[actuel]]
            self.fields["statut"].choices = [
                (valeur, libelle) for valeur, libelle in Sinistre.Statut.choices if valeur in possibles
            ]

    def clean(self):
        donnees = super().clean()
        # The instance already carries the posted values: compare with the row as stored.
        avant = Sinistre.objects.select_related("souscription__produit").get(pk=self.instance.pk)
        statut = donnees.get("statut")
        try:
            if statut and statut != avant.statut:
                services.sinistre_decision_valider(
                    sinistre=avant,
                    statut=statut,
                    montant_accorde=donnees.get("montant_accorde"),
                    motif_rejet=donnees.get("motif_rejet", ""),
                )
            elif donnees.get("montant_accorde") != avant.montant_accorde and statut == avant.statut:
                if avant.statut != Sinistre.Statut.ACCEPTE:
                    raise ApplicationError(
                        "montant_non_modifiable",
                        "Le montant accordé ne se modifie que sur un sinistre accepté et pas encore payé.",
                        details={"montant_accorde": ["Sinistre non accepté ou déjà payé."]},
                    )
                services.sinistre_montant_valider(sinistre=avant, montant_accorde=donnees.get("montant_accorde"))
        except ApplicationError as exc:
            champs = [c for c in exc.details if c in self.fields] or [None]
            self.add_error(champs[0], exc.message)
        return donnees


@admin.register(Sinistre)
class SinistreAdmin(ListeVolumineuseMixin, admin.ModelAdmin):
    list_display = [
        "id",
        "souscription",
        "type",
        "date_survenance",
        "reclame",
        "accorde",
        "statut",
        "instructeur",
        "date_declaration",
    ]
    list_filter = ["statut", "type"]
    list_select_related = ["souscription", "instructeur"]
    form = InstructionForm
    readonly_fields = [
        "souscription",
        "type",
        "garantie",
        "date_survenance",
        "description",
        "montant_reclame",
        "canal",
        "instructeur",
        "date_declaration",
        "date_decision",
        "date_paiement",
    ]
    fields = readonly_fields[:6] + ["statut", "montant_accorde", "motif_rejet"] + readonly_fields[6:]

    @admin.display(description="réclamé", ordering="montant_reclame")
    def reclame(self, obj):
        return fcfa(obj.montant_reclame)

    @admin.display(description="accordé", ordering="montant_accorde")
    def accorde(self, obj):
        return fcfa(obj.montant_accorde)

    @admin.display(description="garantie et couverture")
    def garantie(self, obj):
        garantie = services.sinistre_garantie(obj)
        if garantie is None:
            return "Aucune garantie du produit ne couvre ce type de sinistre."
        return format_html(
            "{} — plafond <b>{}</b> — contrat couvert du {} au {}",
            garantie.libelle,
            fcfa(garantie.plafond_fcfa) if garantie.plafond_fcfa is not None else "sans plafond",
            jour(garantie.date_effet),
            jour(garantie.date_expiration),
        )

    def has_add_permission(self, request):
        return False  # claims are declared by clients; agents instruct them

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # The form has validated through the services: these calls do not refuse, barring a race.
        avant = Sinistre.objects.get(pk=obj.pk)
        statut = form.cleaned_data["statut"]
        if statut != avant.statut:
            services.sinistre_changer_statut(
                sinistre=avant,
                statut=statut,
                instructeur=request.user,
                montant_accorde=form.cleaned_data.get("montant_accorde"),
                motif_rejet=form.cleaned_data.get("motif_rejet", ""),
            )
        elif form.cleaned_data.get("montant_accorde") != avant.montant_accorde:
            services.sinistre_modifier_montant(
                sinistre=avant, montant_accorde=form.cleaned_data["montant_accorde"], instructeur=request.user
            )
