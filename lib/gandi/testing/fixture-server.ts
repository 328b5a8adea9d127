/**
 * A real local HTTP server for client tests: answers each POST with what `respond` says (recorded
 * bytes, a status, nothing at all…) and keeps every request body so tests can count and inspect.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Deserializer from 'xmlrpc/lib/deserializer';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const FIXTURES_DIR = path.join(SHARED_DIR, 'fixtures/gandi-xmlrpc');

export type Reply =
  | {
      status?: number;
      statusMessage?: string;
      body: string | Buffer;
      contentType?: string;
      delayMs?: number;
    }
  /** Accept the request and never answer (for timeouts and aborts). */
  | { hang: true }
  /** Drop the connection without any HTTP answer. */
  | { destroy: true };

export interface RecordedRequest {
  method: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FixtureServer {
  url: string;
  requests: RecordedRequest[];
  /** Replace the answering function. */
  respond: (fn: (req: RecordedRequest, index: number) => Reply) => void;
  close: () => Promise<void>;
}

export async function startFixtureServer(
  initial: (req: RecordedRequest, index: number) => Reply = () => ({
    status: 404,
    body: 'no reply configured',
  }),
): Promise<FixtureServer> {
  let answer = initial;
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = answer(recorded, requests.length - 1);
      if ('hang' in reply) {
        hanging.add(res);
        return;
      }
      if ('destroy' in reply) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        if (reply.statusMessage) res.statusMessage = reply.statusMessage;
        res.writeHead(reply.status ?? 200, { 'Content-Type': reply.contentType ?? 'text/xml' });
        res.end(reply.body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xmlrpc/`,
    requests,
    respond: (fn) => {
      answer = fn;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** An XML-RPC fault document, as the API sends them. */
export function faultBody(code: number, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n" +
    `<member>\n<name>faultCode</name>\n<value><int>${code}</int></value>\n</member>\n` +
    `<member>\n<name>faultString</name>\n<value><string>${escaped}</string></value>\n</member>\n` +
    '</struct></value>\n</fault>\n</methodResponse>\n'
  );
}

/** Decodes a recorded request with the `xmlrpc` package (an independent parser). */
export function parseCall(body: string): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodCall(Readable.from([body]), (err, method, params) => {
      if (err) reject(err);
      else resolve({ method, params });
    });
  });
}
