import xmlrpc from 'xmlrpc';
import { encodeValue } from '../xmlrpc/encode';
import type { XmlValue } from '../xmlrpc/values';

/** Test helpers: calls over real HTTP with the `xmlrpc` package's client, and raw-XML calls. */

export interface Fault {
  faultCode: number;
  faultString: string;
}

export function client(url: string) {
  const c = xmlrpc.createClient({ url });
  const call = (method: string, ...params: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      c.methodCall(method, params, (error: unknown, value: unknown) =>
        error ? reject(error) : resolve(value),
      );
    });
  /** Resolves with the fault a call answers (rejects if it succeeds). */
  const fault = async (method: string, ...params: unknown[]): Promise<Fault> => {
    try {
      await call(method, ...params);
    } catch (error) {
      const e = error as Partial<Fault>;
      if (typeof e.faultCode === 'number')
        return { faultCode: e.faultCode, faultString: e.faultString ?? '' };
      throw error;
    }
    throw new Error(`${method} did not fault`);
  };
  return { call, fault };
}

/** The request Python's `xmlrpc.client.dumps(params, method)` would send. */
export function methodCallXml(method: string, params: XmlValue[]): string {
  let xml = `<?xml version='1.0'?>\n<methodCall>\n<methodName>${method}</methodName>\n<params>\n`;
  for (const p of params) xml += '<param>\n' + encodeValue(p) + '</param>\n';
  return xml + '</params>\n</methodCall>\n';
}

export async function rawCall(url: string, method: string, params: XmlValue[]): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml' },
    body: methodCallXml(method, params),
  });
  return res.text();
}
