from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from apps.clients.models import TELEPHONE_REGEX
from apps.core.validators import valider_telephone
from apps.produits.models import Periodicite


class Canal(models.TextChoices):
    USSD = "ussd", "USSD"
    BORNE = "borne", "Borne"
    WHATSAPP = "whatsapp", "WhatsApp"
    AGENCE = "agence", "Agence"


class StatutSouscription(models.TextChoices):
    EN_ATTENTE_PAIEMENT = "en_attente_paiement", "En attente de paiement"
    ACTIVEE = "activee", "Activée"
    SUSPENDUE = "suspendue", "Suspendue"
    RESILIEE = "resiliee", "Résiliée"
    ANNULEE = "annulee", "Annulée"


class Souscription(models.Model):
    Statut = StatutSouscription

    numero_souscription = models.CharField("numéro de souscription", max_length=30, unique=True)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="souscriptions")
    produit = models.ForeignKey("produits.Produit", on_delete=models.PROTECT, related_name="souscriptions")
    montant_prime = models.PositiveIntegerField("prime annuelle (FCFA)", help_text="Prime annuelle en FCFA")
    periodicite = models.CharField("périodicité", max_length=15, choices=Periodicite.choices)
    date_souscription = models.DateTimeField("date de souscription", default=timezone.now)
    date_effet = models.DateField("date d'effet")
    date_expiration = models.DateField("date d'expiration")
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.EN_ATTENTE_PAIEMENT)
    canal = models.CharField(max_length=10, choices=Canal.choices)
    borne = models.ForeignKey(
        "borne_auth.Borne", null=True, blank=True, on_delete=models.PROTECT, related_name="souscriptions"
    )
    # Activated and without a numéro de police. Kept by the database, whatever the application
    # writes (trigger souscription_a_numeroter, sql/triggers/souscription_a_numeroter/0001.sql):
    # the agents' list and count read the few waiting rows from a partial index instead of
    # anti-joining every numbered souscription. Read it, never set it.
    a_numeroter = models.BooleanField("à numéroter", db_default=False, editable=False)

    class Meta:
        db_table = "souscriptions_pass"
        ordering = ["-date_souscription"]
        verbose_name = "souscription"
        constraints = [
            models.CheckConstraint(condition=Q(montant_prime__gt=0), name="souscription_prime_positive"),
            models.CheckConstraint(
                condition=Q(date_expiration__gte=F("date_effet")), name="souscription_dates_coherentes"
            ),
            models.CheckConstraint(
                condition=Q(statut__in=StatutSouscription.values), name="souscription_statut_valide"
            ),
            models.CheckConstraint(
                condition=Q(periodicite__in=Periodicite.values), name="souscription_periodicite_valide"
            ),
            models.CheckConstraint(condition=Q(canal__in=Canal.values), name="souscription_canal_valide"),
            models.CheckConstraint(
                # The random part (10 characters) since numbers must not be guessable; the
                # older sequential numbers (6 digits) stay valid.
                condition=Q(
                    numero_souscription__regex=r"^PASS-(KIMIA|BATELA|SALISA)-[0-9]{4}-([0-9]{6}|[0-9A-Z]{10})$"
                ),
                name="souscription_numero_format",
            ),
        ]
        indexes = [
            models.Index(fields=["statut", "date_souscription"], name="souscriptions_statut_idx"),
            models.Index(
                fields=["date_souscription", "id"], condition=Q(a_numeroter=True), name="souscriptions_a_numeroter_idx"
            ),
        ]

    def __str__(self):
        return self.numero_souscription


class LienBeneficiaire(models.TextChoices):
    CONJOINT = "conjoint", "Conjoint"
    ENFANT = "enfant", "Enfant"
    PARENT = "parent", "Parent"
    FRERE_SOEUR = "frere_soeur", "Frère / sœur"
    AUTRE = "autre", "Autre"


