"""Printable documents: the A4 relevé of a client and the receipt of one paiement.

Figures come from the contrats / cotisations views (never recomputed here). Every value is
escaped before it enters a Paragraph: ReportLab reads Paragraph text as markup, and an
``<img src=…>`` typed as a name would make it fetch a URL or open a file (docs/securite.md).
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from apps.core.formats import fcfa, jour, moment
from apps.paiements.models import Paiement
from apps.souscriptions.models import Cotisation
from apps.souscriptions.selectors import client_tableau_de_bord

# Second line of defence: should markup ever slip through, no URL scheme is trusted.
rl_config.trustedHosts = ["aucun-hote.invalid"]
rl_config.trustedSchemes = []

BLEU_NSIA = colors.HexColor("#0B3B8C")
GRIS = colors.HexColor("#F1F4F9")
ETATS = {"actif": "Actif", "expire": "Expiré", "suspendu": "Suspendu", "resilie": "Résilié"}
STATUTS_ECHEANCE = {"payee": "Payée", "en_retard": "En retard", "a_venir": "À venir"}
STATUTS_PAIEMENT = {"succes": "Réussi", "echec": "Échoué", "en_attente": "En attente"}
TYPES_PAIEMENT = dict(Paiement.Type.choices)

_styles = getSampleStyleSheet()
TITRE = ParagraphStyle("titre", parent=_styles["Title"], textColor=BLEU_NSIA, fontSize=18, spaceAfter=2)
SOUS_TITRE = ParagraphStyle("sous_titre", parent=_styles["Heading2"], textColor=BLEU_NSIA, fontSize=12)
TEXTE = ParagraphStyle("texte", parent=_styles["Normal"], fontSize=9.5, leading=12)
DROITE = ParagraphStyle("droite", parent=TEXTE, alignment=TA_RIGHT)


def _t(valeur) -> str:
    """A value as Paragraph text: printed as typed, never interpreted as markup."""
    return escape(str(valeur))


def _tableau(lignes, largeurs, *, entete=True):
    table = Table(lignes, colWidths=largeurs, repeatRows=1 if entete else 0)
    style = [
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, GRIS]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#D0D7E2")),
    ]
    if entete:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), BLEU_NSIA),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ]
    table.setStyle(TableStyle(style))
    return table


def releve_pdf(*, client_id: int, borne_libelle: str | None) -> bytes:
    tableau = client_tableau_de_bord(client_id=client_id)
    client = tableau.client
    echeances = {}
    for cotisation in Cotisation.objects.filter(client_id=client_id).order_by("souscription_id", "rang"):
        echeances.setdefault(cotisation.souscription_id, []).append(cotisation)
    paiements = {}
    for paiement in Paiement.objects.filter(souscription__client_id=client_id).order_by("-date_initiation"):
        paiements.setdefault(paiement.souscription_id, []).append(paiement)

    tampon = BytesIO()
    document = SimpleDocTemplate(
        tampon,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="Relevé NSIA PASS",
        author="NSIA Assurances Congo",
    )
    imprime = _t(moment(timezone.now()) + (f" — borne {borne_libelle}" if borne_libelle else ""))
    elements = [
        Paragraph("NSIA Assurances Congo", TITRE),
        Paragraph("Relevé de compte PASS", SOUS_TITRE),
        Paragraph(f"Imprimé le {imprime}", TEXTE),
        Spacer(1, 4 * mm),
        Paragraph(
            f"<b>{_t(client.prenom)} {_t(client.nom)}</b> — téléphone {_t(client.telephone)}"
            + (f" — {_t(client.adresse)}, {_t(client.ville)}" if client.adresse else ""),
            TEXTE,
        ),
        Spacer(1, 3 * mm),
    ]
    situation = "en retard" if tableau.solde_global < 0 else "d'avance" if tableau.solde_global > 0 else "à jour"
    elements.append(
        _tableau(
            [
                ["Solde global", "Total payé", "Arriérés", "Contrats"],
                [
                    f"{fcfa(tableau.solde_global)} ({situation})",
                    fcfa(tableau.total_paye),
                    fcfa(tableau.arrieres),
                    str(len(tableau.contrats)),
                ],
            ],
            [60 * mm, 45 * mm, 40 * mm, 35 * mm],
        )
    )

    for contrat in tableau.contrats:
        elements += [
            Spacer(1, 6 * mm),
            Paragraph(
                _t(
                    f"{contrat.produit_libelle} — police {contrat.numero_police} — "
                    f"{ETATS.get(contrat.etat, contrat.etat)}"
                ),
                SOUS_TITRE,
            ),
        ]
        elements.append(
            Paragraph(
                f"Prime annuelle {fcfa(contrat.montant_prime)}, {_t(contrat.periodicite)} — couverture du "
                f"{jour(contrat.date_effet)} au {jour(contrat.date_expiration)} — payé {fcfa(contrat.total_paye)}, "
                f"dû à ce jour {fcfa(contrat.total_du_a_date)}, <b>solde {fcfa(contrat.solde)}</b>, "
                f"arriérés {fcfa(contrat.arrieres)}.",
                TEXTE,
            )
        )
        elements.append(Spacer(1, 2 * mm))
        lignes = [["Quittance", "Début", "Fin", "Dû", "Payé", "Reste", "Statut"]]
        for e in echeances.get(contrat.souscription_id, []):
            lignes.append(
                [
                    e.numero_quittance,
                    jour(e.date_debut),
                    jour(e.date_fin),
                    fcfa(e.montant_du),
                    fcfa(e.montant_paye),
                    fcfa(e.reste_a_payer),
                    STATUTS_ECHEANCE[e.statut],
                ]
            )
        elements.append(_tableau(lignes, [38 * mm, 21 * mm, 21 * mm, 26 * mm, 26 * mm, 26 * mm, 22 * mm]))
        lignes = [["Date", "Référence", "Type", "Montant", "Statut"]]
        for p in paiements.get(contrat.souscription_id, []):
            lignes.append(
                [
                    jour(p.date_confirmation or p.date_initiation),
                    p.reference,
                    TYPES_PAIEMENT.get(p.type_paiement, p.type_paiement),
                    fcfa(p.montant),
                    STATUTS_PAIEMENT[p.statut],
                ]
            )
        elements += [
            Spacer(1, 2 * mm),
            KeepTogether(
                [
                    Paragraph("Paiements", TEXTE),
                    Spacer(1, 1 * mm),
                    _tableau(lignes, [25 * mm, 55 * mm, 40 * mm, 32 * mm, 28 * mm]),
                ]
            ),
        ]

    elements += [
        Spacer(1, 8 * mm),
        Paragraph(
            "Solde = total payé − total dû à ce jour. Un solde négatif indique un retard de paiement. "
            "NSIA Assurances Congo, Brazzaville.",
            TEXTE,
        ),
    ]
    document.build(elements)
    return tampon.getvalue()


def recu_pdf(
    *, paiement: Paiement, numero_police: str | None, client: str | None = None, encaisse_par: str | None = None
) -> bytes:
    """A short receipt for an 80 mm receipt printer (kiosk, or the agency's counter for cash)."""
    largeur = 80 * mm
    lignes = [("Client", client)] if client else []
    lignes += [
        ("Référence", paiement.reference),
        ("Contrat", numero_police or paiement.souscription.numero_souscription),
        ("Type", TYPES_PAIEMENT.get(paiement.type_paiement, paiement.type_paiement)),
        ("Montant", fcfa(paiement.montant)),
        ("Statut", STATUTS_PAIEMENT[paiement.statut]),
        ("Date", moment(paiement.date_confirmation or paiement.date_initiation)),
        (
            "Opérateur",
            "MTN Mobile Money" if paiement.mode_paiement == "mtn_momo" else paiement.get_mode_paiement_display(),
        ),
        ("Transaction", paiement.reference_operateur or "—"),
    ]
    if paiement.motif_echec:
        lignes.append(("Motif", paiement.motif_echec))
    if encaisse_par:
        lignes.append(("Reçu par", encaisse_par))
    style = ParagraphStyle("recu", parent=TEXTE, fontSize=8.5, leading=10.5)
    tampon = BytesIO()
    hauteur = (40 + 9 * len(lignes)) * mm
    document = SimpleDocTemplate(
        tampon,
        pagesize=(largeur, hauteur),
        leftMargin=4 * mm,
        rightMargin=4 * mm,
        topMargin=4 * mm,
        bottomMargin=4 * mm,
        title="Reçu NSIA PASS",
    )
    table = Table(
        [[Paragraph(_t(k), style), Paragraph(f"<b>{_t(v)}</b>", style)] for k, v in lignes],
        colWidths=[22 * mm, 50 * mm],
    )
    table.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#D0D7E2"))]
        )
    )
    document.build(
        [
            Paragraph("NSIA Assurances Congo", ParagraphStyle("t", parent=TITRE, fontSize=12)),
            Paragraph("Reçu de paiement PASS", style),
            Spacer(1, 2 * mm),
            table,
            Spacer(1, 3 * mm),
            Paragraph("Merci de votre confiance.", style),
        ]
    )
    return tampon.getvalue()
