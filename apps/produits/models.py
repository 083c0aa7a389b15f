from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q


class Categorie(models.TextChoices):
    VIE = "VIE", "Vie"
    EPG = "EPG", "Épargne"
    SAN = "SAN", "Santé"


class Periodicite(models.TextChoices):
    ANNUELLE = "annuelle", "Annuelle"
    SEMESTRIELLE = "semestrielle", "Semestrielle"
    TRIMESTRIELLE = "trimestrielle", "Trimestrielle"
    MENSUELLE = "mensuelle", "Mensuelle"


# Échéances per year (n in the échéance formulas); the SQL function pass_echeances_par_an() mirrors it.
ECHEANCES_PAR_AN = {
    Periodicite.ANNUELLE: 1,
    Periodicite.SEMESTRIELLE: 2,
    Periodicite.TRIMESTRIELLE: 4,
    Periodicite.MENSUELLE: 12,
}


class Produit(models.Model):
    class Code(models.TextChoices):
        KIMIA = "KIMIA", "PASS KIMIA"
        BATELA = "BATELA", "PASS BATELA"
        SALISA = "SALISA", "PASS SALISA"

    code = models.CharField(max_length=10, unique=True, choices=Code.choices)
    libelle = models.CharField("libellé", max_length=100)
    description = models.TextField(blank=True)
    categorie = models.CharField("catégorie", max_length=3, choices=Categorie.choices)
    # [{code, libelle, plafond_fcfa or null, description}]
    garanties = models.JSONField(default=list)
    montant_minimum = models.PositiveIntegerField("montant minimum", default=100, help_text="FCFA par échéance")
    periodicites_autorisees = ArrayField(models.CharField(max_length=15, choices=Periodicite.choices), default=list)
    duree_couverture_mois = models.PositiveSmallIntegerField("durée de couverture (mois)", default=12)
    actif = models.BooleanField(default=True)

    class Meta:
        db_table = "produits_pass"
        ordering = ["code"]
        verbose_name = "produit"
        constraints = [
            models.CheckConstraint(condition=Q(montant_minimum__gt=0), name="produit_montant_minimum_positif"),
            models.CheckConstraint(condition=Q(duree_couverture_mois__gt=0), name="produit_duree_positive"),
            models.CheckConstraint(condition=Q(categorie__in=Categorie.values), name="produit_categorie_valide"),
            models.CheckConstraint(
                condition=Q(periodicites_autorisees__contained_by=Periodicite.values),
                name="produit_periodicites_valides",
            ),
        ]

    def __str__(self):
        return self.libelle

    def garantie_codes(self) -> set[str]:
        return {g.get("code") for g in self.garanties}
