/**
 * Test helper: the *shape* of an XML-RPC methodResponse — for every value, its path (struct member
 * names, `[]` for array items) and its XML-RPC type — independent of values and byte layout, so a
 * pretty-printed 2018 recording and the simulator's compact answer can be compared.
 */

interface Element {
  name: string;
  children: Element[];
  text: string;
}

/** A minimal XML element parser (no attributes needed; prolog and comments skipped). */
export function parseXml(xml: string): Element {
  const root: Element = { name: '#root', children: [], text: '' };
  const stack: Element[] = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w.:-]+)[^>]*?(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [whole, closing, name, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += text;
    } else if (name && closing) {
      if (top.name !== name) throw new Error(`mismatched </${name}>`);
      stack.pop();
    } else if (name) {
      const el: Element = { name, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else if (!whole.startsWith('<!--') && !whole.startsWith('<?')) {
      throw new Error(`unexpected ${whole}`);
    }
  }
  return root;
}

export interface Shape {
  /** path → XML-RPC types seen there (`nil` included). */
  types: Map<string, Set<string>>;
  /** struct path → member names seen there. */
  members: Map<string, Set<string>>;
  /** paths with a non-empty string value (the others only had `''`, the 2011 way to write nil). */
  nonEmptyStrings: Set<string>;
}

export function shapeOf(xml: string): Shape {
  const shape: Shape = { types: new Map(), members: new Map(), nonEmptyStrings: new Set() };
  const doc = parseXml(xml);
  const response = doc.children.find((c) => c.name === 'methodResponse');
  if (!response) throw new Error('not a methodResponse');
  const fault = response.children.find((c) => c.name === 'fault');
  if (fault) throw new Error('a fault, not a result');
  const value = response.children
    .find((c) => c.name === 'params')
    ?.children[0]?.children.find((c) => c.name === 'value');
  if (!value) throw new Error('no value');
  walk(value, '$', shape);
  return shape;
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function walk(value: Element, path: string, shape: Shape): void {
  const typed = value.children[0];
  const type = typed?.name ?? 'string';
  add(shape.types, path, type);
  if (type === 'string' && (typed ? typed.text : value.text) !== '')
    shape.nonEmptyStrings.add(path);
  if (type === 'struct' && typed) {
    if (!shape.members.has(path)) shape.members.set(path, new Set());
    for (const member of typed.children) {
      const name = member.children.find((c) => c.name === 'name')?.text ?? '';
      add(shape.members, path, name);
      const inner = member.children.find((c) => c.name === 'value');
      if (inner) walk(inner, `${path}.${name}`, shape);
    }
  } else if (type === 'array' && typed) {
    for (const item of typed.children.find((c) => c.name === 'data')?.children ?? [])
      walk(item, `${path}[]`, shape);
  }
}

export interface CompareOptions {
  /** Members the simulator may add at a struct path (documented additions). */
  extraMembers?: Record<string, string[]>;
  /** 2011 recordings: an empty string stands where newer ones send nil. */
  emptyStringIsNil?: boolean;
  /** Recorded struct members only need to be a subset of the simulator's (older, smaller shapes). */
  subset?: boolean;
}

/**
 * Differences between a recorded shape and the simulator's, element by element: struct member
 * sets must match, and each path's types must agree. A path recorded only as nil accepts any type
 * (the value happened to be null); nil from the simulator is accepted where the recording shows a
 * nil somewhere at that path.
 */
export function compareShapes(
  recorded: Shape,
  actual: Shape,
  options: CompareOptions = {},
): string[] {
  const problems: string[] = [];
  for (const [path, names] of recorded.members) {
    const got = actual.members.get(path);
    if (!got) {
      problems.push(`${path}: struct missing in the simulator's answer`);
      continue;
    }
    const extra = new Set(options.extraMembers?.[path] ?? []);
    for (const name of names)
      if (!got.has(name)) problems.push(`${path}: member '${name}' missing`);
    if (!options.subset) {
      for (const name of got)
        if (!names.has(name) && !extra.has(name))
          problems.push(`${path}: unexpected member '${name}'`);
    }
  }
  for (const [path, recordedTypes] of recorded.types) {
    const got = actual.types.get(path);
    if (!got) {
      problems.push(`${path}: not present in the simulator's answer (set up a richer scenario)`);
      continue;
    }
    const rec = new Set(recordedTypes);
    if (options.emptyStringIsNil && rec.has('string') && !recorded.nonEmptyStrings.has(path)) {
      rec.delete('string');
      rec.add('nil');
    }
    const recNonNil = [...rec].filter((t) => t !== 'nil');
    if (recNonNil.length === 0) continue; // only ever nil in the recording: any type is fine
    for (const t of got) {
      if (t === 'nil' ? !rec.has('nil') : !rec.has(t))
        problems.push(`${path}: ${t} where the recording has ${[...rec].join('|')}`);
    }
  }
  return problems;
}
