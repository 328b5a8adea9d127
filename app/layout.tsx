import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_BOOT_SCRIPT } from '@/components/layout/theme';
import { ThemeSync } from '@/components/layout/theme-sync';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Gandi Hosting panel', template: '%s · Gandi Hosting panel' },
  description: 'Servers, images and operations of a Gandi Hosting account.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts makes a nonce per request and allows only scripts carrying it (Next's carry it too).
  // Reading it makes every page dynamic, as a per-request nonce must be.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets data-theme before hydration; React must not complain about it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans">
        {children}
        <ThemeSync />
      </body>
    </html>
  );
}
