import { describe, expect, it } from 'vitest';
import { formatCmdline, parseCmdline } from './disk-cmdline';

describe('kernel command line', () => {
  it('parses flags, values and booleans', () => {
    expect(parseCmdline('root=/dev/sda ro  console=ttyS0 nosep=false')).toEqual({
      ok: true,
      value: { root: '/dev/sda', ro: true, console: 'ttyS0', nosep: false },
    });
    expect(parseCmdline('   ')).toEqual({ ok: true, value: {} });
  });
  it('refuses bad keys, duplicates, empty values, quotes and overlong text', () => {
    expect(parseCmdline('=x')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not an option/),
    });
    expect(parseCmdline('9root=x')).toMatchObject({ ok: false });
    expect(parseCmdline('ro ro')).toMatchObject({ ok: false, problem: '"ro" is given twice.' });
    expect(parseCmdline('root=')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/needs a value/),
    });
    expect(parseCmdline('init="/bin/sh"')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/quotes/),
    });
    expect(parseCmdline(`a=${'x'.repeat(1024)}`)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/at most 1024/),
    });
  });
  it('formats what it parses back to the same struct', () => {
    const struct = { console: 'ttyS0', nosep: true, ro: false, root: '/dev/sda' };
    const text = formatCmdline(struct);
    expect(text).toBe('console=ttyS0 nosep ro=false root=/dev/sda');
    expect(parseCmdline(text)).toEqual({ ok: true, value: struct });
    expect(formatCmdline(null)).toBe('');
  });
});
