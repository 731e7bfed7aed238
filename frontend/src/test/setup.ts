import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The machine running the suite may be busy (a Maven build beside it): give async queries room.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
