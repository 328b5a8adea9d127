export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'panel-theme';

/**
 * Applies the stored choice, or the system preference, and follows system changes while the choice
 * is "system". Self-contained (it runs as the inline boot script's source, see below).
 */
export function bootTheme(storageKey: string): void {
  try {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const choice = localStorage.getItem(storageKey) || 'system';
      const dark = choice === 'dark' || (choice === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    window.__applyTheme = apply;
  } catch {
    // No storage (private mode, blocked): the light default stays.
  }
}

/**
 * Runs inline in <head> before first paint (no flash of the wrong theme), with the request's CSP
 * nonce: the same function, as source text.
 */
export const THEME_BOOT_SCRIPT = `(${bootTheme.toString()})(${JSON.stringify(THEME_STORAGE_KEY)});`;
