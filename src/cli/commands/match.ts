import { join } from 'node:path';
import { Command } from 'commander';
import { createOcrService } from '../../core/ocr';
import { type MatchCandidate, MatchQuery } from '../../shared/contract/residents';
import { AppError } from '../../shared/errors';
import { issueSummary } from '../../shared/input-issues';
import { call, type GlobalOptions, printJson, resolveDataDir, t, withCore } from '../context';
import { readInputFile } from './register';
import { fullName } from '../../shared/person-name';

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

/** Accepts the `document` object itself, or a whole `ventanilla ocr --json` line holding one. */
export const parseDocument = (text: string): MatchQuery => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AppError('match_bad_document', { detail: e instanceof Error ? e.message : 'JSON' });
  }
  const inner = typeof raw === 'object' && raw !== null && 'document' in raw ? raw.document : raw;
  const parsed = MatchQuery.safeParse(inner);
  if (!parsed.success) {
    throw new AppError('match_bad_document', { detail: issueSummary(parsed.error, inner) });
  }
  return parsed.data;
};

const describe = (c: MatchCandidate): string => {
  const r = c.resident;
  const name = fullName(r);
  const reasons = c.reasons.map((code) => t(`residents.reasons.${code}`)).join('; ');
  return `${t(`residents.verdicts.${c.verdict}`)} (${c.score.toFixed(2)})  ${c.resident_id}  ${name}  ${r.document_masked ?? '—'}  ${r.birth_date}\n    ${reasons}`;
};

/** `ventanilla match [--json] [--document FILE|-] [--image FILE]`: candidates, best first. */
export const matchCommand = (): Command =>
  new Command('match')
    .description(t('residents.cli.match'))
    .option('--document <file>', t('residents.cli.documentOption'))
    .option('--image <file>', t('residents.cli.imageOption'))
    .option('--json', t('cli.jsonOption'))
    .action(async (opts: { document?: string; image?: string; json?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      let query: MatchQuery;
      if (opts.image) {
        const bytes = readInputFile(opts.image);
        const ocr = createOcrService({ cacheDir: join(resolveDataDir(global), 'ocr-cache') });
        try {
          query = (await ocr.readDocument(bytes)).document;
        } finally {
          await ocr.close();
        }
      } else if (opts.document) {
        const bytes = opts.document === '-' ? await readStdin() : readInputFile(opts.document);
        query = parseDocument(bytes.toString('utf8'));
      } else {
        throw new AppError('usage_match_input');
      }
      await withCore(global, async (core) => {
        const { candidates } = await call(core, 'residentsMatch', query);
        if (opts.json) return printJson({ candidates });
        if (candidates.length === 0) process.stdout.write(`${t('residents.cli.noCandidates')}\n`);
        for (const c of candidates) process.stdout.write(`${describe(c)}\n`);
      });
    });
