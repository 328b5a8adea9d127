/**
 * Rules for load balancers (Gandi's Web Accelerator, `hosting.rproxy.*`), shared by the browser
 * and the server actions: field-level messages before anything reaches the API.
 */
import { z } from 'zod';
import { formCheckbox, formList } from './form';
import { idField } from './vm';

export const RPROXY_NAME_MAX_LENGTH = 64;
export const RPROXY_MAX_BACKENDS = 32;
export const RPROXY_MAX_VHOSTS = 32;
export const ALGORITHM_CHOICES = [
  { value: 'round-robin', label: 'Round robin — each request to the next backend' },
  { value: 'client-ip', label: 'Client IP — a visitor always reaches the same backend' },
] as const;
export const PROBE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const;

export function rproxyNameProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a name for the load balancer.';
  if (value.length > RPROXY_NAME_MAX_LENGTH)
    return `A name is at most ${RPROXY_NAME_MAX_LENGTH} characters.`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value))
    return 'Use letters, digits, dots, hyphens and underscores, starting with a letter or digit.';
  return null;
}

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

/** `ip:port`, `[v6]:port`; the address and the port parsed, or why not. */
export function parseBackend(
  text: string,
): { ok: true; ip: string; port: number } | { ok: false; problem: string } {
  const value = text.trim();
  const m = /^\[([^\]]+)\]:(\d{1,5})$/.exec(value) ?? /^([^:\s]+):(\d{1,5})$/.exec(value);
  if (!m)
    return { ok: false, problem: `“${value.slice(0, 60)}” is not ip:port (e.g. 192.0.2.10:80).` };
  const ip = m[1]!.toLowerCase();
  const port = Number(m[2]);
  if (!ipv4.safeParse(ip).success && !ipv6.safeParse(ip).success)
    return { ok: false, problem: `“${ip.slice(0, 60)}” is not an IPv4 or IPv6 address.` };
  if (port < 1 || port > 65535) return { ok: false, problem: `Port ${port} is not 1–65535.` };
  return { ok: true, ip, port };
}

export const backendLabel = (ip: string, port: number) =>
  ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;

