import { decodeFaultCode, type FaultQualification } from './fault-codes';

export type GandiErrorKind = 'fault' | 'network' | 'timeout' | 'http' | 'decode';

export interface GandiErrorInit {
  kind: GandiErrorKind;
  method: string;
  /** The human text; for faults the whole faultString (the bracketed part is extracted). */
  message: string;
  faultCode?: number;
  httpStatus?: number;
  /** Host (and port) of the endpoint, for messages such as "Cannot reach rpc.gandi.net". */
  endpointHost?: string;
  /** The underlying low-level error (socket, parser…); it is copied, redacted, never kept as is. */
  cause?: unknown;
  /** Strings that must never appear in the error (the connection's API key). */
  secrets?: readonly string[];
}

const REDACTED = '[api key]';
/** The API's key-format fault quotes the rejected key: `string '<key>' does not match '^[a-z0-9]{24}$'`. */
const QUOTED_KEY = /string '(?:[^'\\]|\\.)*' does not match '\^\[a-z0-9\]\{24\}\$'/g;
const GANDI_FAULT =
  /^Error on object : (OBJECT_[A-Z0-9_]+) \((CAUSE_[A-Z0-9_]+)\) \[([\s\S]*)\]\s*$/;

/** Replaces every secret (and any key quoted by the key-format fault) in `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  // A function replacement: in a replacement string `$'` would mean "the text after the match".
  let out = text.replace(QUOTED_KEY, () => `string '${REDACTED}' does not match '^[a-z0-9]{24}$'`);
  for (const secret of secrets) {
    // Very short "keys" would shred ordinary words; the quoted-key rule above still covers them.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out;
}

function redactedCause(cause: unknown, secrets: readonly string[]): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  const original = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redact(original.message, secrets));
  copy.name = original.name;
  const code = (original as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  copy.stack = redact(copy.stack ?? '', secrets);
  return copy;
}

/**
 * The one error type of the Gandi client. `kind` says what went wrong; for faults `faultCode` and
 * its decoded names say which object and why. Built so that the API key can never be read from it.
 */
export class GandiError extends Error {
  override readonly name = 'GandiError';
  readonly kind: GandiErrorKind;
  /** The XML-RPC method that failed, e.g. `hosting.vm.info`. */
  readonly method: string;
  readonly faultCode?: number;
  readonly qualification?: FaultQualification;
  /** e.g. `OBJECT_VM` */
  readonly objectName?: string;
  /** e.g. `CAUSE_NOTFOUND` */
  readonly causeName?: string;
  /** The human part: the bracketed text of a Gandi fault, or the whole message otherwise. */
  readonly reason: string;
  /** A fault's whole faultString as the endpoint sent it, secrets redacted. */
  readonly faultString?: string;
  readonly httpStatus?: number;
  readonly endpointHost?: string;

