// Screenshots of the agents' workspace (see captures_admin.sh). Signs in by posting the login form.
const { chromium } = require("playwright-core");

const BASE = process.env.BASE_URL;
const DOSSIER = "docs/captures";

(async () => {
  const navigateur = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox"] });
  const page = await navigateur.newPage({ viewport: { width: 1400, height: 1000 }, locale: "fr-FR" });
  await page.goto(`${BASE}/admin/login/`);
  await page.fill("#id_username", "agt001");
  await page.fill("#id_password", process.env.DEMO_AGENT_PASSWORD || "agent-demo-2024");
  await Promise.all([page.waitForNavigation(), page.click("input[type=submit]")]);

  await page.screenshot({ path: `${DOSSIER}/admin-aujourdhui.png`, fullPage: true });

  await page.goto(`${BASE}/admin/recherche/?q=Jean+Kongo`);
  await page.screenshot({ path: `${DOSSIER}/admin-fiche-client.png`, fullPage: true });

  await page.goto(`${BASE}/admin/souscriptions/souscriptionsanspolice/`);
  await page.check("#action-toggle");
  await page.selectOption("select[name=action]", "attribuer_en_serie");
  await Promise.all([page.waitForNavigation(), page.click("button[name=index]")]);
  await page.screenshot({ path: `${DOSSIER}/admin-attribution-serie.png`, fullPage: true });

  const premiere = await page.locator("input[name=_selected_action]").first().getAttribute("value");
  await page.goto(`${BASE}/admin/souscriptions/souscriptionsanspolice/${premiere}/attribuer/`);
  await page.screenshot({ path: `${DOSSIER}/admin-attribution-une.png`, fullPage: true });
  await navigateur.close();
})();
