'use client';

import { useEffect } from 'react';

declare global {
  interface Window {
    __applyTheme?: () => void;
  }
}

/**
 * The boot script (theme.ts) sets `data-theme` before the first paint; when React renders the
 * document again on the client (a not-found or an error recovered in the browser), the attribute
 * it does not know about is dropped. Applying the stored choice once more after that keeps the
 * theme on every page.
 */
export function ThemeSync() {
  useEffect(() => {
    window.__applyTheme?.();
  });
  return null;
}
