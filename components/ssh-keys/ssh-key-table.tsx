import { DeleteSshKeyButton } from './delete-ssh-key-button';

export interface SshKeyRow {
  id: number;
  name: string;
  fingerprint: string;
}

/** One page of keys, sorted by name by the API. */
export function SshKeyTable({ keys }: { keys: SshKeyRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">SSH keys</caption>
        <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              MD5 fingerprint
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.map((key) => (
            <tr key={key.id} className="align-top">
              <th scope="row" className="px-4 py-3 text-left font-medium break-all">
                {key.name}
              </th>
              <td className="px-4 py-3 font-mono text-xs break-all">{key.fingerprint}</td>
              <td className="px-4 py-3 text-right">
                <DeleteSshKeyButton keyId={key.id} name={key.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
