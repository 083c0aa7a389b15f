const MOIS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];
const JOURS = ['L', 'M', 'M', 'J', 'V', 'S', 'D'];

const iso = (a: number, m: number, j: number) => `${a}-${String(m + 1).padStart(2, '0')}-${String(j).padStart(2, '0')}`;

interface Props {
  /** ISO dates: the first and last day that can be chosen. */
  min: string;
  max: string;
  valeur: string | null;
  onChange: (iso: string) => void;
  /** The month shown: [year, month 0–11]. */
  mois: [number, number];
  onMois: (m: [number, number]) => void;
}

/** A month of large day keys; days outside [min, max] cannot be chosen. */
export function Calendrier({ min, max, valeur, onChange, mois, onMois }: Props) {
  const [annee, m] = mois;
  const premier = (new Date(annee, m, 1).getDay() + 6) % 7; // Monday first
  const nbJours = new Date(annee, m + 1, 0).getDate();
  const cases: (number | null)[] = [...Array(premier).fill(null), ...Array.from({ length: nbJours }, (_, i) => i + 1)];
  const precedent: [number, number] = m === 0 ? [annee - 1, 11] : [annee, m - 1];
  const suivant: [number, number] = m === 11 ? [annee + 1, 0] : [annee, m + 1];
  const peutReculer = iso(precedent[0], precedent[1], new Date(precedent[0], precedent[1] + 1, 0).getDate()) >= min;
  const peutAvancer = iso(suivant[0], suivant[1], 1) <= max;
  return (
    <div className="calendrier" role="group" aria-label="Date du sinistre">
      <div className="calendrier__entete">
        <button type="button" className="bouton bouton--secondaire" onClick={() => onMois(precedent)} disabled={!peutReculer} aria-label="Mois précédent">
          <span aria-hidden="true">◀</span>
        </button>
        <span className="calendrier__mois">
          {MOIS[m]} {annee}
        </span>
        <button type="button" className="bouton bouton--secondaire" onClick={() => onMois(suivant)} disabled={!peutAvancer} aria-label="Mois suivant">
          <span aria-hidden="true">▶</span>
        </button>
      </div>
      <div className="calendrier__grille">
        {JOURS.map((j, i) => (
          <span key={`t${i}`} className="calendrier__jour-semaine" aria-hidden="true">
            {j}
          </span>
        ))}
        {cases.map((j, i) => {
          if (j === null) return <span key={i} />;
          const d = iso(annee, m, j);
          const possible = d >= min && d <= max;
          return (
            <button
              type="button"
              key={i}
              className={`clavier__touche calendrier__case${valeur === d ? ' calendrier__case--choisie' : ''}`}
              onClick={() => onChange(d)}
              disabled={!possible}
              aria-pressed={valeur === d}
              aria-label={`${j} ${MOIS[m]} ${annee}`}
              data-testid={`jour-${d}`}
            >
              {j}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function moisDe(isoDate: string): [number, number] {
  return [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1];
}

export function aujourdhuiIso(d: Date = new Date()): string {
  return iso(d.getFullYear(), d.getMonth(), d.getDate());
}
