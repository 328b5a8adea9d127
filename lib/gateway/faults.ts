import { DATA_CAUSES, DATA_OBJECTS } from '@/lib/gandi/fault-codes';

/** A fault as it goes on the wire. */
export interface WireFault {
  faultCode: number;
  faultString: string;
}

function codeOf(table: ReadonlyMap<number, string>, name: string): number {
  for (const [code, entry] of table) if (entry === name) return code;
  throw new Error(`unknown fault name ${name}`);
}

/**
 * A Gandi-style data fault built from names, so the code and the text always agree:
 * `5` · object (3 digits) · cause (2 digits), `Error on object : OBJECT_X (CAUSE_Y) [reason]`.
 */
export function dataFault(objectName: string, causeName: string, reason: string): WireFault {
  const object = codeOf(DATA_OBJECTS, objectName);
  const cause = codeOf(DATA_CAUSES, causeName);
  return {
    faultCode: 500000 + object * 100 + cause,
    faultString: `Error on object : ${objectName} (${causeName}) [${reason}]`,
  };
}

/** What Gandi answers for an unknown, expired or revoked key: tools already print it. */
export const INVALID_TOKEN = dataFault('OBJECT_ACCOUNT', 'CAUSE_NORIGHT', 'Invalid API key');

/** The XML-RPC interop codes for requests that are not a method call (as the simulator answers). */
export function parseFault(detail: string): WireFault {
  return { faultCode: -32700, faultString: `parse error. not well formed: ${detail}` };
}

export function unsupportedMethod(method: string): WireFault {
  return { faultCode: 1, faultString: `Method "${method}" is not supported` };
}

export function tooManyRequests(retryAfterMs: number): WireFault {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return dataFault('OBJECT_ACCOUNT', 'CAUSE_TOOMANY', `Too many requests: retry in ${seconds} s`);
}

/** The upstream could not be asked or answered badly: a server-side fault (qualification 1). */
export function upstreamUnavailable(reason: string): WireFault {
  return {
    faultCode: 160005,
    faultString: `Error on object : OBJECT_SERVICE (CAUSE_UNAVAILABLE) [${reason}]`,
  };
}
