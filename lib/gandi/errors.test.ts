import { describe, expect, it } from 'vitest';
import { GandiError, redact, userMessage } from './errors';
import {
  DATA_CAUSES,
  DATA_OBJECTS,
  decodeFaultCode,
  SERVER_CAUSES,
  SERVER_OBJECTS,
} from './fault-codes';

describe('fault code tables', () => {
  it('hold the full tables of the reference (Appendix A)', () => {
    expect(DATA_OBJECTS.size).toBe(164);
    expect(DATA_CAUSES.size).toBe(60);
    expect(SERVER_OBJECTS.size).toBe(8);
    expect(SERVER_CAUSES.size).toBe(6);
  });

  it.each([
    [530242, 'data', 'OBJECT_VM', 'CAUSE_NOTFOUND'],
    [530439, 'data', 'OBJECT_DISK', 'CAUSE_ATTACHED'],
    [537741, 'data', 'OBJECT_VLAN', 'CAUSE_EXIST'],
    [531896, 'data', 'OBJECT_IP', 'CAUSE_IP_VERSION_MISMATCH'],
    [532751, 'data', 'OBJECT_DATACENTER', 'CAUSE_DATACENTER'],
    [501010, 'data', 'OBJECT_INTEGER', 'CAUSE_TYPE'],
    [572463, 'data', 'OBJECT_PAYMENTTYPE', 'CAUSE_NOT_ENOUGH_MONEY'],
    [160105, 'server', 'OBJECT_COMODO_API', 'CAUSE_UNAVAILABLE'],
  ] as const)('%i → %s %s %s', (code, qualification, objectName, causeName) => {
    expect(decodeFaultCode(code)).toEqual({ qualification, objectName, causeName });
  });

  it('leaves codes outside the scheme undecoded', () => {
    expect(decodeFaultCode(1)).toBeNull();
    expect(decodeFaultCode(300000)).toBeNull();
    expect(decodeFaultCode(5000000)).toBeNull();
  });
});

describe('GandiError', () => {
  it('splits a Gandi fault string into names and the bracketed reason', () => {
    const err = new GandiError({
      kind: 'fault',
      method: 'hosting.vm.info',
      faultCode: 530242,
      message: "Error on object : OBJECT_VM (CAUSE_NOTFOUND) [VM '42' doesn't exist.]",
    });
    expect(err).toMatchObject({
      objectName: 'OBJECT_VM',
      causeName: 'CAUSE_NOTFOUND',
      qualification: 'data',
      reason: "VM '42' doesn't exist.",
    });
    expect(err.message).toBe(
      "hosting.vm.info: fault 530242: Error on object : OBJECT_VM (CAUSE_NOTFOUND) [VM '42' doesn't exist.]",
    );
    expect(err).toBeInstanceOf(Error);
  });

  it('reads the names from the string when the code is outside the tables', () => {
    const err = new GandiError({
      kind: 'fault',
      method: 'x',
      faultCode: 42,
      message: 'Error on object : OBJECT_FOO (CAUSE_BAR) [odd]',
    });
    expect(err).toMatchObject({ objectName: 'OBJECT_FOO', causeName: 'CAUSE_BAR', reason: 'odd' });
    expect(err.qualification).toBeUndefined();
  });
});

describe('redact', () => {
  it('replaces the key anywhere and any key quoted by the key-format fault', () => {
    const key = 'abcdefghij0123456789wxyz';
    expect(redact(`a ${key} b ${key}`, [key])).toBe('a [api key] b [api key]');
    expect(redact("[string 'whatever it was' does not match '^[a-z0-9]{24}$']")).toBe(
      "[string '[api key]' does not match '^[a-z0-9]{24}$']",
    );
  });

  it('does not shred messages with a very short key, yet still hides a quoted one', () => {
    expect(redact('connection refused', ['on'])).toBe('connection refused');
    expect(redact("string 'on' does not match '^[a-z0-9]{24}$'", ['on'])).toBe(
      "string '[api key]' does not match '^[a-z0-9]{24}$'",
    );
  });
});

describe('userMessage', () => {
  const fault = (faultCode: number, message: string) =>
    new GandiError({
      kind: 'fault',
      method: 'm',
      faultCode,
      message,
      endpointHost: 'rpc.gandi.net',
    });

  it.each([
    [
      fault(510150, 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]'),
      'This API key is not valid (revoked or unknown).',
    ],
    [
      fault(530040, 'Error on object : OBJECT_HOSTING_ACCOUNT (CAUSE_DONTEXIST) [no credits]'),
      /no hosting credits/,
    ],
    [fault(1, 'Method "hosting.catalog.list" is not supported'), /does not support/],
    [
      fault(530242, "Error on object : OBJECT_VM (CAUSE_NOTFOUND) [VM '9' doesn't exist.]"),
      /^The server was not found/,
    ],
    [
      fault(531742, 'Error on object : OBJECT_IFACE (CAUSE_NOTFOUND) [x]'),
      /^The network interface was not found/,
    ],
    [
      fault(150000, 'Error on object : OBJECT_APPLICATION (CAUSE_UNKNOWN) [Internal Server Error]'),
      /internal problem/,
    ],
    [
      fault(501010, 'Error on object : OBJECT_INTEGER (CAUSE_TYPE) [not an int]'),
      'Gandi refused the request: not an int',
    ],
    [
      new GandiError({
        kind: 'network',
        method: 'm',
        message: 'connection refused',
        endpointHost: 'rpc.gandi.net',
      }),
      /^Cannot reach rpc\.gandi\.net/,
    ],
    [
      new GandiError({ kind: 'network', method: 'm', message: 'request cancelled' }),
      'The request was cancelled.',
    ],
    [
      new GandiError({ kind: 'timeout', method: 'm', message: 'slow', endpointHost: 'h:1' }),
      /^h:1 did not answer in time/,
    ],
    [
      new GandiError({ kind: 'http', method: 'm', message: 'HTTP 502', httpStatus: 502 }),
      'The API endpoint had a problem (HTTP 502). Try again later.',
    ],
    [
      new GandiError({
        kind: 'http',
        method: 'm',
        message: 'HTTP 404',
        httpStatus: 404,
        endpointHost: 'h',
      }),
      /^h answered HTTP 404: check that the endpoint is an XML-RPC address/,
    ],
    [
      new GandiError({ kind: 'decode', method: 'm', message: 'bad' }),
      /not a valid XML-RPC response/,
    ],
    [new Error('boom'), 'Something went wrong while talking to the Gandi API.'],
  ] as [unknown, string | RegExp][])('%#', (err, expected) => {
    const text = userMessage(err);
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });
});
