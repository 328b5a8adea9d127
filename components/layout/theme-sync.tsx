'use client';

import { useEffect } from 'react';
import { THEME_BOOT_SCRIPT } from './theme';

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
    else new Function(THEME_BOOT_SCRIPT)(); // our own constant: the boot script itself
  });
  return null;
}
