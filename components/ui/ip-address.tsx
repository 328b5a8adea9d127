import { cn } from './cn';

/** An IP address on one line: an address broken over two lines reads as two (or as nonsense). */
export function IpAddress({ ip, className }: { ip: string; className?: string }) {
  return <span className={cn('font-mono text-xs whitespace-nowrap', className)}>{ip}</span>;
}
