import { handleXmlRpcRequest, methodNotAllowed } from '@/lib/gateway/http';
import { gatewayDeps } from '@/lib/gateway/runtime';

/**
 * Gandi's XML-RPC API through the portal (`/xmlrpc` and `/xmlrpc/`): a member's tools call it with
 * a personal access token as the API key. No cookie is read: the token is the only credential.
 */
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return handleXmlRpcRequest(request, await gatewayDeps());
}

export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const DELETE = methodNotAllowed;
export const PATCH = methodNotAllowed;
