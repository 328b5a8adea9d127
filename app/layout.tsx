import type { Metadata, Viewport } from 'next';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before hydration; React must not complain about it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans">
        {children}
        <ThemeSync />
      </body>
    </html>
  );
}
