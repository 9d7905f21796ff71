import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import { opAppliers } from '../../src/central/op-appliers';
import { publishTemplate } from '../../src/central/templates/service';
import type { FormTemplate } from '../../src/shared/contract/forms';
import { isAppError } from '../../src/shared/errors';
import { translateError } from '../../src/shared/i18n';
import { incidencia } from '../core/forms/forms-fixtures';
import { runCliCaptured } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { SYSTEM, testCore } from '../helpers/test-core';
import { type RunningCentral, startCentral, storeVariants } from './harness';

const shipped = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../resources/forms/incidencia-via-publica.json'),
    'utf8',
  ),
) as FormTemplate;

/** Version 2 asks for a reference number as well. */
const version2: FormTemplate = {
  ...shipped,
  version: shipped.version + 1,
  fields: [
    ...shipped.fields,
    {
      name: 'reference',
      kind: 'text',
      label: { es: 'Referencia', en: 'Reference' },
      required: false,
      maxLength: 40,
    },
  ],
};
const bytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

const counter = async (central: RunningCentral) => {
  const t = testCore();
  const { code } = await createEnrolmentCode(central.store, 'Mostrador', new Date());
  await t.core.services.sync.enrol(SYSTEM, central.url, code);
  return t;
};

const refusal = async (run: Promise<unknown>): Promise<string> => {
  const e: unknown = await run.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error('expected a refusal');
  return translateError('en', e.toShape());
};

describe.each(storeVariants)('form templates published at central ($name)', (variant) => {
  it.skipIf(variant.skip)(
    'reach every counter by pull; entries keep the version they were filed with; only newer versions publish',
    async () => {
      const central = await startCentral(variant, opAppliers);
      try {
        const t = await counter(central);
        const clerk = await t.signInAs('clerk');
        const before = await t.call('formsFile', incidencia(), clerk);

        const published = await publishTemplate(central.store, bytes(version2));
        expect(published).toMatchObject({ id: shipped.id, version: shipped.version + 1 });
        const run = await t.core.services.sync.syncOnce();
        expect(run.error).toBeNull();
        expect(run.report.rejected).toBe(0);

        const current = t.core.services.forms.templates().find((x) => x.id === shipped.id);
        expect(current?.version).toBe(version2.version);
        expect(current?.fields.map((f) => f.name)).toContain('reference');
        const after = await t.call(
          'formsFile',
          incidencia({ data: { ...incidencia().data, reference: 'A-7' } }),
          clerk,
        );
        expect(t.core.services.forms.get(before.entryId).templateVersion).toBe(shipped.version);
        expect(t.core.services.forms.get(after.entryId).templateVersion).toBe(version2.version);
        // Applied once: the counter's audit has one update, however often it syncs.
        await t.core.services.sync.syncOnce();
        expect(
          t.core.deps.db
            .prepare(`SELECT count(*) FROM audit_log WHERE action = 'forms.template_updated'`)
            .pluck()
            .get(),
        ).toBe(1);

        // A counter enrolled later gets it too.
        const late = await counter(central);
        await late.core.services.sync.syncOnce();
        expect(late.core.services.forms.templates().find((x) => x.id === shipped.id)?.version).toBe(
          version2.version,
        );

        // Same or older version, or something that is not a template: refused, nothing emitted.
        expect(await refusal(publishTemplate(central.store, bytes(version2)))).toBe(
          `Version ${version2.version} of "${shipped.id}" is not new: the latest is ${version2.version}. Raise the version number.`,
        );
        expect(await refusal(publishTemplate(central.store, bytes(shipped)))).toContain(
          'is not new',
        );
        expect(
          await refusal(
            publishTemplate(central.store, bytes({ ...version2, version: 9, fields: 'x' })),
          ),
        ).toMatch(
          /^The file is not a valid form template \(fields: .+\)\. Nothing was published\.$/,
        );
        expect(await refusal(publishTemplate(central.store, Buffer.from('%PDF-1.7')))).toBe(
          'The file is not a valid form template (JSON). Nothing was published.',
        );
        const changes = await central.store.query<{ n: string | number }>(
          `SELECT count(*) AS n FROM changes WHERE type = 'forms.template'`,
        );
        expect(Number(changes[0]?.n)).toBe(1);
        const audit = await central.store.query<{ n: string | number }>(
          `SELECT count(*) AS n FROM central_audit WHERE action = 'template.published'`,
        );
        expect(Number(audit[0]?.n)).toBe(1);
      } finally {
        await central.close();
      }
    },
    120_000,
  );
});

describe('ventanilla central forms publish', () => {
  it('publishes with --json and refuses a bad file with the translated error', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'plantilla.json');
    writeFileSync(file, JSON.stringify(version2));
    const run = (lang: string) =>
      runCliCaptured(['--data-dir', dataDir, 'central', 'forms', 'publish', file, '--json'], {
        VENTANILLA_LANG: lang,
      });
    const ok = await run('en');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ id: shipped.id, version: version2.version });
    const again = await run('es');
    expect(again.code).not.toBe(0);
    expect(again.err).toContain(`La versión ${version2.version} de «${shipped.id}» no es nueva`);
  }, 120_000);
});
