'use strict';
/**
 * Shared pieces of the end-to-end scenarios: Debian's Chromium driven by playwright-core,
 * the kiosk opened from the live API at ${E2E_BASE_URL}/borne/ with short inactivity delays.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
/** Long enough for a flow with axe checks; the inactivity scenario asks for 5 s. */
const URL_BORNE = `${BASE_URL}/borne/?inactivite=120&compte_a_rebours=3`;
const DOSSIER_CAPTURES = path.join(__dirname, 'screenshots');

/** A payment waits at most 120 s on screen; the scenarios allow a little more. */
const DELAI_PAIEMENT_MS = 130_000;

/** Both orientations of the kiosk's 1080p screen. */
const FORMATS = [
  { nom: 'portrait', viewport: { width: 1080, height: 1920 } },
  { nom: 'paysage', viewport: { width: 1920, height: 1080 } },
];

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function lancer(viewport = FORMATS[0].viewport) {
  const navigateur = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // scripts/test.sh serves the kiosk through nginx with a throwaway self-signed certificate.
      ...(process.env.E2E_IGNORER_CERTIFICAT ? ['--ignore-certificate-errors'] : []),
    ],
  });
  const contexte = await navigateur.newContext({ viewport, locale: 'fr-FR', hasTouch: true });
  const page = await contexte.newPage();
  page.setDefaultTimeout(15_000);
  const erreurs = [];
  page.on('pageerror', (e) => erreurs.push(e.message));
  return { navigateur, page, erreurs };
}

async function ouvrir(page, url = URL_BORNE) {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' }).waitFor();
}

/**
 * Every screen: a screenshot (named after the orientation) and axe-core injected into the page,
 * 0 violations; plus what axe does not check: field and key borders at 3:1 against their
 * background (WCAG 1.4.11).
 */
async function capture(page, nom) {
  fs.mkdirSync(DOSSIER_CAPTURES, { recursive: true });
  await page.waitForTimeout(250);
  const largeur = page.viewportSize().width;
  await page.screenshot({ path: path.join(DOSSIER_CAPTURES, `${largeur > 1500 ? 'paysage' : 'portrait'}-${nom}.png`) });
  await verifierAccessibilite(page, nom);
}

async function verifierAccessibilite(page, nom) {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  const bordures = await page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 4).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const fond = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c;
      }
      return [255, 255, 255];
    };
    const faibles = [];
    for (const el of document.querySelectorAll('.champ__valeur, .clavier__touche:not(:disabled)')) {
      const st = getComputedStyle(el);
      if (parseFloat(st.borderTopWidth) === 0) continue;
      const [a, b] = [lum(rgb(st.borderTopColor)), lum(fond(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 3) faibles.push(`${el.className} ${ratio.toFixed(2)}:1`);
    }
    return faibles;
  });
  if (violations.length || bordures.length) {
    throw new Error(`accessibilité de « ${nom} » : ${[...violations, ...bordures].join(' | ')}`);
  }
}

/** Counts the person's taps (decisions) so a flow can be held to a maximum. */
function compteur() {
  const c = {
    n: 0,
    async toucher(locator) {
      c.n += 1;
      await locator.click();
    },
  };
  return c;
}

/** Types on the on-screen keypad (keys carry data-testid="touche-<c>"). */
async function taper(page, texte) {
  for (const c of texte) await page.getByTestId(`touche-${c}`).click();
}

async function effacerChamp(page, champ) {
  await page.getByTestId(champ).click();
  const effacer = page.getByTestId('touche-effacer');
  for (let i = 0; i < 20; i++) await effacer.click();
}

/**
 * From Accueil: choose, type the police (after the fixed "CG-") and the 9 digits, Valider.
 * `police` like "CG-2024-VIE-001", `telephone` like "061234567".
 */
async function seConnecter(page, police, telephone, choix = /Consulter mon compte/, taps = compteur()) {
  await taps.toucher(page.getByRole('button', { name: choix }));
  await taperPolice(page, police);
  await page.getByTestId('suivant-telephone').click();
  await taper(page, telephone);
  await taps.toucher(page.getByRole('button', { name: 'Valider' }));
}

/** "CG-2024-VIE-001": the year, the product, the digits (the kiosk writes CG- and the dashes). */
async function taperPolice(page, police) {
  const [, annee, categorie, numero] = police.split('-');
  await page.getByTestId(`annee-${annee}`).click();
  await page.getByTestId(`categorie-${categorie}`).click();
  await taper(page, numero);
}

/** No-break spaces → spaces, so amounts compare as "5 000 FCFA". */
const espaces = (t) => String(t ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * The local simulators where proof codes arrive (scripts/run.sh, scripts/test.sh): WhatsApp for
 * the numbers "on WhatsApp" there (the demo client), the SMS centre for the others.
 */
const SIMULATEURS = [
  (process.env.E2E_WHATSAPP_URL || 'http://127.0.0.1:8096').replace(/\/+$/, ''),
  (process.env.E2E_SMSC_URL || 'http://127.0.0.1:8097').replace(/\/+$/, ''),
];

/** The last code each simulator holds for this telephone ("url id"), to tell a new one. */
async function codesRecus(telephone) {
  const recus = [];
  for (const url of SIMULATEURS) {
    const r = await fetch(`${url}/code?telephone=${encodeURIComponent(telephone)}`);
    if (r.ok) {
      const { id, code } = await r.json();
      recus.push({ cle: `${url} ${id}`, code });
    }
  }
  return recus;
}

/** Waits (15 s at most) for a code that was not there in `avant`, as the person reads their phone. */
async function nouveauCode(telephone, avant) {
  const connus = new Set(avant.map((c) => c.cle));
  for (let i = 0; i < 60; i++) {
    const nouveau = (await codesRecus(telephone)).find((c) => !connus.has(c.cle));
    if (nouveau) return nouveau.code;
    await new Promise((fin) => setTimeout(fin, 250));
  }
  throw new Error(`aucun nouveau code pour ${telephone} sur ${SIMULATEURS.join(', ')}`);
}

/** A fresh MTN Congo number (06 + 7 digits) for a new subscriber. */
function numeroAleatoire() {
  return `06${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

module.exports = {
  BASE_URL,
  URL_BORNE,
  DELAI_PAIEMENT_MS,
  FORMATS,
  lancer,
  ouvrir,
  capture,
  compteur,
  taper,
  taperPolice,
  effacerChamp,
  seConnecter,
  espaces,
  numeroAleatoire,
  codesRecus,
  nouveauCode,
};
