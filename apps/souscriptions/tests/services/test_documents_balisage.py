"""People-typed text is printed as text: never markup that makes ReportLab fetch a URL or a file."""

import socket
import threading
from io import BytesIO

import pytest
from pypdf import PdfReader

from apps.clients.models import Client
from apps.paiements.models import Paiement
from apps.souscriptions.documents import recu_pdf, releve_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def ecouteur():
    """A local TCP listener that records every connection made to it (the SSRF target)."""
    serveur = socket.socket()
    serveur.bind(("127.0.0.1", 0))
    serveur.listen()
    serveur.settimeout(0.2)
    connexions = []
    arret = threading.Event()

    def accepter():
        while not arret.is_set():
            try:
                conn, _ = serveur.accept()
            except TimeoutError:
                continue
            connexions.append(conn.getpeername())
            conn.close()  # answer at once: the test fails instead of freezing like the API did

    fil = threading.Thread(target=accepter, daemon=True)
    fil.start()
    yield serveur.getsockname()[1], connexions
    arret.set()
    fil.join()
    serveur.close()


def texte_pdf(contenu: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(contenu)).pages)


def test_releve_nom_avec_balise_img_imprime_tel_quel(demo, ecouteur, tmp_path):
    port, connexions = ecouteur
    image = f'<img src="http://127.0.0.1:{port}/x" width="1" height="1"/>'
    fichier = f'<img src="{tmp_path}/absent.png"/>'
    Client.objects.filter(telephone="+242061234567").update(nom=image, prenom="<b>Jean</b> &amp;", adresse=fichier)
    client = Client.objects.get(telephone="+242061234567")

    texte = texte_pdf(releve_pdf(client_id=client.pk, borne_libelle='<font size="40">X</font>'))

    assert connexions == []
    assert f"127.0.0.1:{port}/x" in texte and "<img" in texte
    assert "<b>Jean</b> &amp;" in texte
    assert '<font size="40">X</font>' in texte


def test_recu_motif_avec_balise_img_imprime_tel_quel(demo, ecouteur):
    port, connexions = ecouteur
    paiement = Paiement.objects.filter(statut="succes").first()
    paiement.motif_echec = f'<img src="http://127.0.0.1:{port}/x"/>'

    texte = texte_pdf(recu_pdf(paiement=paiement, numero_police="<i>CG</i>"))

    assert connexions == []
    assert f'<img src="http://127.0.0.1:{port}/x"/>' in texte.replace("\n", " ")
    assert "<i>CG</i>" in texte
