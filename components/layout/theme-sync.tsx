'use client';

import { useEffect } from 'react';
import { bootTheme, THEME_STORAGE_KEY } from './theme';

declare global {
  interface Window {
    __applyTheme?: () => void;
  }
}

/**
 * The boot script (theme.ts) sets `data-theme` before the first paint. When the browser renders the
 * document itself (a not-found page reached on the client), that inline script never runs and the
 * attribute is missing; running the same script here then keeps the theme on every page.
 */
export function ThemeSync() {
  useEffect(() => {
    if (window.__applyTheme) window.__applyTheme();
    // The boot script's own function (no eval: the CSP allows none).
    else bootTheme(THEME_STORAGE_KEY);
  });
  return null;
}
