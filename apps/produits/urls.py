from django.urls import path

from apps.produits.apis import ProduitDetailApi, ProduitListApi

urlpatterns = [
    path("produits/", ProduitListApi.as_view(), name="produits"),
    path("produits/<str:code>/", ProduitDetailApi.as_view(), name="produit"),
]
