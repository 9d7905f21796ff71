import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SESSION_HEADER } from '../src/shared/contract/envelope';
import { ensureFixtures, GENERATED_DIR } from '../tests/fixtures/cards/generate';

/**
 * `npm run bench -- verify`: the machine time of one scripted verification in browser mode,
 * from card image to saved record, through `ventanilla serve` over HTTP exactly as the page
 * calls it (read image, match, save). Needs `npm run build` first. The baseline in the same
 * run is the image read alone, so the ratio shows what the desk adds on top of OCR.
 */
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/ventanilla.js');
const CARDS = [
  ['dni_back-0-clean.png', 'R001'],
  ['dni_back-1-clean.png', 'R002'],
  ['dni_back-2-clean.png', 'R003'],
  ['dni_back-0-jpeg.jpg', 'R001'],
  ['dni_back-1-jpeg.jpg', 'R002'],
  ['dni_back-2-jpeg.jpg', 'R003'],
] as const;
const PASSWORD = 'contraseña-larga';
// A fresh clone has no generated cards yet: make them (a no-op when they are current).
await ensureFixtures();

const dataDir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-verify-'));
const cli = (args: string[], env: Record<string, string> = {}) => {
  const run = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
};
cli(['staff', 'add', 'clara', '--role', 'clerk'], { VENTANILLA_PASSWORD: PASSWORD });
const imported = spawnSync('npx', ['vite-node', 'tests/e2e/verify-fixtures.ts', dataDir], {
  cwd: ROOT,
});
if (imported.status !== 0) throw new Error(`register import failed: ${String(imported.stderr)}`);

const server: ChildProcess = spawn(
  process.execPath,
  [CLI, '--data-dir', dataDir, 'serve', '--port', '0'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<URL>((resolve, reject) => {
  let out = '';
  server.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
    if (m?.[1]) resolve(new URL(m[1]));
  });
  server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});
const token = url.searchParams.get('token') ?? '';
let session = '';

const rpc = async <T>(name: string, input: unknown): Promise<T> => {
  const res = await fetch(new URL(`/rpc/${name}`, url.origin), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(session ? { [SESSION_HEADER]: session } : {}),
    },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as {
    ok: boolean;
    value?: T;
    session?: string;
    error?: { code: string };
  };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.code ?? res.status}`);
  if (envelope.session) session = envelope.session;
  return envelope.value as T;
};

interface Read {
  result: { document: Record<string, unknown> };
  startedAt: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2;
};

try {
  await rpc('authSignIn', { username: 'clara', password: PASSWORD });
  const images = CARDS.map(([file, resident]) => ({
    file,
    resident,
    base64: readFileSync(join(GENERATED_DIR, file)).toString('base64'),
  }));
  // The Verify screen starts the OCR workers when it opens; the first card then reads warm.
  const warmStart = performance.now();
  while (!(await rpc<{ ready: boolean }>('verifyWarmUp', {})).ready)
    await new Promise((r) => setTimeout(r, 100));
  const warmUpMs = performance.now() - warmStart;
  const firstStart = performance.now();
  await rpc('verifyReadImage', { front: images[0]?.base64 });
  const firstMs = performance.now() - firstStart;

  const total: number[] = [];
  const readOnly: number[] = [];
  for (const [i, img] of images.entries()) {
    const t0 = performance.now();
    const read = await rpc<Read>('verifyReadImage', { front: img.base64 });
    const t1 = performance.now();
    const match = await rpc<{ candidates: { residentId: string }[] }>('verifyMatch', {
      document: read.result.document,
    });
    if (match.candidates[0]?.residentId !== img.resident)
      throw new Error(`${img.file}: wrong resident`);
    await rpc('verifySave', {
      residentId: img.resident,
      document: read.result.document,
      network: 'x',
      handle: `@bench_${i}`,
      proof: 'seen_on_device',
      startedAt: read.startedAt,
    });
    const t2 = performance.now();
    total.push(t2 - t0);
    readOnly.push(t1 - t0);
    console.log(
      `${img.file.padEnd(24)} read ${(t1 - t0).toFixed(0).padStart(5)} ms  match+save ${(t2 - t1).toFixed(0).padStart(4)} ms  total ${(t2 - t0).toFixed(0).padStart(5)} ms`,
    );
  }
  const med = median(total);
  console.log(
    `\ndesk warm-up (OCR workers starting, in the background when the screen opens): ${warmUpMs.toFixed(0)} ms`,
  );
  console.log(`first card after it: ${firstMs.toFixed(0)} ms`);
  console.log(
    `image → saved record, warm: median ${med.toFixed(0)} ms, worst ${Math.max(...total).toFixed(0)} ms (target < 3000 ms)`,
  );
  console.log(
    `baseline (image read alone): median ${median(readOnly).toFixed(0)} ms; ratio total/read ${(med / median(readOnly)).toFixed(2)}`,
  );
  if (med >= 3000) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
