import { performance } from 'node:perf_hooks';
import { renderExportPdf } from '../src/core/privacy/export-pdf';
import { privacyExportWith } from '../tests/core/pdf/privacy-export-input';

/**
 * `npm run bench -- pdf`: the privacy export PDF with one huge register value. The baseline in
 * the same run is the same length of ordinary words; an unbroken token should cost about the
 * same (linear wrapping), and doubling the length should about double the time.
 */
const time = async (value: string): Promise<{ ms: number; rssMb: number }> => {
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  await renderExportPdf(privacyExportWith(value), 'Ayuntamiento de Jun', 'es');
  return {
    ms: performance.now() - start,
    rssMb: Math.max(0, process.memoryUsage().rss - rss) / 1e6,
  };
};

await time('warm-up '.repeat(1000));
for (const kb of [256, 512, 1024]) {
  const n = kb * 1024;
  const words = await time('ABCDEFGHI '.repeat(n / 10));
  const token = await time('A'.repeat(n));
  console.log(
    `${String(kb).padStart(5)} KB  words ${words.ms.toFixed(0).padStart(6)} ms` +
      `  unbroken ${token.ms.toFixed(0).padStart(6)} ms (×${(token.ms / words.ms).toFixed(2)})` +
      `  RSS +${token.rssMb.toFixed(0)} MB`,
  );
}
