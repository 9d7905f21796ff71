import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { createOcrService } from '../../core/ocr';
import type { OcrFileLine } from '../../shared/contract/ocr';
import { isAppError } from '../../shared/errors';
import { errorText, type GlobalOptions, printJson, resolveDataDir, t } from '../context';

const failure = (file: string, e: unknown, ms?: number): OcrFileLine => {
  const shape = isAppError(e) ? e.toShape() : { code: 'internal' };
  const partial: Record<string, unknown> = {};
  if (isAppError(e) && e.code === 'mrz_check_failed' && typeof e.params?.lines === 'string') {
    partial.mrz_lines = e.params.lines.split('\n');
  }
  return {
    file,
    ok: false,
    ...(ms === undefined ? {} : { ms }),
    error: { code: shape.code, message: errorText(shape) },
    partial,
  };
};

const summary = (line: OcrFileLine): string => {
  if (!line.ok) return t('ocr.summaryError', { file: line.file, message: line.error.message });
  const d = line.document;
  const out = [
    t('ocr.summaryOk', {
      file: line.file,
      type: d.document_type,
      number: d.document_number ?? '?',
      surnames: d.surnames ?? '?',
      given: d.given_names ?? '?',
      source: line.source,
      ms: line.ms,
    }),
  ];
  if (line.uncertain.length > 0)
    out.push(t('ocr.summaryUncertain', { fields: line.uncertain.join(', ') }));
  if (line.warnings.length > 0)
    out.push(t('ocr.summaryWarnings', { warnings: line.warnings.join(', ') }));
  return out.join('\n');
};

/** `ventanilla ocr FILE... [--json]`: files are read, never modified or deleted. */
export const ocrCommand = (): Command =>
  new Command('ocr')
    .description(t('ocr.description'))
    .argument('<files...>', t('ocr.filesArgument'))
    .option('--json', t('ocr.jsonOption'))
    .action(async (files: string[], opts: { json?: boolean }, cmd: Command) => {
      const dataDir = resolveDataDir(cmd.optsWithGlobals<GlobalOptions>());
      const service = createOcrService({ cacheDir: join(dataDir, 'ocr-cache') });
      let missing = false;
      const readOne = async (file: string): Promise<OcrFileLine> => {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch {
          missing = true;
          const error = { code: 'file_not_found', params: { file } };
          return {
            file,
            ok: false,
            error: { code: error.code, message: errorText(error) },
            partial: {},
          };
        }
        const t0 = performance.now();
        try {
          const result = await service.readDocument(bytes);
          return { file, ok: true, ms: Math.round(performance.now() - t0), ...result };
        } catch (e) {
          return failure(file, e, Math.round(performance.now() - t0));
        }
      };
      try {
        for (const file of files) {
          const line = await readOne(file);
          if (opts.json) printJson(line);
          else process.stdout.write(`${summary(line)}\n`);
        }
      } finally {
        await service.close();
      }
      if (missing) process.exitCode = 1;
    });
