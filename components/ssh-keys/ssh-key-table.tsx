import { ListTable, type ListColumn } from '@/components/ui/table';
import { DeleteSshKeyButton } from './delete-ssh-key-button';

export interface SshKeyRow {
  id: number;
  name: string;
  fingerprint: string;
}

const COLUMNS: ListColumn[] = [
  { label: 'Name' },
  { label: 'MD5 fingerprint' },
  { label: 'Actions', hidden: true },
];

/** One page of keys, sorted by name by the API. */
export function SshKeyTable({ keys }: { keys: SshKeyRow[] }) {
  return (
    <ListTable caption="SSH keys" columns={COLUMNS}>
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
    </ListTable>
  );
}
