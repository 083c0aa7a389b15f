from decimal import Decimal

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.borne_auth.apis import ClientCourtSerializer
from apps.borne_auth.authentication import BorneApiMixin, BorneAuthentication, ExigenceBorne, SessionDiffereeMixin
from apps.core.api import (
    EstClient,
    FichierPdfMixin,
    MontantField,
    Pagination,
    PublicApi,
    TelephoneField,
    page_de,
)
from apps.core.dates import aujourdhui
from apps.core.exceptions import NotFound
from apps.paiements.idempotence import EN_TETE_IDEMPOTENCE, IdempotenceMixin
from apps.paiements.serializers import OperateurField, PaiementSerializer
from apps.parcours import services as parcours
from apps.produits.apis import GarantieSerializer
from apps.produits.models import Periodicite
from apps.produits.selectors import produit_actif
from apps.sinistres.models import TypeSinistre
from apps.sinistres.serializers import SinistreSerializer
from apps.souscriptions import documents, selectors, services
from apps.souscriptions.models import LienBeneficiaire
from apps.souscriptions.serializers import (
    BeneficiaireSerializer,
    ContratResumeSerializer,
    CotisationSerializer,
)


class ClientApi(SessionDiffereeMixin, APIView):
    """Signed-in client only; `{police}` must be one of the client's contrats (else 404)."""

    # (The docstring above is the schema's description.) A view with session_verifiee_par_la_lecture
    # checks the session in its read for GET (SessionDiffereeMixin); contrat() does it.

    permission_classes = [EstClient]
    # No per-client throttle: a client reaches these only after the sign-in lockout, and the
    # kiosk's reads must stay a few queries each.
    throttle_classes = []

    def contrat(self, request, police: str):
        contrat = selectors.contrat_du_client(
            client_id=request.user.client_id, police=police, session=self.session_pour_la_lecture(request)
        )
        self.session_constatee_ouverte()  # found (else a 404 was raised)
        return contrat

    def auteur(self, request) -> services.AuteurBorne:
        """Who makes a sensitive change, for the journal: client, session and borne (when known)."""
        # Checked here, not for every method of the view: only changes name their author.
        authentifiee = BorneAuthentication(ExigenceBorne.FACULTATIVE).authenticate(request)
        borne = authentifiee[1] if authentifiee else None
        # The code proof of the client's telephone: in the body, or a header for a DELETE.
        code_preuve = request.headers.get("X-Code-Preuve")
        if isinstance(request.data, dict) and isinstance(request.data.get("code_preuve"), str):
            code_preuve = request.data["code_preuve"]
        return services.AuteurBorne(
            client_id=request.user.client_id, session_id=request.user.session_id, borne=borne, code_preuve=code_preuve
        )


class ProchaineEcheanceSerializer(serializers.Serializer):
    police = serializers.CharField()
    date = serializers.DateField()
    montant = serializers.IntegerField()


class TableauDeBordApi(ClientApi):
    session_verifiee_par_la_lecture = True

    # Nested serializers (not dicts) so the OpenAPI schema, and the kiosk's types generated
    # from it, describe every field.
    class OutputSerializer(serializers.Serializer):
        client = ClientCourtSerializer()
        solde_global = serializers.IntegerField()
        total_paye = serializers.IntegerField()
        arrieres = serializers.IntegerField()
        avance = serializers.IntegerField()
        nombre_contrats = serializers.SerializerMethodField()
        prochaine_echeance = ProchaineEcheanceSerializer(allow_null=True)
        contrats = serializers.SerializerMethodField()

        def get_nombre_contrats(self, tableau) -> int:
            return len(tableau.contrats)

        def get_contrats(self, tableau) -> ContratResumeSerializer(many=True):
            return ContratResumeSerializer(tableau.contrats, many=True, context={"jour": tableau.jour}).data

        def to_representation(self, tableau) -> dict:
            # The kiosk's first screen, read at every sign-in: the fields above, written out
            # (DRF's generic per-field work cost more than the query; a test compares both).
            prochaine = tableau.prochaine_echeance
            contrat = ContratResumeSerializer(context={"jour": tableau.jour}).to_representation
            return {
                "client": {
                    "id": int(tableau.client.id),
                    "nom": str(tableau.client.nom),
                    "prenom": str(tableau.client.prenom),
                    "telephone": str(tableau.client.telephone),
                },
                "solde_global": int(tableau.solde_global),
                "total_paye": int(tableau.total_paye),
                "arrieres": int(tableau.arrieres),
                "avance": int(tableau.avance),
                "nombre_contrats": len(tableau.contrats),
                "prochaine_echeance": None
                if prochaine is None
                else {
                    "police": str(prochaine["police"]),
                    "date": prochaine["date"].isoformat(),
                    "montant": int(prochaine["montant"]),
                },
                "contrats": [contrat(c) for c in tableau.contrats],
            }

    @extend_schema(tags=["Client"], summary="Tableau de bord : solde global et contrats", responses=OutputSerializer)
    def get(self, request, police: str):
        tableau = selectors.client_tableau_de_bord(
            client_id=request.user.client_id, session=self.session_pour_la_lecture(request)
        )
        if police not in {c.numero_police for c in tableau.contrats}:
            raise NotFound("Contrat introuvable.", code="contrat_introuvable")
        self.session_constatee_ouverte()
        return Response(self.OutputSerializer(tableau).data)


