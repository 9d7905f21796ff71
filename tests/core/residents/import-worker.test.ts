import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RecordBatch, readRecordBatches } from '../../../src/core/residents/record-source';
import { readRecordBatchesInWorker } from '../../../src/core/residents/record-worker';
import {
  appendValues,
  isRejection,
  RECORD_FIELDS,
  type RecordValue,
  recordAt,
  toRecord,
} from '../../../src/core/residents/rows';
import { tempDir } from '../../helpers/temp-dir';
import { testCore } from '../../helpers/test-core';
import { BUILT_WORKER, csv, fixtureBytes, HEADER, importFixture } from './fixtures';

const input = (bytes: Buffer) => ({
  bytes,
  hmacKey: Buffer.alloc(32, 7),
  today: '2026-03-02',
});

/** Every batch a reader delivers, and what it returned. */
const collect = (read: (onBatch: (b: RecordBatch) => void) => unknown) => {
  const batches: RecordBatch[] = [];
  const parsed = read((b) => batches.push(b));
  return { parsed, batches };
};

const rows = (t: ReturnType<typeof testCore>) =>
  t.core.deps.db.prepare('SELECT * FROM residents ORDER BY id').all();

/** The rows without the keyed hashes, which differ between installations by design. */
const unkeyedRows = (t: ReturnType<typeof testCore>) =>
  t.core.deps.db
    .prepare('SELECT * FROM residents ORDER BY id')
    .all()
    .map((r) => ({ ...(r as object), document_hash: null, document_key: null }));

/** 3,000 rows with a rejected one every 500 and a blank line and a quoted line break in between. */
const bigFile = (): Buffer => {
  const lines = [HEADER];
  for (let i = 0; i < 3_000; i++) {
    if (i === 1_200) lines.push('');
    const name = i === 2_000 ? '"Ana\nMaría"' : 'Ana';
    const date = i % 500 === 0 ? '31/02/1980' : '1980-01-02';
    lines.push(`W${i},DNI,,${name},Gil${i % 40},,${date},F,ESP,,`);
  }
  return csv(lines);
};

describe('rows as flat values', () => {
  it('flattens every field of a record in RECORD_FIELDS order, and reads it back whole', () => {
    const record = toRecord(
      {
        resident_id: 'R1',
        document_number: '12345678Z',
        given_names: 'María José',
        surname1: 'de la Fuente',
        surname2: 'Núñez',
        birth_date: '02/01/1980',
        sex: 'M',
        nationality: 'esp',
        address: 'C/ Mayor, 1',
        district: '01',
      },
      { hmacKey: Buffer.alloc(32, 7), today: '2026-03-02', spanishSexLetters: true },
    );
    if (isRejection(record)) throw new Error(record.code);
    expect(Object.keys(record).sort()).toEqual([...RECORD_FIELDS].sort());
    const values: RecordValue[] = [];
    appendValues(values, record);
    appendValues(values, { ...record, resident_id: 'R2' });
    expect(values.slice(0, RECORD_FIELDS.length)).toEqual(RECORD_FIELDS.map((f) => record[f]));
    expect(recordAt(values, 0)).toEqual(record);
    expect(recordAt(values, 1)).toEqual({ ...record, resident_id: 'R2' });
  });
});

describe('reading the register in a worker thread', { timeout: 60_000 }, () => {
  beforeAll(() => {
    if (!existsSync(BUILT_WORKER)) throw new Error('Run `npm run build` first (npm test does).');
  });

  it('delivers the same batches as reading in this thread, and the same summary', () => {
    const bytes = bigFile();
    const here = collect((onBatch) => readRecordBatches(input(bytes), onBatch));
    const there = collect((onBatch) =>
      readRecordBatchesInWorker(BUILT_WORKER, input(bytes), onBatch),
    );
    expect(there.parsed).toEqual(here.parsed);
    expect(there.batches).toEqual(here.batches);
    expect(here.batches.flatMap((b) => b.rejections.map((r) => r.line))).toEqual([
      // A row reports the line it ends on: 2000's name breaks over two lines.
      2, 502, 1002, 1503, 2004, 2504,
    ]);
  });

  it('imports through the worker exactly what an import in this thread stores', () => {
    const inThread = testCore();
    const inWorker = testCore({ registerWorker: BUILT_WORKER });
    // The second file replaces the first: every resident of the first is deregistered.
    const replace = { allowMassDeregistration: true };
    for (const file of [bigFile(), fixtureBytes('padron-1252.csv')]) {
      expect(importFixture(inWorker, file, replace)).toEqual(
        importFixture(inThread, file, replace),
      );
      expect(unkeyedRows(inWorker)).toEqual(unkeyedRows(inThread));
    }
    // Hashed with this installation's key in the worker: the number lookup finds them.
    expect(
      inWorker.core.services.residents.findByDocumentNumber('74252101M').map((r) => r.resident_id),
    ).toEqual(['R001']);
  });

  it('stops the worker and keeps the old register on a malformed file or an abandoned import', () => {
    const t = testCore({ registerWorker: BUILT_WORKER });
    importFixture(t);
    const before = rows(t);
    const broken = csv([HEADER, 'A1,DNI,,Ana,Gil,,1980-01-01,F,ESP,,', 'A2,DNI,,"Unclosed,Gil']);
    expect(() => importFixture(t, broken)).toThrow(
      expect.objectContaining({
        code: 'register_unreadable_csv',
        params: expect.objectContaining({ line: 3 }),
      }),
    );
    const big = [HEADER];
    for (let i = 0; i < 12_000; i++) big.push(`B${i},,,Nombre,Apellido${i},,1970-01-01,,,,`);
    expect(() =>
      importFixture(t, csv(big), {
        onProgress: () => {
          throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(rows(t)).toEqual(before);
  });

  it('reads in this thread when the worker script is missing or dies while loading', () => {
    const dir = tempDir();
    const missing = pathToFileURL(join(dir, 'nowhere.js'));
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("cannot load");\n');
    for (const script of [missing, pathToFileURL(broken)]) {
      const got = collect((onBatch) =>
        readRecordBatchesInWorker(script, input(bigFile()), onBatch, 1_000),
      );
      expect(got).toEqual({ parsed: null, batches: [] });
    }
    const t = testCore({ registerWorker: missing });
    expect(importFixture(t)).toMatchObject({ imported: 39, rejected: 0 });
  });
});
