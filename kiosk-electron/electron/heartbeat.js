'use strict';
/** Tells the API every few minutes that this borne is alive (POST /api/v1/borne/heartbeat/). */

const INTERVALLE_MS = 5 * 60 * 1000;

/** `statut()` tells the truth: "ok", "rechargement" or "hors_service" (the window's state). */
function demarrerPouls({
  fetchFn,
  apiOrigin,
  borneId,
  borneKey,
  version,
  statut = () => 'ok',
  intervalleMs = INTERVALLE_MS,
  planifier = setInterval,
  journal = console,
}) {
  const envoyer = async () => {
    try {
      const r = await fetchFn(`${apiOrigin}/api/v1/borne/heartbeat/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Borne-Id': borneId, 'X-Borne-Key': borneKey },
        body: JSON.stringify({ version, statut: statut() }),
      });
      if (!r.ok) journal.warn(`borne: signal de vie refusé (HTTP ${r.status})`);
      return r.ok;
    } catch (e) {
      journal.warn(`borne: signal de vie impossible (${e && e.message})`);
      return false;
    }
  };
  const premier = envoyer();
  const minuteur = planifier(envoyer, intervalleMs);
  minuteur?.unref?.();
  return { premier, minuteur, envoyer };
}

module.exports = { demarrerPouls, INTERVALLE_MS };
