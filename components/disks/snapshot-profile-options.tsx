import type { SnapshotProfile } from '@/lib/gandi/types';

/** "daily ×7" — what a profile keeps. */
export function describeProfile(profile: SnapshotProfile): string {
  const schedules = profile.schedules.map((s) => `${s.name} ×${s.keptVersion}`).join(', ');
  return `keeps ${profile.keptTotal} snapshots${schedules ? ` (${schedules})` : ''}`;
}

export function profileOptions(profiles: readonly SnapshotProfile[]) {
  return [
    { value: '', label: 'None (no automatic snapshots)' },
    ...profiles.map((profile) => ({ value: String(profile.id), label: profile.name })),
  ];
}

/** The profiles explained under the select (each snapshot uses disk quota). */
export function SnapshotProfileOptions({ profiles }: { profiles: readonly SnapshotProfile[] }) {
  if (profiles.length === 0) return <>No profile is offered.</>;
  return (
    <>
      {profiles.map((profile) => (
        <span key={profile.id} className="block">
          <strong>{profile.name}</strong>: {describeProfile(profile)}, quota ×{profile.quotaFactor}
        </span>
      ))}
    </>
  );
}
