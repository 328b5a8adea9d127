import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTeamAction } from './roles';

/**
 * Team permissions fail closed at run time (an undeclared action is refused to members); this
 * catches the omission earlier: every server action built with defineAction/defineJsonAction
 * names its permission, and the name exists in the roles matrix.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Text of the call's arguments, from its opening parenthesis (strings and nesting respected). */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = open; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      current += char;
      if (char === '\\') current += text[++i] ?? '';
      else if (char === quote) quote = null;
      continue;
    }
    // Comments may hold apostrophes: skip them whole.
    if (char === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i) + 1;
      if (i <= 0) break;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    if ('([{'.includes(char)) {
      depth += 1;
      if (depth === 1) continue;
    }
    if (')]}'.includes(char)) {
      depth -= 1;
      if (depth === 0) {
        if (current.trim()) args.push(current.trim());
        return args;
      }
    }
    if (char === ',' && depth === 1) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  throw new Error('unbalanced call');
}

function declaredActions() {
  const found: { where: string; permission: string | undefined }[] = [];
  for (const file of SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes("'use server'")) continue;
    for (const match of text.matchAll(/export const (\w+) = define(?:Json)?Action\(/g)) {
      const args = callArguments(text, (match.index ?? 0) + match[0].length - 1);
      const permission = /permission:\s*'([^']+)'/.exec(args[2] ?? '')?.[1];
      found.push({ where: `${path.relative(ROOT, file)} ${match[1]}`, permission });
    }
  }
  return found;
}

/** Route handlers that act for nobody in particular (ending the caller's own session). */
const ROUTES_WITHOUT_PERMISSION = [
  'app/api/session/revoked/route.ts',
  // Probes and metrics are for machines, not members: no session (metrics has its own token).
  'app/healthz/route.ts',
  'app/metrics/route.ts',
  'app/readyz/route.ts',
  // Gandi's XML-RPC API for members' tools: a personal token in each call (no session), and every
  // call is decided by the gate (lib/gateway, lib/team/gate).
  'app/xmlrpc/route.ts',
];

describe('route handlers check the team permission', () => {
  it('every route handler calls teamRouteRefusal (or is a listed exception)', () => {
    const routes = sourceFiles(path.join(ROOT, 'app'))
      .filter((file) => path.basename(file) === 'route.ts')
      .map((file) => path.relative(ROOT, file));
    expect(routes.length).toBeGreaterThan(1);
    const unchecked = routes.filter(
      (route) =>
        !ROUTES_WITHOUT_PERMISSION.includes(route) &&
        !/teamRouteRefusal\(\s*\w+,\s*'[a-z]+\.[a-z.]+'\s*\)/.test(
          readFileSync(path.join(ROOT, route), 'utf8'),
        ),
    );
    expect(unchecked).toEqual([]);
  });
});

describe('server actions declare their team permission', () => {
  const actions = declaredActions();

  it('finds the panel’s server actions', () => {
    expect(actions.length).toBeGreaterThan(10);
  });

  it('every one names a permission of the roles matrix', () => {
    const missing = actions
      .filter(({ permission }) => !permission || !isTeamAction(permission))
      .map(({ where, permission }) => `${where}: ${permission ?? 'none'}`);
    expect(missing).toEqual([]);
  });
});