class ContratListApi(ClientApi):
    session_verifiee_par_la_lecture = True

    @extend_schema(tags=["Client"], summary="Les contrats du client", responses=ContratResumeSerializer(many=True))
    def get(self, request, police: str):
        contrats = selectors.contrats_du_client(
            client_id=request.user.client_id, session=self.session_pour_la_lecture(request)
        )
        if police not in {c.numero_police for c in contrats}:
            raise NotFound("Contrat introuvable.", code="contrat_introuvable")
        self.session_constatee_ouverte()
        return Response(ContratResumeSerializer(contrats, many=True, context={"jour": contrats[0].jour}).data)


class CotisationListApi(ClientApi):
    session_verifiee_par_la_lecture = True

    class FiltreSerializer(serializers.Serializer):
        statut = serializers.ChoiceField(choices=["payee", "en_retard", "a_venir"], required=False)
        police = serializers.CharField(max_length=30, required=False)

    @extend_schema(
        tags=["Client"],
        summary="Toutes les échéances du client, les plus récentes d'abord",
        parameters=[FiltreSerializer],
        responses=page_de(CotisationSerializer),
    )
    def get(self, request, police: str):
        self.contrat(request, police)
        filtres = self.FiltreSerializer(data=request.query_params)
        filtres.is_valid(raise_exception=True)
        cotisations = selectors.cotisations_du_client(client_id=request.user.client_id, **filtres.validated_data)
        pagination = Pagination()
        page = pagination.paginate_queryset(cotisations, request, view=self)
        return pagination.get_paginated_response(CotisationSerializer(page, many=True).data)


class ContratDetailApi(ClientApi):
    session_verifiee_par_la_lecture = True

    class OutputSerializer(ContratResumeSerializer):
        garanties = GarantieSerializer(many=True)
        beneficiaires = BeneficiaireSerializer(many=True)
        cotisations = CotisationSerializer(many=True)
        paiements = PaiementSerializer(many=True)
        sinistres = SinistreSerializer(many=True)
        # What the kiosk may offer in « Déclarer un sinistre » (the declaration checks it again).
        types_sinistre_couverts = serializers.ListField(child=serializers.ChoiceField(choices=TypeSinistre.choices))

        def to_representation(self, contrat) -> dict:
            # As ContratResumeSerializer: the declared fields, written out (a test compares both).
            donnees = super().to_representation(contrat)
            donnees["garanties"] = [
                {
                    "code": str(g["code"]),
                    "libelle": str(g["libelle"]),
                    "plafond_fcfa": None if g["plafond_fcfa"] is None else int(g["plafond_fcfa"]),
                    "description": str(g["description"]),
                }
                for g in contrat.garanties
            ]
            donnees["beneficiaires"] = BeneficiaireSerializer.lignes(contrat.beneficiaires)
            donnees["cotisations"] = CotisationSerializer.lignes(contrat.cotisations)
            donnees["paiements"] = PaiementSerializer.lignes(contrat.paiements)
            donnees["sinistres"] = SinistreSerializer.lignes(contrat.sinistres)
            donnees["types_sinistre_couverts"] = [str(t) for t in contrat.types_sinistre_couverts]
            return donnees

    @extend_schema(tags=["Client"], summary="Un contrat en détail", responses=OutputSerializer)
    def get(self, request, police: str):
        contrat = selectors.contrat_en_detail(
            client_id=request.user.client_id, police=police, session=self.session_pour_la_lecture(request)
        )
        self.session_constatee_ouverte()  # found (else a 404 was raised)
        return Response(self.OutputSerializer(contrat, context={"jour": contrat.jour}).data)


