from django.db import models
from django.db.models import F, Q

from apps.clients.recherche import cle
from apps.core.validators import valider_telephone

TELEPHONE_REGEX = r"^\+242[0-9]{9}$"


class Client(models.Model):
    nom = models.CharField(max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    # One person = one row, found by telephone (canonical +242XXXXXXXXX).
    telephone = models.CharField("téléphone", max_length=13, unique=True, validators=[valider_telephone])
    date_naissance = models.DateField("date de naissance", null=True, blank=True)
    adresse = models.CharField(max_length=255, blank=True)
    ville = models.CharField(max_length=100, blank=True)
    date_creation = models.DateTimeField("date de création", auto_now_add=True)

    class Meta:
        db_table = "clients_pass"
        ordering = ["nom", "prenom"]
        verbose_name = "client"
        constraints = [
            models.CheckConstraint(condition=Q(telephone__regex=TELEPHONE_REGEX), name="client_telephone_format"),
            models.CheckConstraint(condition=~Q(nom=""), name="client_nom_requis"),
            models.CheckConstraint(condition=~Q(prenom=""), name="client_prenom_requis"),
        ]
        indexes = [
            # The agents' list, in a total order (the id after names shared by thousands).
            models.Index(fields=["nom", "prenom", "id"], name="clients_nom_prenom_id_idx"),
            models.Index(fields=["ville"], name="clients_ville_idx"),  # the list's filter (selectors)
            # The agents' search box: names without accents, a prefix range read in order (selectors).
            models.Index(cle("nom"), cle("prenom"), F("id"), name="clients_nom_cle_idx"),
            models.Index(cle("prenom"), cle("nom"), F("id"), name="clients_prenom_cle_idx"),
        ]

    def __str__(self):
        return f"{self.prenom} {self.nom}"
