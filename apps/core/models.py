from django.db import models
from django.utils import timezone


class Compteur(models.Model):
    """Named counters for generated numbers (numero_souscription, numéros de police).

    Incremented with one `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so two processes
    asking at the same moment always get different values.
    """

    cle = models.CharField(max_length=40, primary_key=True)
    valeur = models.BigIntegerField(default=0)

    class Meta:
        db_table = "compteurs_pass"
        verbose_name = "compteur"

    def __str__(self):
        return f"{self.cle} = {self.valeur}"


class DemandeLimitee(models.Model):
    """One accepted request counted by an abuse limit (key: what is limited, e.g. a payer number).

    Counted under a transaction-level advisory lock on the key, so every server process sees the
    same count and N means N under concurrency (apps/core/limites.py).
    """

    cle = models.CharField(max_length=80)
    date = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "demandes_limitees"
        verbose_name = "demande comptée (limites)"
        indexes = [models.Index(fields=["cle", "date"], name="demandes_limitees_cle_idx")]

    def __str__(self):
        return f"{self.cle} – {self.date:%d/%m/%Y %H:%M}"


class CompteurFenetre(models.Model):
    """Abuse limits: events counted per key in fixed time windows, shared by every process.

    Incremented with one `INSERT … ON CONFLICT DO UPDATE … RETURNING`: with 50 requests at
    once, N allowed means exactly N (see apps.core.services.limite_compter).
    """

    cle = models.CharField(max_length=200)
    debut = models.DateTimeField()
    nombre = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "compteurs_fenetre"
        verbose_name = "compteur de limite"
        constraints = [models.UniqueConstraint(fields=["cle", "debut"], name="compteurs_fenetre_cle_debut_uniq")]

    def __str__(self):
        return f"{self.cle} depuis {self.debut:%d/%m/%Y %H:%M} = {self.nombre}"