class Beneficiaire(models.Model):
    """At most 6 per souscription: enforced by the trigger sql/triggers/beneficiaires_max."""

    Lien = LienBeneficiaire

    souscription = models.ForeignKey(Souscription, on_delete=models.PROTECT, related_name="beneficiaires")
    nom = models.CharField(max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    lien = models.CharField(max_length=15, choices=Lien.choices)
    date_naissance = models.DateField("date de naissance", null=True, blank=True)
    telephone = models.CharField("téléphone", max_length=13, null=True, blank=True, validators=[valider_telephone])  # noqa: DJ001 (NULL: no phone; the CHECK tests the format otherwise)
    part_pourcentage = models.DecimalField("part (%)", max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        db_table = "beneficiaires_pass"
        ordering = ["id"]
        verbose_name = "bénéficiaire"
        constraints = [
            models.CheckConstraint(condition=Q(lien__in=LienBeneficiaire.values), name="beneficiaire_lien_valide"),
            models.CheckConstraint(
                condition=Q(telephone__isnull=True) | Q(telephone__regex=TELEPHONE_REGEX),
                name="beneficiaire_telephone_format",
            ),
            models.CheckConstraint(
                condition=Q(part_pourcentage__isnull=True) | (Q(part_pourcentage__gt=0) & Q(part_pourcentage__lte=100)),
                name="beneficiaire_part_valide",
            ),
            models.CheckConstraint(condition=~Q(nom=""), name="beneficiaire_nom_requis"),
        ]

    def __str__(self):
        return f"{self.prenom} {self.nom} ({self.get_lien_display()})"


class ModeAttribution(models.TextChoices):
    AUTOMATIQUE = "automatique", "Automatique"
    MANUEL = "manuel", "Manuel"


class NumeroPolice(models.Model):
    Mode = ModeAttribution

    souscription = models.OneToOneField(Souscription, on_delete=models.PROTECT, related_name="police")
    numero_police = models.CharField("numéro de police", max_length=30, unique=True)
    mode_attribution = models.CharField("mode d'attribution", max_length=12, choices=Mode.choices)
    agent_attribueur = models.ForeignKey(
        "agents.Agent", null=True, blank=True, on_delete=models.PROTECT, related_name="polices_attribuees"
    )
    date_attribution = models.DateTimeField("date d'attribution", default=timezone.now)
    commentaire = models.TextField(blank=True)

    class Meta:
        db_table = "numeros_police_congo"
        ordering = ["-date_attribution"]
        verbose_name = "numéro de police"
        verbose_name_plural = "numéros de police"
        constraints = [
            models.CheckConstraint(
                # The number part in its normal form (no extra leading zero), so that the
                # unique index sees CG-2026-VIE-0001 and CG-2026-VIE-001 as the same number.
                condition=Q(numero_police__regex=r"^CG-[0-9]{4}-(VIE|EPG|SAN)-([0-9]{3}|[1-9][0-9]{3,})$"),
                name="police_numero_format",
            ),
            models.CheckConstraint(
                condition=(Q(mode_attribution="automatique") & Q(agent_attribueur__isnull=True))
                | (Q(mode_attribution="manuel") & Q(agent_attribueur__isnull=False)),
                name="police_agent_selon_mode",
            ),
        ]

    def __str__(self):
        return self.numero_police


class Contrat(models.Model):
    """Read-only: the SQL view `contrats` (a souscription that has a numéro de police; docs/domaine.md)."""

    souscription = models.OneToOneField(
        Souscription, primary_key=True, on_delete=models.DO_NOTHING, related_name="contrat"
    )
    numero_police = models.CharField("numéro de police", max_length=30)
    numero_souscription = models.CharField("numéro de souscription", max_length=30)
    client = models.ForeignKey("clients.Client", on_delete=models.DO_NOTHING, related_name="contrats")
    client_nom = models.CharField("nom du client", max_length=100)
    client_prenom = models.CharField("prénom du client", max_length=100)
    client_telephone = models.CharField("téléphone du client", max_length=13)
    produit = models.ForeignKey("produits.Produit", on_delete=models.DO_NOTHING, related_name="+")
    produit_code = models.CharField(max_length=10)
    produit_libelle = models.CharField("produit", max_length=100)
    montant_prime = models.IntegerField()
    periodicite = models.CharField("périodicité", max_length=15)
    date_effet = models.DateField("date d'effet")
    date_expiration = models.DateField("date d'expiration")
    statut = models.CharField(max_length=20)
    etat = models.CharField("état", max_length=10)
    mode_attribution = models.CharField("mode d'attribution", max_length=12)
    agent_attribueur = models.ForeignKey("agents.Agent", null=True, on_delete=models.DO_NOTHING, related_name="+")
    agent_nom = models.CharField("nom de l'agent", max_length=100, null=True)  # noqa: DJ001 (a view column, NULL when automatique)
    agent_prenom = models.CharField("prénom de l'agent", max_length=100, null=True)  # noqa: DJ001
    date_attribution = models.DateTimeField("date d'attribution")
    total_paye = models.BigIntegerField("total payé")
    total_du_a_date = models.BigIntegerField("total dû à ce jour")
    solde = models.BigIntegerField()
    arrieres = models.BigIntegerField("arriérés")
    prochaine_echeance_date = models.DateField("prochaine échéance", null=True)
    prochaine_echeance_montant = models.BigIntegerField("montant de la prochaine échéance", null=True)

    class Meta:
        managed = False
        db_table = "contrats"
        ordering = ["date_effet", "numero_police"]

    def __str__(self):
        return self.numero_police


class Cotisation(models.Model):
    """Read-only: the SQL view `cotisations` (one row per échéance of every contrat; docs/domaine.md)."""

    class Statut(models.TextChoices):
        PAYEE = "payee", "Payée"
        EN_RETARD = "en_retard", "En retard"
        A_VENIR = "a_venir", "À venir"

    numero_quittance = models.CharField("numéro de quittance", max_length=40, primary_key=True)
    souscription = models.ForeignKey(Souscription, on_delete=models.DO_NOTHING, related_name="cotisations")
    numero_police = models.CharField("numéro de police", max_length=30)
    client = models.ForeignKey("clients.Client", on_delete=models.DO_NOTHING, related_name="+")
    rang = models.IntegerField()
    date_debut = models.DateField("début")
    date_fin = models.DateField("fin")
    montant_du = models.BigIntegerField("montant dû")
    montant_paye = models.BigIntegerField("montant payé")
    reste_a_payer = models.BigIntegerField("reste à payer")
    statut = models.CharField(max_length=10, choices=Statut.choices)

    class Meta:
        managed = False
        db_table = "cotisations"
        ordering = ["souscription_id", "rang"]

    def __str__(self):
        return self.numero_quittance


class SouscriptionSansPolice(Souscription):
    """Admin view: activated souscriptions still waiting for an agent to attribute a police."""

    class Meta:
        proxy = True
        verbose_name = "souscription à numéroter"
        verbose_name_plural = "souscriptions à numéroter"


class HistoriquePolice(models.Model):
    """Audit trail of every change of an attributed numéro de police (superviseurs only)."""

    police = models.ForeignKey(NumeroPolice, on_delete=models.PROTECT, related_name="historique")
    ancien_numero = models.CharField("ancien numéro", max_length=30)
    nouveau_numero = models.CharField("nouveau numéro", max_length=30)
    modifie_par = models.ForeignKey("auth.User", on_delete=models.PROTECT, related_name="+")
    date = models.DateTimeField(default=timezone.now)
    commentaire = models.TextField(blank=True)

    class Meta:
        db_table = "historique_polices"
        ordering = ["-date"]
        verbose_name = "modification de police"
        verbose_name_plural = "modifications de police"

    def __str__(self):
        return f"{self.ancien_numero} → {self.nouveau_numero}"


class JournalBeneficiaire(models.Model):
    """Every change of a bénéficiaire made from a kiosk session: who, when, which borne, before/after."""

    class Action(models.TextChoices):
        AJOUT = "ajout", "Ajout"
        MODIFICATION = "modification", "Modification"
        SUPPRESSION = "suppression", "Suppression"

    souscription = models.ForeignKey(Souscription, on_delete=models.PROTECT, related_name="+")
    beneficiaire_id = models.BigIntegerField("bénéficiaire (id)")  # kept after a removal
    action = models.CharField(max_length=15, choices=Action.choices)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    session_id = models.UUIDField("session", null=True, blank=True)
    borne = models.ForeignKey("borne_auth.Borne", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    date = models.DateTimeField(default=timezone.now)
    avant = models.JSONField(null=True, blank=True)
    apres = models.JSONField("après", null=True, blank=True)

    class Meta:
        db_table = "journal_beneficiaires"
        ordering = ["-date"]
        verbose_name = "modification de bénéficiaire"
        verbose_name_plural = "modifications de bénéficiaires (journal)"
        indexes = [models.Index(fields=["souscription", "date"], name="journal_benef_souscription_idx")]

    def __str__(self):
        return f"{self.get_action_display()} – bénéficiaire {self.beneficiaire_id}"
