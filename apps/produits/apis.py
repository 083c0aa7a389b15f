from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from apps.core.api import PublicApi
from apps.produits.models import Periodicite
from apps.produits.selectors import produit_actif, produits_actifs


class GarantieSerializer(serializers.Serializer):
    code = serializers.CharField()
    libelle = serializers.CharField()
    plafond_fcfa = serializers.IntegerField(allow_null=True)
    description = serializers.CharField()


class ProduitSerializer(serializers.Serializer):
    code = serializers.CharField()
    libelle = serializers.CharField()
    description = serializers.CharField()
    categorie = serializers.CharField()
    garanties = GarantieSerializer(many=True)
    montant_minimum = serializers.IntegerField()
    periodicites_autorisees = serializers.ListField(child=serializers.ChoiceField(choices=Periodicite.choices))
    duree_couverture_mois = serializers.IntegerField()


class ProduitListApi(PublicApi):
    @extend_schema(tags=["Produits"], summary="Les produits PASS", responses=ProduitSerializer(many=True))
    def get(self, request):
        return Response(ProduitSerializer(produits_actifs(), many=True).data)


class ProduitDetailApi(PublicApi):
    @extend_schema(tags=["Produits"], summary="Un produit PASS", responses=ProduitSerializer)
    def get(self, request, code: str):
        return Response(ProduitSerializer(produit_actif(code=code)).data)
