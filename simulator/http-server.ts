import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlError, type SimControl } from './control';
import { dispatch } from './dispatch';
import { encodeFault, encodeResponse } from './xmlrpc/encode';
import { decodeBody } from './xmlrpc/body-encoding';
import { MalformedRequest, parseMethodCall } from './xmlrpc/decode';

/** Requests larger than this are refused with 413 before being parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

const XMLRPC_PATHS = new Set(['/xmlrpc/', '/xmlrpc', '/']);

export interface ServerHooks {
  sim: () => import('./state/sim').Sim;
  control: SimControl;
  /** Called after every request that may have changed state, before the answer is sent. */
  persist: () => void;
}

export function isLoopback(address: string | undefined): boolean {
  return (
    !!address &&
    (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'))
  );
}

export function createRequestHandler(hooks: ServerHooks) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const pathname = url.split('?', 1)[0] ?? '/';
    if (pathname.startsWith('/_sim/')) {
      handleControl(hooks, req, res, pathname);
      return;
    }
    if (!XMLRPC_PATHS.has(pathname)) {
      sendText(res, 404, 'Not Found');
      req.resume();
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendText(res, 405, 'Method Not Allowed');
      req.resume();
      return;
    }
    readBody(req, res, (body) => {
      let call: ReturnType<typeof parseMethodCall>;
      try {
        call = parseMethodCall(decodeBody(body));
      } catch (error) {
        if (!(error instanceof MalformedRequest)) throw error;
        // The XML-RPC interop convention for unparsable requests.
        sendXml(res, encodeFault(-32700, `parse error. not well formed: ${error.message}`));
        return;
      }
      const parsed = call;
      const answer = () => sendXml(res, answerCall(hooks, parsed, req.socket.remoteAddress ?? ''));
      const wait = hooks.sim().takeSlowCall(parsed.params[0], parsed.methodName);
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  };
}

/** Runs one parsed call against the current state; the XML answer (a result or a fault). */
function answerCall(
  hooks: ServerHooks,
  call: ReturnType<typeof parseMethodCall>,
  remoteAddress: string,
): string {
  const result = dispatch(hooks.sim(), call.methodName, call.params, remoteAddress);
  hooks.persist();
  return result.ok
    ? encodeResponse(result.value)
    : encodeFault(result.fault.faultCode, result.fault.faultString);
}

function sendXml(res: ServerResponse, xml: string): void {
  const bytes = Buffer.from(xml, 'utf8');
  res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': bytes.length });
  res.end(bytes);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Collects the body up to MAX_BODY_BYTES; answers 413 (and drops the connection) past it. */
function readBody(req: IncomingMessage, res: ServerResponse, done: (body: Buffer) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    res.setHeader('Connection', 'close');
    sendText(res, 413, 'Payload Too Large');
    req.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      refused = true;
      res.setHeader('Connection', 'close');
      sendText(res, 413, 'Payload Too Large');
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    try {
      done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    } catch (error) {
      console.error('simulator: request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
    }
  });
  req.on('error', () => undefined);
}

function handleControl(
  hooks: ServerHooks,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): void {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: 'control endpoints are loopback-only' });
    req.resume();
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, { error: 'POST only' });
    req.resume();
    return;
  }
  readBody(req, res, (body) => {
    let input: Record<string, unknown> = {};
    try {
      const text = body.toString('utf8').trim();
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      input = parsed as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { error: 'body must be a JSON object' });
      return;
    }
    const { control } = hooks;
    try {
      let result: unknown;
      switch (pathname) {
        case '/_sim/reset':
          control.reset();
          result = { ok: true };
          break;
        case '/_sim/accounts':
          result = control.createAccount({
            credits: input.credits as number | undefined,
            catalog: input.catalog as boolean | undefined,
          });
          break;
        case '/_sim/vms':
          result = control.createVms({
            apiKey: input.apiKey as string,
            count: input.count as number,
            datacenterId: input.datacenterId as number | undefined,
          });
          break;
        case '/_sim/fail':
          result = control.failNext({
            apiKey: input.apiKey as string,
            type: input.type as string,
            count: input.count as number | undefined,
          });
          break;
        case '/_sim/calls':
          result = control.calls({ apiKey: input.apiKey as string });
          break;
        case '/_sim/slow':
          result = control.slow({
            apiKey: input.apiKey as string,
            method: input.method as string,
            ms: input.ms as number,
            count: input.count as number | undefined,
          });
          break;
        default:
          sendJson(res, 404, { error: 'unknown control endpoint' });
          return;
      }
      hooks.persist();
      sendJson(res, 200, result);
    } catch (error) {
      if (error instanceof ControlError) sendJson(res, 400, { error: error.message });
      else throw error;
    }
  });
}