  constructor(init: GandiErrorInit) {
    const secrets = init.secrets ?? [];
    const text = redact(init.message, secrets);
    const parsed = GANDI_FAULT.exec(text);
    const decoded = init.faultCode === undefined ? null : decodeFaultCode(init.faultCode);
    const label = init.faultCode === undefined ? init.kind : `fault ${init.faultCode}`;
    super(`${init.method}: ${label}: ${text}`, { cause: redactedCause(init.cause, secrets) });
    this.kind = init.kind;
    this.method = init.method;
    this.reason = parsed?.[3] ?? text;
    if (init.faultCode !== undefined) {
      this.faultCode = init.faultCode;
      this.faultString = text;
    }
    if (decoded) this.qualification = decoded.qualification;
    const objectName = decoded?.objectName ?? parsed?.[1];
    const causeName = decoded?.causeName ?? parsed?.[2];
    if (objectName) this.objectName = objectName;
    if (causeName) this.causeName = causeName;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.endpointHost !== undefined) this.endpointHost = init.endpointHost;
  }

  /** True for "method X is not supported" (fault 1): the endpoint does not offer that method. */
  get isUnsupportedMethod(): boolean {
    return this.kind === 'fault' && this.faultCode === 1;
  }

  /** Plain data for logs and JSON: no stack, no cause, nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      method: this.method,
      message: this.message,
      reason: this.reason,
      faultCode: this.faultCode,
      qualification: this.qualification,
      objectName: this.objectName,
      causeName: this.causeName,
      httpStatus: this.httpStatus,
    };
  }
}

export function isGandiError(err: unknown): err is GandiError {
  return err instanceof GandiError;
}

/** Codes a person can act on, in plain words (the panel shows these). */
const FAULT_SENTENCES: ReadonlyMap<number, string> = new Map([
  [510150, 'This API key is not valid (revoked or unknown).'],
  [500037, 'This API key is malformed: a Gandi API key is 24 lowercase letters and digits.'],
  [501237, 'This API key is malformed: a Gandi API key is 24 lowercase letters and digits.'],
  [
    530040,
    'This account has no hosting credits yet: buy credits at Gandi before creating or running servers.',
  ],
  [530260, 'The server must be stopped first.'],
  [530439, 'The disk is still attached to a server: detach it first.'],
  [530495, 'A disk cannot be made smaller.'],
  [532751, 'This datacenter no longer accepts new resources.'],
  [530251, 'All the resources must be in the same datacenter.'],
  [530238, 'This hostname is not valid.'],
  [537741, 'A private VLAN with that name already exists.'],
  [531896, 'The IP version does not match.'],
]);

const CAUSE_SENTENCES: ReadonlyMap<string, string> = new Map([
  ['CAUSE_NOTFOUND', 'was not found (it may have been deleted, or belong to another account).'],
  ['CAUSE_NORIGHT', 'is not accessible with this API key.'],
  ['CAUSE_STATE', 'is not in a state that allows this action.'],
  ['CAUSE_ATTACHED', 'is still attached.'],
  ['CAUSE_EXIST', 'already exists.'],
  ['CAUSE_QUOTA_REACHED', 'quota is reached.'],
  ['CAUSE_DATACENTER', 'is in the wrong or a closed datacenter.'],
]);

function objectWord(objectName: string | undefined): string {
  if (!objectName) return 'The object';
  const word = objectName
    .replace(/^OBJECT_/, '')
    .toLowerCase()
    .replace(/_/g, ' ');
  const pretty: Record<string, string> = {
    vm: 'server',
    iface: 'network interface',
    ip: 'IP address',
    vlan: 'VLAN',
  };
  const name = pretty[word] ?? word;
  return `The ${name}`;
}

/**
 * A sentence for a person, for any error the client can throw (and a generic one for anything
 * else). Never contains the API key: built from the already-redacted GandiError fields.
 */
export function userMessage(err: unknown): string {
  if (!(err instanceof GandiError)) return 'Something went wrong while talking to the Gandi API.';
  const host = err.endpointHost ?? 'the API endpoint';
  // The same, at the start of a sentence.
  const Host = err.endpointHost ?? 'The API endpoint';
  switch (err.kind) {
    case 'network':
      if (/cancel/i.test(err.reason)) return 'The request was cancelled.';
      return `Cannot reach ${host}: check the endpoint address and your network.`;
    case 'timeout':
      return `${Host} did not answer in time. The action may still have been carried out: check before retrying.`;
    case 'http': {
      const status = err.httpStatus ?? 0;
      if (status >= 500) return `${Host} had a problem (HTTP ${status}). Try again later.`;
      return `${Host} answered HTTP ${status}: check that the endpoint is an XML-RPC address (…/xmlrpc/).`;
    }
    case 'decode':
      return `${Host} sent an answer that is not a valid XML-RPC response.`;
    case 'fault': {
      if (err.faultCode === 1) return 'This endpoint does not support that operation.';
      const known = err.faultCode === undefined ? undefined : FAULT_SENTENCES.get(err.faultCode);
      if (known) return known;
      const cause = err.causeName ? CAUSE_SENTENCES.get(err.causeName) : undefined;
      if (cause) return `${objectWord(err.objectName)} ${cause}`;
      if (err.qualification === 'server')
        return `Gandi had an internal problem (${err.reason}). Try again later.`;
      return `Gandi refused the request: ${err.reason}`;
    }
  }
}
