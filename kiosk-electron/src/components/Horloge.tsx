import { useEffect, useState } from 'react';
import { formatHeure, formatJourLong } from '../utils/format';

export function Horloge() {
  const [maintenant, setMaintenant] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setMaintenant(new Date()), 15000);
    return () => clearInterval(id);
  }, []);
  return (
    <div className="horloge" aria-label="Date et heure">
      <span className="horloge__heure">{formatHeure(maintenant)}</span>
      <span className="horloge__jour">{formatJourLong(maintenant)}</span>
    </div>
  );
}
