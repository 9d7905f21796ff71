import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';

const root = resolve(import.meta.dirname, '../../..');
const viteNode = join(root, 'node_modules/.bin/vite-node');
const preload = join(import.meta.dirname, 'helpers/block-network.mjs');
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;
const cache = mkdtempSync(join(tmpdir(), 'ventanilla-nonet-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('offline recognition', () => {
  it('reads a card while every outgoing connection fails', async () => {
    await ensureFixtures(1);
    // Without root, the preload alone makes connections fail; with it, a network namespace
    // with no interfaces removes the network altogether.
    const cmd = canUnshare ? 'unshare' : process.execPath;
    const args = [
      ...(canUnshare ? ['-n', process.execPath] : []),
      viteNode,
      join(import.meta.dirname, 'helpers/read-one.ts'),
      join(GENERATED_DIR, 'dni_back-0-clean.png'),
      cache,
    ];
    const out = execFileSync(cmd, args, {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: `--import ${preload}` },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const line = out.trim().split('\n').at(-1) ?? '{}';
    const { probe, result } = JSON.parse(line) as {
      probe: string;
      result: { document: { document_type: string }; mrz: { valid: boolean } };
    };
    expect(probe).toBe('refused');
    expect(result.document.document_type).toBe('DNI');
    expect(result.mrz.valid).toBe(true);
    // The traineddata is read from node_modules; nothing is cached or downloaded.
    expect(readdirSync(cache)).toEqual([]);
  }, 150_000);
});
