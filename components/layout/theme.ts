export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'panel-theme';

/**
 * Runs inline in <head> before first paint (no flash of the wrong theme): applies the stored choice,
 * or the system preference, and follows system changes while the choice is "system".
 */
export const THEME_BOOT_SCRIPT = `(function(){try{var k='${THEME_STORAGE_KEY}';var m=window.matchMedia('(prefers-color-scheme: dark)');var apply=function(){var c=localStorage.getItem(k)||'system';var dark=c==='dark'||(c==='system'&&m.matches);document.documentElement.dataset.theme=dark?'dark':'light';};apply();m.addEventListener('change',apply);window.__applyTheme=apply;}catch(e){}})();`;
