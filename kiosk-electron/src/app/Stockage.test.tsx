import { act, fireEvent, screen } from '@testing-library/react';
import { batela, connexionOk, dashboard, detail, fauxReseau, json, kimia, rendreApp, seConnecterUI } from '../test/utils';

/** Nothing about a client is stored on the kiosk: no localStorage, sessionStorage or IndexedDB. */
describe('no storage', () => {
  it('a whole session touches no storage at all', async () => {
    const espions = [
      vi.spyOn(Storage.prototype, 'setItem'),
      vi.spyOn(Storage.prototype, 'getItem'),
      vi.spyOn(Storage.prototype, 'removeItem'),
      vi.spyOn(Storage.prototype, 'clear'),
    ];
    const idb = vi.fn();
    vi.stubGlobal('indexedDB', { open: idb });
    const avantLocal = localStorage.length;
    const avantSession = sessionStorage.length;
    const cookies = document.cookie;

    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /contrats/CG-2024-EPG-001/': detail(batela),
      'GET /contrats/CG-2024-VIE-001/': detail(kimia),
      'POST /auth/logout/': json(null, 204),
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
    await screen.findByText('Garanties');
    fireEvent.click(screen.getByRole('button', { name: /Terminer/ }));
    await act(async () => {});

    for (const e of espions) expect(e).not.toHaveBeenCalled();
    expect(idb).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(avantLocal);
    expect(sessionStorage.length).toBe(avantSession);
    expect(document.cookie).toBe(cookies);
  });
});
