from django.contrib import admin, messages
from django.db import models

from apps.borne_auth.models import AppelAgent, Borne, SessionClient, TentativeConnexion
from apps.borne_auth.selectors import bornes_hors_ligne
from apps.borne_auth.services import (
    appels_agent_traiter,
    borne_creer,
    borne_modifier,
    bornes_desactiver,
    sessions_revoquer_par_agent,
)
from apps.core.admin_utils import LectureSeuleMixin


class ConnexionFilter(admin.SimpleListFilter):
    title = "connexion"
    parameter_name = "connexion"

    def lookups(self, request, model_admin):
        return [("hors_ligne", "Hors ligne")]

    def queryset(self, request, queryset):
        if self.value() == "hors_ligne":
            return queryset.filter(pk__in=bornes_hors_ligne().values("pk"))
        return queryset


@admin.register(Borne)
class BorneAdmin(admin.ModelAdmin):
    list_display = ["identifiant", "libelle", "agence", "actif", "derniere_activite", "version_app", "statut_rapporte"]
    list_filter = [ConnexionFilter, "actif", "agence"]
    search_fields = ["identifiant", "libelle", "agence"]
    fields = [
        "identifiant",
        "libelle",
        "agence",
        "actif",
        "derniere_activite",
        "version_app",
        "statut_rapporte",
        "date_creation",
    ]
    readonly_fields = ["derniere_activite", "version_app", "statut_rapporte", "date_creation"]
    actions = ["desactiver"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (["identifiant"] if obj else [])

    def save_model(self, request, obj, form, change):
        if change:
            changements = {champ: form.cleaned_data[champ] for champ in form.changed_data}
            borne_modifier(borne=obj, changements=changements, utilisateur=request.user)
            return
        borne, cle = borne_creer(identifiant=obj.identifiant, libelle=obj.libelle, agence=obj.agence)
        obj.pk = borne.pk
        # Shown once: only its hash is stored. Copy it into the kiosk's config file now.
        messages.warning(request, f"Clé secrète de la borne {borne.identifiant} (affichée une seule fois) : {cle}")

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: payments and subscriptions keep pointing at it

    @admin.action(description="Désactiver les bornes sélectionnées", permissions=["change"])
    def desactiver(self, request, queryset):
        nombre = bornes_desactiver(bornes=queryset, utilisateur=request.user)
        messages.success(request, f"{nombre} borne(s) désactivée(s).")


@admin.register(TentativeConnexion)
class TentativeConnexionAdmin(LectureSeuleMixin, admin.ModelAdmin):
    list_display = ["police", "borne_identifiant", "adresse_ip", "date"]
    search_fields = ["police", "borne_identifiant"]


@admin.register(SessionClient)
class SessionClientAdmin(LectureSeuleMixin, admin.ModelAdmin):
    list_display = ["client", "souscription", "borne", "date_debut", "expire_le", "revoquee_le", "motif_revocation"]
    list_filter = ["motif_revocation"]
    search_fields = ["client__telephone", "client__nom"]
    list_select_related = ["client", "souscription", "borne"]
    exclude = ["jti_refresh"]
    actions = ["revoquer"]

    @admin.action(description="Révoquer les sessions sélectionnées")
    def revoquer(self, request, queryset):
        nombre = sessions_revoquer_par_agent(
            sessions=queryset, utilisateur=request.user, objet=f"{queryset.count()} session(s) sélectionnée(s)"
        )
        messages.success(request, f"{nombre} session(s) révoquée(s).")


@admin.register(AppelAgent)
class AppelAgentAdmin(admin.ModelAdmin):
    """Which borne asks for help, waiting calls first."""

    list_display = ["borne", "agence", "date", "en_attente", "traite_le"]
    list_filter = [("traite_le", admin.EmptyFieldListFilter), "borne__agence"]
    list_select_related = ["borne"]
    readonly_fields = ["borne", "date", "traite_le"]
    actions = ["traiter"]

    def get_queryset(self, request):
        return super().get_queryset(request).order_by(models.F("traite_le").asc(nulls_first=True), "-date")

    @admin.display(description="agence", ordering="borne__agence")
    def agence(self, appel):
        return appel.borne.agence

    @admin.display(description="en attente", boolean=True)
    def en_attente(self, appel):
        return appel.traite_le is None

    def has_add_permission(self, request):
        return False  # only a borne asks

    @admin.action(description="Marquer comme traités", permissions=["change"])
    def traiter(self, request, queryset):
        nombre = appels_agent_traiter(appels=queryset)
        messages.success(request, f"{nombre} appel(s) traité(s).")
