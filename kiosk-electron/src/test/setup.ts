import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy*/waitFor wait up to 1 s by default: a screen that takes several renders (code sent,
// code checked, list reloaded) missed it once on a busy 2-core machine. A screen that never
// shows still fails, after 3 s.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
});
