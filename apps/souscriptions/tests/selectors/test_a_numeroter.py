"""« Souscriptions à numéroter » read from the column a_numeroter, kept by triggers.

The list and the home page's count must stay exactly « activated and without a police » through
activations, attributions (one or in bulk), police deletions and moves, status changes and stale
Python objects saved over newer rows — and read a partial index, not an anti-join over every
numbered souscription.
"""

import threading
import time

import psycopg
import pytest
from django.db import DatabaseError, connection, transaction
from hypothesis import HealthCheck
from hypothesis import settings as reglages_hypothesis
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from apps.agents.selectors import compter_plafonne
from apps.core.tests.factories import NumeroPoliceFactory, SouscriptionFactory
from apps.souscriptions.models import NumeroPolice, Souscription
from apps.souscriptions.selectors import souscriptions_a_numeroter

STATUTS = ["en_attente_paiement", "activee", "suspendue", "resiliee", "annulee"]


def attendues() -> set[int]:
    """The truth, by the anti-join the column replaces."""
    return set(Souscription.objects.filter(statut="activee", police__isnull=True).values_list("pk", flat=True))


class ANumeroterToujoursExact(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.souscriptions: list[int] = []
        self.perimees: list[Souscription] = []  # Python objects loaded earlier, saved later

    def _une(self, index):
        return self.souscriptions[index % len(self.souscriptions)] if self.souscriptions else None

    @rule(statut=st.sampled_from(["activee", "en_attente_paiement"]))
    def creer(self, statut):
        self.souscriptions.append(SouscriptionFactory(statut=statut).pk)

    @rule(index=st.integers(0, 40), statut=st.sampled_from(STATUTS))
    def changer_statut(self, index, statut):
        if (pk := self._une(index)) is not None:
            Souscription.objects.filter(pk=pk).update(statut=statut)

    @rule(index=st.integers(0, 40))
    def charger(self, index):
        if (pk := self._une(index)) is not None:
            self.perimees.append(Souscription.objects.get(pk=pk))

    @rule(index=st.integers(0, 40))
    def sauver_un_objet_perime(self, index):
        """save() writes every column, a_numeroter included, as it was when loaded."""
        if self.perimees:
            self.perimees[index % len(self.perimees)].save()

    @rule(indexes=st.lists(st.integers(0, 40), min_size=1, max_size=4, unique=True))
    def attribuer(self, indexes):
        """One police, or several in one INSERT (the statement-level trigger sees them all)."""
        libres = Souscription.objects.filter(
            pk__in=[self._une(i) for i in indexes if self.souscriptions], statut="activee", police__isnull=True
        )
        polices = [NumeroPoliceFactory.build(souscription=s) for s in libres]
        if polices:
            NumeroPolice.objects.bulk_create(polices)

    @rule(indexes=st.lists(st.integers(0, 40), min_size=1, max_size=3, unique=True))
    def supprimer_des_polices(self, indexes):
        NumeroPolice.objects.filter(souscription_id__in=[self._une(i) for i in indexes if self.souscriptions]).delete()

    @rule(depuis=st.integers(0, 40), vers=st.integers(0, 40))
    def deplacer_une_police(self, depuis, vers):
        police = NumeroPolice.objects.filter(souscription_id=self._une(depuis)).first()
        if police is None or self._une(vers) == police.souscription_id:
            return
        try:
            with transaction.atomic():  # refused (police_controle, one police per souscription): nothing changes
                NumeroPolice.objects.filter(pk=police.pk).update(souscription_id=self._une(vers))
        except DatabaseError:
            pass

    @rule(index=st.integers(0, 40))
    def changer_le_numero(self, index):
        police = NumeroPolice.objects.filter(souscription_id=self._une(index)).first()
        if police is not None:
            NumeroPolice.objects.filter(pk=police.pk).update(commentaire="corrigé")

    @invariant()
    def la_liste_et_le_compte_sont_exacts(self):
        verite = attendues()
        assert set(souscriptions_a_numeroter().values_list("pk", flat=True)) == verite
        assert compter_plafonne(souscriptions_a_numeroter()) == len(verite)


@pytest.mark.django_db
def test_a_numeroter_reste_exact(produits):
    run_state_machine_as_test(
        ANumeroterToujoursExact,
        settings=reglages_hypothesis(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )


@pytest.mark.django_db
def test_la_liste_et_le_compte_lisent_l_index_partiel(produits, sql):
    SouscriptionFactory(statut="activee")
    NumeroPoliceFactory()
    requete, parametres = souscriptions_a_numeroter().order_by("date_souscription", "pk")[:1001].query.sql_with_params()
    sql("SET LOCAL enable_seqscan = off")  # a test table is tiny: seq scan would win; the point is the shape
    plan = "\n".join(ligne["QUERY PLAN"] for ligne in sql("EXPLAIN " + requete, list(parametres)))
    assert "souscriptions_a_numeroter_idx" in plan
    assert "numeros_police_congo" not in plan  # no anti-join over the numbered souscriptions


def _connexion():
    return psycopg.connect(**connection.get_connection_params())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("premier", ["statut", "suppression"])
def test_activation_et_suppression_de_police_concurrentes(produits, premier):
    """A souscription reactivated while another agent deletes its police: whichever commits first,
    it ends up « à numéroter » (the trigger recomputes after waiting for the other's row lock)."""
    police = NumeroPoliceFactory(souscription=SouscriptionFactory(statut="activee"))
    souscription_id = police.souscription_id
    Souscription.objects.filter(pk=souscription_id).update(statut="suspendue")
    activer = "UPDATE souscriptions_pass SET statut = 'activee' WHERE id = %s"
    supprimer = "DELETE FROM numeros_police_congo WHERE id = %s"
    premiere, seconde = (
        ((activer, [souscription_id]), (supprimer, [police.pk]))
        if premier == "statut"
        else ((supprimer, [police.pk]), (activer, [souscription_id]))
    )
    a, b = _connexion(), _connexion()
    try:
        a.execute(*premiere)  # transaction open, row lock held
        fil = threading.Thread(target=lambda: (b.execute(*seconde), b.commit()))
        fil.start()
        time.sleep(0.5)  # b now waits for a's lock on the souscription
        assert fil.is_alive()
        a.commit()
        fil.join(10)
    finally:
        a.close()
        b.close()
    assert Souscription.objects.get(pk=souscription_id).a_numeroter is True
    assert set(souscriptions_a_numeroter().values_list("pk", flat=True)) == attendues() == {souscription_id}
