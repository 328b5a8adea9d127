import { isUtf8 } from 'node:buffer';
import { MalformedRequest } from './decode';

const decoders = new Map<string, TextDecoder>();

function decoder(label: string): TextDecoder {
  let found = decoders.get(label);
  if (!found) {
    try {
      found = new TextDecoder(label, { fatal: true });
    } catch {
      throw new MalformedRequest(`unsupported encoding '${label.slice(0, 40)}'`);
    }
    decoders.set(label, found);
  }
  return found;
}

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1']);

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]{0,39})["']/;

/**
 * The request body as text, decoded the way an XML parser does: a byte-order mark first (UTF-8,
 * UTF-16), else the XML declaration's `encoding` (Python's `ServerProxy(encoding=…)` declares
 * it), else UTF-8. Bytes that are not valid in that encoding make the request malformed instead
 * of turning silently into U+FFFD.
 */
export function decodeBody(body: Buffer): string {
  let label = 'utf-8';
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = 'utf-8';
  else if (body[0] === 0xff && body[1] === 0xfe) label = 'utf-16le';
  else if (body[0] === 0xfe && body[1] === 0xff) label = 'utf-16be';
  else if (body[0] === 0x3c /* < */ && body[1] === 0x3f /* ? */) {
    const prolog = body.toString('latin1', 0, Math.min(body.length, 200));
    const declared = DECLARED_ENCODING.exec(prolog)?.[1];
    if (declared) label = declared.toLowerCase();
  }
  // WHATWG's TextDecoder reads these labels as windows-1252; ISO-8859-1 maps every byte to the
  // code point of the same number (0x80–0x9F included), which Buffer's `latin1` does.
  if (LATIN1_LABELS.has(label)) return body.toString('latin1');
  if (label === 'utf-8' || label === 'utf8') {
    // The hot path: Buffer's own validator and decoder are faster than a fatal TextDecoder.
    if (!isUtf8(body)) throw new MalformedRequest('bytes that are not valid utf-8');
    return body.toString('utf8', body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0);
  }
  try {
    // The decoder drops a leading byte-order mark.
    return decoder(label).decode(body);
  } catch (error) {
    if (error instanceof MalformedRequest) throw error;
    throw new MalformedRequest(`bytes that are not valid ${label}`);
  }
}
