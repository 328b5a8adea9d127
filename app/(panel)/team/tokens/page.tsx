import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/team/create-token-form';
import { RevokeTokenButton } from '@/components/team/revoke-token-button';
import { PageHeader } from '@/components/ui/page-header';
import { requireTeamPermission } from '@/lib/team/page-access';
import { decide } from '@/lib/team/roles';
import { getTeamStore } from '@/lib/team/runtime';
import { TokenStore, type TokenSummary } from '@/lib/team/tokens/token-store';

export const metadata: Metadata = { title: 'Access tokens' };

function when(iso: string | null, none: string) {
  return iso ? <time dateTime={iso}>{iso.slice(0, 16).replace('T', ' ')} UTC</time> : none;
}

function TokenTable({
  tokens,
  scope,
  showMember,
}: {
  tokens: TokenSummary[];
  scope: 'own' | 'any';
  showMember: boolean;
}) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">
            Name
          </th>
          {showMember ? (
            <th scope="col" className="py-2 pr-4 font-medium">
              Member
            </th>
          ) : null}
          <th scope="col" className="py-2 pr-4 font-medium">
            Created
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Expires
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Last used
          </th>
          <th scope="col" className="py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} className="border-b border-zinc-100 dark:border-zinc-800">
            <td className="py-2 pr-4">{token.name}</td>
            {showMember ? <td className="py-2 pr-4">{token.memberEmail}</td> : null}
            <td className="py-2 pr-4">{when(token.createdAt, '')}</td>
            <td className="py-2 pr-4">{when(token.expiresAt, 'never')}</td>
            <td className="py-2 pr-4">{when(token.lastUsedAt, 'never')}</td>
            <td className="py-2">
              <RevokeTokenButton
                tokenId={token.id}
                scope={scope}
                label={showMember ? `${token.name} of ${token.memberEmail}` : token.name}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A member's profile of tools: their personal access tokens for the XML-RPC endpoint. */
export default async function TokensPage() {
  const { principal } = await requireTeamPermission('token.read');
  const tokens = new TokenStore((await getTeamStore()).db);
  const mine = await tokens.list(principal.workspaceId, principal.memberId);
  const manages = decide(principal.role, 'token.manage') === 'allow';
  const others = manages
    ? (await tokens.list(principal.workspaceId)).filter((t) => t.memberId !== principal.memberId)
    : [];
  return (
    <>
      <PageHeader
        title="Access tokens"
        description="Point gandi.cli and your scripts at this portal’s /xmlrpc/ address with a token as the API key: they act with your role, quotas and ownership."
      />
      <section aria-labelledby="new-token-heading" className="mb-8">
        <h2 id="new-token-heading" className="mb-3 text-lg font-semibold">
          New token
        </h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="my-tokens-heading" className="mb-8">
        <h2 id="my-tokens-heading" className="mb-3 text-lg font-semibold">
          Your tokens
        </h2>
        <TokenTable tokens={mine} scope="own" showMember={false} />
      </section>
      {manages ? (
        <section aria-labelledby="all-tokens-heading">
          <h2 id="all-tokens-heading" className="mb-3 text-lg font-semibold">
            Other members’ tokens
          </h2>
          <TokenTable tokens={others} scope="any" showMember />
        </section>
      ) : null}
    </>
  );
}
