"""factory-boy factories for the PASS data model, shared by every app's tests."""

from datetime import date, timedelta

import factory
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.agents.models import Agent
from apps.borne_auth.models import Borne
from apps.clients.models import Client
from apps.paiements.models import Paiement
from apps.produits.models import Produit
from apps.sinistres.models import Sinistre
from apps.souscriptions.models import Beneficiaire, NumeroPolice, Souscription


def produit_reference(code: str = "KIMIA") -> Produit:
    from apps.produits.services import produits_charger_reference

    if not Produit.objects.filter(code=code).exists():
        produits_charger_reference()
    return Produit.objects.get(code=code)


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    nom = factory.Faker("last_name", locale="fr_FR")
    prenom = factory.Faker("first_name", locale="fr_FR")
    telephone = factory.Sequence(lambda n: f"+24206{n % 10_000_000:07d}")
    adresse = "Poto-Poto"
    ville = "Brazzaville"


class SouscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Souscription

    class Params:
        code_produit = "KIMIA"

    client = factory.SubFactory(ClientFactory)
    produit = factory.LazyAttribute(lambda o: produit_reference(o.code_produit))
    numero_souscription = factory.LazyAttributeSequence(
        lambda o, n: f"PASS-{o.produit.code}-{o.date_effet.year}-{n + 1:06d}"
    )
    montant_prime = 5000
    periodicite = "trimestrielle"
    date_effet = date(2024, 3, 1)
    date_expiration = factory.LazyAttribute(lambda o: o.date_effet + relativedelta(years=1) - timedelta(days=1))
    statut = Souscription.Statut.ACTIVEE
    canal = "ussd"


class AgentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agent

    user = factory.SubFactory("apps.core.tests.factories.UserFactory", is_staff=True)
    nom = "MBEMBA"
    prenom = "Aline"
    matricule = factory.Sequence(lambda n: f"AGT{n + 100:03d}")
    agence = "Agence Brazzaville Centre"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"utilisateur{n}")
    password = factory.django.Password("mot-de-passe-test")


class NumeroPoliceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NumeroPolice

    souscription = factory.SubFactory(SouscriptionFactory)
    numero_police = factory.LazyAttributeSequence(
        # A police is never older than its souscription (trigger police_controle).
        lambda o, n: f"CG-{o.souscription.date_souscription.year}-{o.souscription.produit.categorie}-{n + 500:03d}"
    )
    mode_attribution = NumeroPolice.Mode.AUTOMATIQUE


class ContratFactory(SouscriptionFactory):
    class Meta:
        skip_postgeneration_save = True

    """A souscription with its numéro de police, i.e. a row of the contrats view."""

    police = factory.RelatedFactory(NumeroPoliceFactory, factory_related_name="souscription")


class BeneficiaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beneficiaire

    souscription = factory.SubFactory(SouscriptionFactory)
    nom = "KONGO"
    prenom = factory.Faker("first_name", locale="fr_FR")
    lien = "enfant"


class PaiementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paiement

    reference = factory.Sequence(lambda n: f"TEST-{n:08d}")
    souscription = factory.SubFactory(SouscriptionFactory)
    montant = 1250
    type_paiement = Paiement.Type.COTISATION
    mode_paiement = Paiement.Mode.MTN_MOMO
    numero_payeur = "+242061234567"
    statut = Paiement.Statut.SUCCES
    canal = "ussd"
    date_initiation = factory.LazyFunction(timezone.now)
    date_confirmation = factory.LazyAttribute(lambda o: o.date_initiation if o.statut == "succes" else None)


class SinistreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sinistre

    souscription = factory.SubFactory(SouscriptionFactory)
    type = Sinistre.Type.ACCIDENT
    date_survenance = date(2024, 5, 1)
    description = "Chute à moto"
    montant_reclame = 20000
    canal = "borne"


class BorneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Borne

    identifiant = factory.Sequence(lambda n: f"BZV-TEST-{n:02d}")
    libelle = "Borne de test"
    agence = "Agence Brazzaville Centre"

    @classmethod
    def _create(cls, model_class, *args, cle="cle-de-test", **kwargs):
        kwargs.pop("cle_hash", None)
        borne = model_class(*args, **kwargs)
        borne.definir_cle(cle)
        borne.save()
        return borne
