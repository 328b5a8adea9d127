import { XmlRpcFault } from './xmlrpc/values';

/**
 * Gandi-style faults. Code = qualification (5 = data) · object (3 digits) · cause (2 digits), string
 * `Error on object : OBJECT_X (CAUSE_Y) [reason]` (reference §2). Only the objects and causes the
 * simulator uses are listed; the numbers come from the reference's Appendix A.
 */
const OBJECTS = {
  OBJECT_UNKNOWN: 0,
  OBJECT_INTEGER: 10,
  OBJECT_BOOLEAN: 11,
  OBJECT_STRING: 12,
  OBJECT_DATE: 13,
  OBJECT_LIST: 14,
  OBJECT_STRUCT: 15,
  OBJECT_METHOD: 16,
  OBJECT_KEY: 17,
  OBJECT_FLOAT: 18,
  OBJECT_FQDN: 52,
  OBJECT_IPV4: 53,
  OBJECT_IPV6: 57,
  OBJECT_CIDR: 58,
  OBJECT_ACCOUNT: 101,
  OBJECT_OPERATION: 102,
  OBJECT_HOSTING_ACCOUNT: 300,
  OBJECT_VM: 302,
  OBJECT_DISK: 304,
  OBJECT_IFACE: 317,
  OBJECT_IP: 318,
  OBJECT_BANDWIDTH: 319,
  OBJECT_LBSERVER: 321,
  OBJECT_SNAPSHOT: 324,
  OBJECT_IMAGE: 325,
  OBJECT_DATACENTER: 327,
  OBJECT_VIRTUALHOST: 376,
  OBJECT_VLAN: 377,
  OBJECT_SNAPSHOT_PROFILE: 378,
  OBJECT_RPROXY: 379,
  OBJECT_DNS_TXT: 801,
} as const;

const CAUSES = {
  CAUSE_UNKNOWN: 0,
  CAUSE_NO_KERNEL: 1,
  CAUSE_TYPE: 10,
  CAUSE_SYNTAX: 20,
  CAUSE_VALUE: 30,
  CAUSE_SIZE: 31,
  CAUSE_UNEXPECTED: 33,
  CAUSE_BADPARAMETER: 37,
  CAUSE_HOSTNAME: 38,
  CAUSE_ATTACHED: 39,
  CAUSE_DONTEXIST: 40,
  CAUSE_EXIST: 41,
  CAUSE_NOTFOUND: 42,
  CAUSE_NOTHING_TO_UPDATE: 44,
  CAUSE_POSITION: 45,
  CAUSE_NO_DISK: 46,
  CAUSE_NORIGHT: 50,
  CAUSE_DATACENTER: 51,
  CAUSE_STATE: 60,
  CAUSE_PENDING: 67,
  CAUSE_RUNNING: 68,
  CAUSE_NOT_CONFIGURED: 81,
  CAUSE_INVALID_STEP: 90,
  CAUSE_CANNOT_SHRINK: 95,
  CAUSE_IP_VERSION_MISMATCH: 96,
  CAUSE_NOT_ATTACHED: 98,
  CAUSE_TOOMANY: 99,
} as const;

export type FaultObject = keyof typeof OBJECTS;
export type FaultCause = keyof typeof CAUSES;

export function dataFault(object: FaultObject, cause: FaultCause, reason: string): XmlRpcFault {
  const code = 500000 + OBJECTS[object] * 100 + CAUSES[cause];
  return new XmlRpcFault(code, `Error on object : ${object} (${cause}) [${reason}]`);
}

/** A bug in a handler: qualification 1 / OBJECT_APPLICATION (500) / CAUSE_UNKNOWN (00). */
export function internalFault(): XmlRpcFault {
  return new XmlRpcFault(
    150000,
    'Error on object : OBJECT_APPLICATION (CAUSE_UNKNOWN) [Internal Server Error]',
  );
}

export function unknownMethodFault(name: string): XmlRpcFault {
  return new XmlRpcFault(1, `Method "${name}" is not supported`);
}

export function notFound(object: FaultObject, label: string, id: unknown): XmlRpcFault {
  return dataFault(object, 'CAUSE_NOTFOUND', `${label} '${String(id)}' doesn't exist.`);
}

export const invalidApiKey = (): XmlRpcFault =>
  dataFault('OBJECT_ACCOUNT', 'CAUSE_NORIGHT', 'Invalid API key');

export function badApiKeyFormat(key: unknown): XmlRpcFault {
  return dataFault(
    'OBJECT_UNKNOWN',
    'CAUSE_BADPARAMETER',
    `string '${describe(key)}' does not match '^[a-z0-9]{24}$'`,
  );
}

export const noCredits = (): XmlRpcFault =>
  dataFault('OBJECT_HOSTING_ACCOUNT', 'CAUSE_DONTEXIST', "You haven't purchased any credits yet");

/** How a bad value is quoted inside a reason: strings as they are, other types by their repr. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 64 ? value.slice(0, 64) + '…' : value;
  if (value === null || value === undefined) return 'None';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return Array.isArray(value) ? 'array' : 'struct';
  return String(value);
}
