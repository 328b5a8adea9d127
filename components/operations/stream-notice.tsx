import type { StreamStatus } from './use-operation-stream';

/** Why live updates stopped: paused (the browser reconnects) or refused (the server's limits). */
export function StreamNotice({
  status,
  problem,
  className,
}: {
  status: StreamStatus;
  problem: string | null;
  className: string;
}) {
  if (status === 'refused')
    return (
      <p
        role="alert"
        data-testid="stream-refused"
        className={`${className} text-xs text-red-800 dark:text-red-300`}
      >
        Live updates refused: {problem}
      </p>
    );
  if (status !== 'paused') return null;
  return (
    <p role="status" className={`${className} text-xs text-amber-800 dark:text-amber-300`}>
      Live updates paused{problem ? `: ${problem}` : ''} — reconnecting…
    </p>
  );
}
