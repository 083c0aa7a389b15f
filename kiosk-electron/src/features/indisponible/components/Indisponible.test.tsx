import { act, render, screen } from '@testing-library/react';
import type { ApiClient } from '../../../lib/api';
import { NetworkError } from '../../../lib/api';
import { Indisponible } from './Indisponible';

async function avancer(secondes: number) {
  for (let i = 0; i < secondes; i++) {
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
  }
}

describe('Indisponible', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('tries again every 5 s, keeps counting after a failed try, and resumes once the API answers', async () => {
    const request = vi.fn().mockRejectedValueOnce(new NetworkError()).mockResolvedValueOnce([]);
    const onRetabli = vi.fn();
    render(<Indisponible api={{ request } as unknown as ApiClient} onRetabli={onRetabli} />);
    expect(screen.getByText('Nouvelle tentative dans 5 s')).toBeInTheDocument();
    await avancer(4);
    expect(request).not.toHaveBeenCalled();
    await avancer(1);
    expect(request).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Nouvelle tentative dans 5 s')).toBeInTheDocument();
    expect(onRetabli).not.toHaveBeenCalled();
    await avancer(5);
    expect(request).toHaveBeenCalledTimes(2);
    await act(async () => {});
    expect(onRetabli).toHaveBeenCalledTimes(1);
  });
});
