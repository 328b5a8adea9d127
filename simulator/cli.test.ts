import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { client } from './testing/client';

const MAIN = path.join(__dirname, 'main.ts');

describe('the CLI', () => {
  it('prints the URL and the demo key on stdout, serves, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--memory'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL: ${stdout}`)), 15_000);
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/xmlrpc\/)\n/.exec(stdout);
        if (m?.[1] && stdout.includes('demo API key')) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    expect(stdout).toBe(`listening on ${url}\ndemo API key: demoaccount0000000000001\n`);
    expect(await client(url).call('version.info', 'demoaccount0000000000001')).toEqual({
      api_version: '3.3.37',
    });
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('refuses bad options with exit code 2', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--memory', '--data-dir', '/tmp/x'],
      { stdio: 'ignore' },
    );
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
  });
});
