from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from apps.borne_auth import services
from apps.borne_auth.authentication import BorneApiMixin, ExigenceBorne
from apps.core.api import PublicApi, TelephoneField, adresse_ip


class ClientCourtSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nom = serializers.CharField()
    prenom = serializers.CharField()
    telephone = serializers.CharField()


class ConnexionApi(BorneApiMixin, PublicApi):
    class InputSerializer(serializers.Serializer):
        police = serializers.CharField(max_length=30, trim_whitespace=True)
        telephone = TelephoneField()

    class OutputSerializer(serializers.Serializer):
        access = serializers.CharField()
        refresh = serializers.CharField()
        expires_in = serializers.IntegerField()
        client = ClientCourtSerializer()
        police = serializers.CharField()

    @extend_schema(
        tags=["Connexion"],
        summary="Connexion d'un client (numéro de police + téléphone)",
        request=InputSerializer,
        responses={200: OutputSerializer},
        examples=[
            OpenApiExample(
                "Jean Baptiste KONGO",
                request_only=True,
                value={"police": "CG-2024-VIE-001", "telephone": "+242061234567"},
            )
        ],
    )
    def post(self, request):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        # A lockout is a 429 with Retry-After (set by the exception handler from retry_after).
        connexion = services.client_connecter(
            police=donnees.validated_data["police"],
            telephone=donnees.validated_data["telephone"],
            borne=request.borne,
            adresse_ip=adresse_ip(request),
        )
        return Response(self.OutputSerializer(connexion).data)


class RefreshSerializer(serializers.Serializer):
    refresh = serializers.CharField(max_length=2000)


class SessionRenouvelerApi(PublicApi):
    class OutputSerializer(serializers.Serializer):
        access = serializers.CharField()
        refresh = serializers.CharField()

    @extend_schema(
        tags=["Connexion"],
        summary="Nouveau jeton d'accès (refresh à usage unique)",
        request=RefreshSerializer,
        responses={200: OutputSerializer},
    )
    def post(self, request):
        donnees = RefreshSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        access, refresh = services.session_renouveler(refresh=donnees.validated_data["refresh"])
        return Response({"access": access, "refresh": refresh})


class DeconnexionApi(PublicApi):
    @extend_schema(
        tags=["Connexion"],
        summary="Déconnexion (le refresh ne servira plus)",
        request=RefreshSerializer,
        responses={204: None},
    )
    def post(self, request):
        donnees = RefreshSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        services.session_terminer(refresh=donnees.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class BorneHeartbeatApi(BorneApiMixin, PublicApi):
    exigence_borne = ExigenceBorne.REQUISE

    class InputSerializer(serializers.Serializer):
        version = serializers.CharField(max_length=50, required=False, default="")
        statut = serializers.CharField(max_length=100, required=False, default="ok")

    class OutputSerializer(serializers.Serializer):
        identifiant = serializers.CharField()
        derniere_activite = serializers.DateTimeField()

    @extend_schema(
        tags=["Bornes"],
        summary="La borne signale qu'elle est en marche",
        request=InputSerializer,
        responses={200: OutputSerializer},
    )
    def post(self, request):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        borne = services.borne_signaler_activite(
            borne=request.borne, version_app=donnees.validated_data["version"], statut=donnees.validated_data["statut"]
        )
        return Response(self.OutputSerializer(borne).data)


class AppelAgentApi(BorneApiMixin, PublicApi):
    """« Appeler un agent »: only a known borne may ask (the admin shows which one)."""

    exigence_borne = ExigenceBorne.REQUISE

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        date = serializers.DateTimeField()

    @extend_schema(
        tags=["Bornes"],
        summary="La borne demande un agent",
        request=None,
        responses={201: OutputSerializer},
    )
    def post(self, request):
        appel = services.agent_appeler(borne=request.borne)
        return Response(self.OutputSerializer(appel).data, status=status.HTTP_201_CREATED)
