import hashlib
import hmac
import uuid

from django.db import models
from django.utils import timezone


class Borne(models.Model):
    """A kiosk device in an agency. Its secret key is stored hashed and shown once."""

    identifiant = models.CharField(max_length=50, unique=True)
    libelle = models.CharField(max_length=100)
    agence = models.CharField(max_length=100)
    cle_hash = models.CharField(max_length=255)
    actif = models.BooleanField(default=True)
    derniere_activite = models.DateTimeField(null=True, blank=True)
    version_app = models.CharField(max_length=50, blank=True)
    statut_rapporte = models.CharField(max_length=100, blank=True)
    date_creation = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "bornes"
        ordering = ["identifiant"]
        verbose_name = "borne"

    def __str__(self):
        return f"{self.identifiant} ({self.agence})"

    # The key is 32 random bytes (borne_creer), not a human password: a plain SHA-256 is as
    # safe as a slow password hash here, and it is checked on every kiosk request.
    def definir_cle(self, cle: str) -> None:
        self.cle_hash = "sha256$" + hashlib.sha256(cle.encode()).hexdigest()

    def verifier_cle(self, cle: str) -> bool:
        attendu = "sha256$" + hashlib.sha256((cle or "").encode()).hexdigest()
        return bool(cle) and hmac.compare_digest(attendu, self.cle_hash)


class TentativeConnexion(models.Model):
    """One failed kiosk sign-in. Counted per police and per borne/address for the lockout.

    Kept in the database so that every server process sees the same counters.
    """

    police = models.CharField(max_length=30)
    borne_identifiant = models.CharField(max_length=50, blank=True)
    adresse_ip = models.GenericIPAddressField(null=True, blank=True)
    date = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "tentatives_connexion"
        verbose_name = "tentative de connexion échouée"
        verbose_name_plural = "tentatives de connexion échouées"
        indexes = [
            models.Index(fields=["police", "date"], name="tentatives_police_idx"),
            models.Index(fields=["borne_identifiant", "date"], name="tentatives_borne_idx"),
            models.Index(fields=["adresse_ip", "date"], name="tentatives_ip_idx"),
        ]

    def __str__(self):
        return f"{self.police} – {self.date:%d/%m/%Y %H:%M}"


class SessionClient(models.Model):
    """One kiosk sign-in: its tokens carry this id and are refused once it ends.

    It lives at most 30 minutes from sign-in (expire_le), whatever the refreshes; only the
    refresh named by `jti_refresh` may be used, once (docs/securite-identite.md, « Sessions »).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="sessions")
    # The contrat used to sign in: its résiliation ends the session.
    souscription = models.ForeignKey("souscriptions.Souscription", on_delete=models.CASCADE, related_name="+")
    borne = models.ForeignKey(Borne, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    date_debut = models.DateTimeField(default=timezone.now)
    expire_le = models.DateTimeField()
    jti_refresh = models.CharField(max_length=64)
    revoquee_le = models.DateTimeField(null=True, blank=True)
    motif_revocation = models.CharField(max_length=30, blank=True)

    class Meta:
        db_table = "sessions_clients"
        ordering = ["-date_debut"]
        verbose_name = "session client"
        verbose_name_plural = "sessions clients"
        indexes = [models.Index(fields=["client", "revoquee_le"], name="sessions_client_idx")]

    def __str__(self):
        return f"session {self.pk} ({self.date_debut:%d/%m/%Y %H:%M})"


class AppelAgent(models.Model):
    """« Besoin d'aide ? Appeler un agent » touched on a borne: agents see it in the admin."""

    borne = models.ForeignKey(Borne, on_delete=models.CASCADE, related_name="appels_agent")
    date = models.DateTimeField(default=timezone.now)
    traite_le = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "appels_agent"
        ordering = ["-date"]
        verbose_name = "appel d'un agent"
        verbose_name_plural = "appels d'un agent"
        constraints = [
            # One waiting call per borne: tapping the button again does not pile up calls.
            models.UniqueConstraint(
                fields=["borne"], condition=models.Q(traite_le__isnull=True), name="appel_agent_un_en_attente"
            )
        ]

    def __str__(self):
        return f"{self.borne} – {self.date:%d/%m/%Y %H:%M}"
