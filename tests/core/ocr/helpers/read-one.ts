import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createOcrService } from '../../../../src/core/ocr';

/** Child-process entry for the no-network test: proves the network is off, then reads. */
const [file, cacheDir] = process.argv.slice(2);
const probe = await new Promise<string>((resolve) => {
  try {
    const s = connect({ host: '1.1.1.1', port: 443 });
    s.on('connect', () => resolve('connected'));
    s.on('error', () => resolve('refused'));
  } catch {
    resolve('refused');
  }
});
const service = createOcrService({ cacheDir: cacheDir ?? '' });
const result = await service.readDocument(readFileSync(file ?? ''));
await service.close();
process.stdout.write(`${JSON.stringify({ probe, result })}\n`);