const FQDN_RE = /^(?=.{4,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

export function vhostProblem(text: string): string | null {
  const value = text.trim().toLowerCase();
  if (value === '') return 'Enter a domain name.';
  if (!FQDN_RE.test(value))
    return `“${value.slice(0, 60)}” is not a domain name (e.g. www.example.com).`;
  return null;
}

/** Lines of a textarea, trimmed, without blanks. */
export const lines = (text: string) =>
  text
    .split(/[\n,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

function addProblem(ctx: z.RefinementCtx, path: string, message: string | null) {
  if (message) ctx.addIssue({ code: 'custom', message, path: [path] });
}

const algorithmField = z.enum(['round-robin', 'client-ip'], { error: 'Choose an algorithm.' });

/**
 * Create: backends are ticked VM addresses (`backend`, `ip:port` each) plus typed lines
 * (`backends_typed`); vhosts are typed lines. Both lists are checked item by item.
 */
export const createRproxySchema = z
  .object({
    name: z.string().trim(),
    datacenter_id: z.coerce
      .number({ error: 'Choose a datacenter.' })
      .int()
      .positive({ error: 'Choose a datacenter.' }),
    algorithm: algorithmField,
    ssl_enable: formCheckbox,
    backend: formList(z.string()),
    backends_typed: z.string().default(''),
    vhosts: z.string().default(''),
  })
  .superRefine((input, ctx) => {
    addProblem(ctx, 'name', rproxyNameProblem(input.name));
    const typed = lines(input.backends_typed);
    const bad = typed.map(parseBackend).find((b) => !b.ok);
    if (bad && !bad.ok) addProblem(ctx, 'backends_typed', bad.problem);
    for (const ticked of input.backend)
      if (!parseBackend(ticked).ok) addProblem(ctx, 'backend', 'Choose addresses from the list.');
    const all = [...input.backend, ...typed];
    if (all.length > RPROXY_MAX_BACKENDS)
      addProblem(ctx, 'backends_typed', `At most ${RPROXY_MAX_BACKENDS} backends.`);
    const vhosts = lines(input.vhosts);
    const badVhost = vhosts.map(vhostProblem).find((p) => p !== null);
    addProblem(ctx, 'vhosts', badVhost ?? null);
    if (vhosts.length > RPROXY_MAX_VHOSTS)
      addProblem(ctx, 'vhosts', `At most ${RPROXY_MAX_VHOSTS} domain names.`);
  })
  .transform((input) => {
    const seen = new Set<string>();
    const backends: { ip: string; port: number }[] = [];
    for (const text of [...input.backend, ...lines(input.backends_typed)]) {
      const b = parseBackend(text);
      if (!b.ok || seen.has(`${b.ip}|${b.port}`)) continue;
      seen.add(`${b.ip}|${b.port}`);
      backends.push({ ip: b.ip, port: b.port });
    }
    return {
      name: input.name,
      datacenter_id: input.datacenter_id,
      algorithm: input.algorithm,
      ssl_enable: input.ssl_enable,
      backends,
      vhosts: [...new Set(lines(input.vhosts).map((v) => v.toLowerCase()))],
    };
  });
export type CreateRproxyInput = z.output<typeof createRproxySchema>;

export const rproxyIdSchema = z.object({ rproxy_id: idField });

export const addBackendSchema = z
  .object({ rproxy_id: idField, backend: z.string() })
  .superRefine((input, ctx) => {
    const b = parseBackend(input.backend);
    if (!b.ok) addProblem(ctx, 'backend', b.problem);
  })
  .transform((input) => {
    const b = parseBackend(input.backend);
    return { rproxy_id: input.rproxy_id, ip: b.ok ? b.ip : '', port: b.ok ? b.port : 0 };
  });

export const backendActionSchema = z.object({
  rproxy_id: idField,
  server_id: idField,
  change: z.enum(['enable', 'disable', 'delete']),
});
export type BackendActionInput = z.infer<typeof backendActionSchema>;

export const vhostSchema = z
  .object({ rproxy_id: idField, vhost: z.string().trim().toLowerCase() })
  .superRefine((input, ctx) => addProblem(ctx, 'vhost', vhostProblem(input.vhost)));

export const updateRproxySchema = z.object({
  rproxy_id: idField,
  algorithm: algorithmField,
  ssl_enable: formCheckbox,
});

export const deleteRproxySchema = z.object({
  rproxy_id: idField,
  confirm_name: z.string(),
});

const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z
      .number({ error: `${label}: a whole number.` })
      .int({ error: `${label}: a whole number.` })
      .min(min, { error: `${label}: at least ${min}.` })
      .max(max, { error: `${label}: at most ${max}.` })
      .optional(),
  );

/** Probe settings; `test` tries them without saving. */
export const probeSchema = z
  .object({
    rproxy_id: idField,
    host: z
      .string()
      .trim()
      .max(253)
      .regex(/^[A-Za-z0-9.:-]*$/, { error: 'A host name or address.' })
      .default(''),
    url: z
      .string()
      .trim()
      .regex(/^\/[\x21-\x7e]{0,1023}$/, { error: 'A path starting with / (e.g. /health).' }),
    method: z.enum(PROBE_METHODS, { error: 'Choose a method.' }),
    response: optionalInt('Expected status', 100, 599).pipe(
      z.number({ error: 'Expected status: a whole number.' }),
    ),
    interval: optionalInt('Interval', 1, 3600).pipe(
      z.number({ error: 'Interval: a whole number.' }),
    ),
    timeout: optionalInt('Timeout', 1, 60).pipe(z.number({ error: 'Timeout: a whole number.' })),
    window: optionalInt('Window', 1, 100).pipe(z.number({ error: 'Window: a whole number.' })),
    threshold: optionalInt('Threshold', 1, 100).pipe(
      z.number({ error: 'Threshold: a whole number.' }),
    ),
    enable: formCheckbox,
    intent: z.enum(['save', 'test']).default('save'),
  })
  .superRefine((input, ctx) => {
    if (input.threshold > input.window)
      addProblem(ctx, 'threshold', 'The threshold cannot exceed the window.');
  });
export type ProbeInput = z.output<typeof probeSchema>;
