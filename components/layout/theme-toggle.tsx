'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY, type ThemeChoice } from './theme';

const ORDER: ThemeChoice[] = ['system', 'light', 'dark'];
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Cycles system → light → dark; the choice is kept in localStorage and applied by the boot script. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as ThemeChoice);
  const next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length] ?? 'system';
  const cycle = () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, next);
    window.__applyTheme?.();
    listeners.forEach((listener) => listener());
  };
  return (
    <button
      type="button"
      onClick={cycle}
      className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      aria-label={`Theme: ${LABEL[choice]}. Switch to ${LABEL[next]}`}
    >
      Theme: {LABEL[choice]}
    </button>
  );
}