class DateNaissanceField(serializers.DateField):
    def to_internal_value(self, valeur):
        valeur = super().to_internal_value(valeur)
        if valeur > aujourdhui():
            raise serializers.ValidationError("La date de naissance ne peut pas être dans le futur.")
        return valeur


class BeneficiaireInputSerializer(serializers.Serializer):
    nom = serializers.CharField(max_length=100)
    prenom = serializers.CharField(max_length=100)
    lien = serializers.ChoiceField(choices=LienBeneficiaire.choices)
    date_naissance = DateNaissanceField(required=False, allow_null=True)
    telephone = TelephoneField(required=False, allow_null=True)
    part_pourcentage = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("100"),
        required=False,
        allow_null=True,
    )


class SouscriptionCreerApi(BorneApiMixin, IdempotenceMixin, PublicApi):
    """A new PASS from a kiosk (no sign-in): the first échéance is requested by MoMo."""

    class ClientSerializer(serializers.Serializer):
        nom = serializers.CharField(max_length=100)
        prenom = serializers.CharField(max_length=100)
        telephone = TelephoneField()
        date_naissance = DateNaissanceField(required=False, allow_null=True)
        adresse = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
        ville = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")

    class InputSerializer(serializers.Serializer):
        client = serializers.DictField()  # checked by ClientSerializer, with errors under "client"
        produit = serializers.CharField(max_length=10)
        montant_prime = MontantField(min_value=1, max_value=10_000_000)
        periodicite = serializers.ChoiceField(choices=Periodicite.choices)
        beneficiaires = BeneficiaireInputSerializer(many=True, required=False, default=list, max_length=6)
        numero_payeur = serializers.CharField(max_length=20)
        operateur = OperateurField()
        code_preuve = serializers.CharField(max_length=500, required=False, allow_blank=True)

    class OutputSerializer(serializers.Serializer):
        class SouscriptionSerializer(serializers.Serializer):
            numero_souscription = serializers.CharField()
            statut = serializers.CharField()
            produit = serializers.CharField(source="produit.code")
            montant_prime = serializers.IntegerField()
            periodicite = serializers.CharField()
            montant_echeance = serializers.IntegerField()

        class PaiementSerializer(serializers.Serializer):
            reference = serializers.CharField()
            statut = serializers.CharField()
            montant = serializers.IntegerField()

        souscription = SouscriptionSerializer()
        paiement = PaiementSerializer()

    @extend_schema(
        tags=["Souscription"],
        summary="Souscrire un PASS à la borne (premier paiement par MTN MoMo ou Airtel Money)",
        parameters=[EN_TETE_IDEMPOTENCE],
        request=InputSerializer,
        responses={201: OutputSerializer},
    )
    def post(self, request):
        return self.executer_une_fois(request)

    def executer(self, request):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        client = self.ClientSerializer(data=donnees.validated_data["client"])
        if not client.is_valid():
            raise serializers.ValidationError({"client": client.errors})
        valeurs = donnees.validated_data
        souscription, paiement = parcours.souscription_creer(
            client_donnees=client.validated_data,
            produit=produit_actif(code=valeurs["produit"]),
            montant_prime=valeurs["montant_prime"],
            periodicite=valeurs["periodicite"],
            beneficiaires=valeurs["beneficiaires"],
            numero_payeur=valeurs["numero_payeur"],
            borne=request.borne,
            operateur=valeurs.get("operateur") or None,
            code_preuve=valeurs.get("code_preuve") or None,
        )
        souscription.montant_echeance = selectors.montant_echeance(
            montant_prime=souscription.montant_prime, periodicite=souscription.periodicite
        )
        corps = self.OutputSerializer({"souscription": souscription, "paiement": paiement}).data
        return status.HTTP_201_CREATED, corps


