import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES } from '../../../src/shared/contract/residents';
import { testCore } from '../../helpers/test-core';
import { fixtureBytes } from './fixtures';

describe('residents operations through the dispatcher', () => {
  it('imports in slices with a dry-run report first; only managers and admins may', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk', 'ana');
    const manager = await t.signInAs('manager', 'marta');
    const bytes = fixtureBytes('padron-1252.csv');
    const half = Math.ceil(bytes.length / 2);
    const slice = { fileName: 'padron.csv', totalBytes: bytes.length };
    await expect(
      t.call(
        'residentsImportUpload',
        { ...slice, chunk: bytes.toString('base64'), last: true },
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const first = await t.call(
      'residentsImportUpload',
      { ...slice, chunk: bytes.subarray(0, half).toString('base64'), last: false },
      manager,
    );
    expect(first).toMatchObject({ phase: 'uploading', received: half, report: null });
    const ready = await t.call(
      'residentsImportUpload',
      { ...slice, job: first.id, chunk: bytes.subarray(half).toString('base64'), last: true },
      manager,
    );
    expect(ready.report).toMatchObject({ imported: 39, dry_run: true });
    expect((await t.call('residentsStats', {}, clerk)).active).toBe(0);
    // Another staff member cannot commit someone else's upload.
    const admin = await t.signInAs('admin', 'root');
    await expect(t.call('residentsImportCommit', { job: first.id }, admin)).rejects.toMatchObject({
      code: 'register_upload_not_found',
    });
    const report = await t.call('residentsImportCommit', { job: first.id }, manager);
    expect(report).toMatchObject({ imported: 39, dry_run: false });
    await expect(t.call('residentsImportCommit', { job: first.id }, manager)).rejects.toMatchObject(
      {
        code: 'register_upload_not_found',
      },
    );
    expect(IMPORT_CHUNK_BYTES).toBeGreaterThan(half);

    const [found] = await t.call('residentsSearch', { query: 'de la fuente' }, clerk);
    expect(found).toMatchObject({ resident_id: 'R002', document_masked: '***9673**' });
    expect(found).not.toHaveProperty('document_hash');
    expect(await t.call('residentsGet', { id: found?.id ?? 0 }, clerk)).toEqual(found);
    expect(
      (await t.call('residentsSearch', { query: '17/06/2000' }, clerk)).map((r) => r.resident_id),
    ).toEqual(['R002']);
    expect(
      (await t.call('residentsSearch', { query: '75996735-c' }, clerk)).map((r) => r.resident_id),
    ).toEqual(['R002']);
    expect(
      (await t.call('residentsSearch', { query: 'Sofía Fernández' }, clerk)).map(
        (r) => r.resident_id,
      ),
    ).toEqual(['R012']);
    const { candidates } = await t.call(
      'residentsMatch',
      {
        document_number: '75996735C',
        surnames: 'DE LA FUENTE ALVAREZ',
        given_names: 'SOFIA',
        birth_date: '2000-06-17',
      },
      clerk,
    );
    expect(candidates[0]).toMatchObject({ resident_id: 'R002', verdict: 'strong' });
  });

  it('refuses a slice longer than announced and forgets the upload', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    await expect(
      t.call(
        'residentsImportUpload',
        {
          fileName: 'x.csv',
          totalBytes: 3,
          chunk: Buffer.from('abcdef').toString('base64'),
          last: true,
        },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'register_upload_too_long' });
  });
});

describe('residents import uploads', () => {
  it('drops an upload whose dry run fails, so it can never be committed', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin', 'root');
    const bytes = Buffer.from('just;some;words\r\n1;2;3\r\n');
    const send = () =>
      t.call(
        'residentsImportUpload',
        {
          fileName: 'x.csv',
          totalBytes: bytes.length,
          chunk: bytes.toString('base64'),
          last: true,
        },
        admin,
      );
    await expect(send()).rejects.toMatchObject({ code: 'register_missing_columns' });
    // Four failed files in a row would otherwise fill every upload slot.
    for (let i = 0; i < 4; i++)
      await expect(send()).rejects.toMatchObject({ code: 'register_missing_columns' });
  });
});
