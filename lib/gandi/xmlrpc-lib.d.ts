// The `xmlrpc` package's internal modules used by the transport (its @types cover only the entry).
declare module 'xmlrpc/lib/serializer' {
  export function serializeMethodCall(
    method: string,
    params?: unknown[],
    encoding?: string,
  ): string;
  export function serializeMethodResponse(result: unknown): string;
  export function serializeFault(fault: unknown): string;
}

declare module 'xmlrpc/lib/customtype' {
  interface XmlBuilderNode {
    ele(name: string): XmlBuilderNode;
    txt(text: string): XmlBuilderNode;
  }
  class CustomType {
    constructor(raw: string);
    raw: string;
    tagName: string;
    serialize(xml: XmlBuilderNode): XmlBuilderNode;
  }
  export default CustomType;
}

declare module 'xmlrpc/lib/deserializer' {
  import type { Readable } from 'node:stream';
  class Deserializer {
    constructor(encoding?: string);
    deserializeMethodResponse(
      stream: Readable,
      callback: (error: Error | null, result: unknown) => void,
    ): void;
    deserializeMethodCall(
      stream: Readable,
      callback: (error: Error | null, method: string, params: unknown[]) => void,
    ): void;
  }
  export default Deserializer;
}
