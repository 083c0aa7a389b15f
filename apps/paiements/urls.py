from django.urls import path

from apps.paiements.apis import PaiementInitierApi, PaiementListApi, PaiementStatutApi, RecuPdfApi

urlpatterns = [
    path("clients/<str:police>/paiements/", PaiementListApi.as_view(), name="client-paiements"),
    path("contrats/<str:police>/paiements/", PaiementInitierApi.as_view(), name="paiement-initier"),
    path("paiements/<str:reference>/", PaiementStatutApi.as_view(), name="paiement-statut"),
    path("paiements/<str:reference>/recu.pdf", RecuPdfApi.as_view(), name="paiement-recu"),
]