class BeneficiaireListApi(ClientApi):
    @extend_schema(
        tags=["Bénéficiaires"], summary="Bénéficiaires d'un contrat", responses=BeneficiaireSerializer(many=True)
    )
    def get(self, request, police: str):
        contrat = self.contrat(request, police)
        return Response(
            BeneficiaireSerializer(selectors.beneficiaires_du_contrat(souscription_id=contrat.pk), many=True).data
        )

    @extend_schema(
        tags=["Bénéficiaires"],
        summary="Ajouter un bénéficiaire (6 au plus)",
        request=BeneficiaireInputSerializer,
        responses={201: BeneficiaireSerializer},
    )
    def post(self, request, police: str):
        contrat = self.contrat(request, police)
        donnees = BeneficiaireInputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        beneficiaire = services.beneficiaire_ajouter(
            souscription=contrat.souscription, donnees=donnees.validated_data, auteur=self.auteur(request)
        )
        return Response(BeneficiaireSerializer(beneficiaire).data, status=status.HTTP_201_CREATED)


class BeneficiaireDetailApi(ClientApi):
    def beneficiaire(self, request, police: str, pk: int):
        return selectors.beneficiaire_du_contrat(souscription_id=self.contrat(request, police).pk, pk=pk)

    @extend_schema(
        tags=["Bénéficiaires"],
        summary="Modifier un bénéficiaire",
        request=BeneficiaireInputSerializer,
        responses=BeneficiaireSerializer,
    )
    def patch(self, request, police: str, pk: int):
        beneficiaire = self.beneficiaire(request, police, pk)
        donnees = BeneficiaireInputSerializer(data=request.data, partial=True)
        donnees.is_valid(raise_exception=True)
        beneficiaire = services.beneficiaire_modifier(
            beneficiaire=beneficiaire, donnees=donnees.validated_data, auteur=self.auteur(request)
        )
        return Response(BeneficiaireSerializer(beneficiaire).data)

    @extend_schema(tags=["Bénéficiaires"], summary="Retirer un bénéficiaire", responses={204: None})
    def delete(self, request, police: str, pk: int):
        services.beneficiaire_supprimer(
            beneficiaire=self.beneficiaire(request, police, pk), auteur=self.auteur(request)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class RelevePdfApi(FichierPdfMixin, BorneApiMixin, ClientApi):
    exigence_borne = ExigenceBorne.FACULTATIVE

    @extend_schema(
        tags=["Client"],
        summary="Relevé imprimable (PDF A4)",
        responses={(200, "application/pdf"): bytes},
    )
    def get(self, request, police: str):
        self.contrat(request, police)
        borne = request.borne
        contenu = documents.releve_pdf(
            client_id=request.user.client_id, borne_libelle=f"{borne.identifiant} ({borne.agence})" if borne else None
        )
        reponse = HttpResponse(contenu, content_type="application/pdf")
        reponse["Content-Disposition"] = f'inline; filename="releve-{police}.pdf"'
        return reponse


class SouscriptionRelancerPaiementApi(BorneApiMixin, IdempotenceMixin, PublicApi):
    """A new attempt at the first payment (after a refusal), without creating another PASS."""

    class InputSerializer(serializers.Serializer):
        numero_payeur = serializers.CharField(max_length=20)
        operateur = OperateurField()
        # A payer other than the subscriber's telephone: the code proof of that telephone.
        code_preuve = serializers.CharField(max_length=500, required=False, allow_blank=True)

    @extend_schema(
        tags=["Souscription"],
        summary="Relancer le premier paiement d'une souscription en attente",
        parameters=[EN_TETE_IDEMPOTENCE],
        request=InputSerializer,
        responses={202: SouscriptionCreerApi.OutputSerializer},
    )
    def post(self, request, numero: str):
        return self.executer_une_fois(request, numero=numero)

    def executer(self, request, *, numero: str):
        donnees = self.InputSerializer(data=request.data)
        donnees.is_valid(raise_exception=True)
        souscription, paiement = parcours.souscription_relancer_paiement(
            numero_souscription=numero,
            numero_payeur=donnees.validated_data["numero_payeur"],
            borne=request.borne,
            operateur=donnees.validated_data.get("operateur") or None,
            code_preuve=donnees.validated_data.get("code_preuve") or None,
        )
        souscription.montant_echeance = selectors.montant_echeance(
            montant_prime=souscription.montant_prime, periodicite=souscription.periodicite
        )
        corps = SouscriptionCreerApi.OutputSerializer({"souscription": souscription, "paiement": paiement}).data
        return status.HTTP_202_ACCEPTED, corps
