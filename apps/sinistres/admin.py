from django import forms
from django.contrib import admin, messages

from apps.core.exceptions import ApplicationError
from apps.sinistres import services
from apps.sinistres.models import Sinistre


class InstructionForm(forms.ModelForm):
    """Only the transitions allowed from the current statut are offered."""

    class Meta:
        model = Sinistre
        fields = ["statut", "montant_accorde"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            actuel = self.instance.statut
            possibles = [actuel, *services.TRANSITIONS[actuel]]
            self.fields["statut"].choices = [
                (valeur, libelle) for valeur, libelle in Sinistre.Statut.choices if valeur in possibles
            ]


@admin.register(Sinistre)
class SinistreAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "souscription",
        "type",
        "date_survenance",
        "montant_reclame",
        "montant_accorde",
        "statut",
        "instructeur",
        "date_declaration",
    ]
    list_filter = ["statut", "type"]
    search_fields = [
        "souscription__numero_souscription",
        "souscription__police__numero_police",
        "souscription__client__telephone",
    ]
    list_select_related = ["souscription", "instructeur"]
    form = InstructionForm
    readonly_fields = [
        "souscription",
        "type",
        "date_survenance",
        "description",
        "montant_reclame",
        "canal",
        "instructeur",
        "date_declaration",
        "date_decision",
        "date_paiement",
    ]
    fields = readonly_fields[:5] + ["statut", "montant_accorde"] + readonly_fields[5:]

    def has_add_permission(self, request):
        return False  # claims are declared by clients; agents instruct them

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        avant = Sinistre.objects.get(pk=obj.pk)
        if form.cleaned_data["statut"] == avant.statut:
            return
        try:
            services.sinistre_changer_statut(
                sinistre=avant,
                statut=form.cleaned_data["statut"],
                instructeur=request.user,
                montant_accorde=form.cleaned_data.get("montant_accorde"),
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        clean_original = form.clean

        def clean(formulaire):
            donnees = clean_original(formulaire)
            statut = donnees.get("statut")
            if obj is not None and statut and statut != obj.statut:
                if statut not in services.TRANSITIONS[obj.statut]:
                    formulaire.add_error("statut", "Transition interdite depuis le statut actuel.")
                if statut == Sinistre.Statut.ACCEPTE and not donnees.get("montant_accorde"):
                    formulaire.add_error("montant_accorde", "Indiquez le montant accordé pour accepter le sinistre.")
            return donnees

        form.clean = clean
        return form
