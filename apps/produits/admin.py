from django.contrib import admin

from apps.produits.models import Produit


@admin.register(Produit)
class ProduitAdmin(admin.ModelAdmin):
    list_display = ["code", "libelle", "categorie", "montant_minimum", "actif"]
    list_filter = ["actif", "categorie"]
