/**
 * Values the encoder cannot tell apart from plain JS values: a whole-number double (bandwidth is
 * `<double>102400.0</double>` on the wire even though JS sees an integer).
 */
export class XmlDouble {
  constructor(readonly value: number) {}
}

export function double(value: number): XmlDouble {
  return new XmlDouble(value);
}

export function doubleOrNull(value: number | null): XmlDouble | null {
  return value === null ? null : new XmlDouble(value);
}

/** What handlers may return: JSON-like values plus dates and tagged doubles. */
export type XmlValue =
  | string
  | number
  | boolean
  | null
  | Date
  | XmlDouble
  | Buffer
  | readonly XmlValue[]
  | { readonly [key: string]: XmlValue };

/** A decoded request parameter (the decoder never produces XmlDouble: a double is a number). */
export type XmlParam =
  string | number | boolean | null | Date | Buffer | XmlParam[] | { [key: string]: XmlParam };

/** An XML-RPC fault: `faultCode` and `faultString` in a `<fault>` answer. */
export class XmlRpcFault extends Error {
  constructor(
    readonly faultCode: number,
    readonly faultString: string,
  ) {
    super(faultString);
    this.name = 'XmlRpcFault';
  }
}
