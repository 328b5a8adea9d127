import { clientAddressOf } from '@/lib/request-address';
import { answerCall, type GatewayDeps } from './gateway-call';

/** Requests larger than this are refused with 413 before being parsed (as the simulator does). */
export const MAX_BODY_BYTES = 1024 * 1024;

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });
}

export const methodNotAllowed = (): Response => text(405, 'Method Not Allowed', { Allow: 'POST' });
export const payloadTooLarge = (): Response =>
  text(413, 'Payload Too Large', { Connection: 'close' });

/** The body, or null once it passes `max` bytes (counted as it streams: a lying length is caught). */
export async function readCappedBody(
  request: Request,
  max = MAX_BODY_BYTES,
): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

export function xmlResponse(xml: string): Response {
  return new Response(xml, { status: 200, headers: { 'Content-Type': 'text/xml' } });
}

/** One POST to the endpoint: the body capped, the caller's address, the answer as XML. */
export async function handleXmlRpcRequest(request: Request, deps: GatewayDeps): Promise<Response> {
  const body = await readCappedBody(request);
  if (body === null) return payloadTooLarge();
  const address = clientAddressOf(request.headers);
  return xmlResponse(await answerCall(deps, body, address === 'unknown' ? null : address));
}
