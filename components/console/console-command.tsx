'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** The SSH command, selectable as text, with a copy button (the clipboard may be refused). */
export function ConsoleCommand({ command }: { command: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded-md bg-zinc-900 px-3 py-2 font-mono text-sm break-all text-zinc-50 select-all dark:bg-zinc-950">
          {command}
        </code>
        <Button variant="secondary" size="sm" onClick={copy}>
          Copy
        </Button>
      </div>
      <p role="status" className="min-h-5 text-xs text-zinc-600 dark:text-zinc-400">
        {copied === 'yes' ? 'Copied to the clipboard.' : null}
        {copied === 'failed' ? 'The browser refused the clipboard: select the text instead.' : null}
      </p>
    </div>
  );
}
