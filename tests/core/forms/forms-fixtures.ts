import { runRetention } from '../../../src/core/privacy/retention-job';
import type { TestCore } from '../../helpers/test-core';
import type { FileEntryInput } from '../../../src/shared/contract/forms';

/** A valid street-incident filing for a typed-in non-resident. */
export const incidencia = (overrides: Partial<FileEntryInput> = {}): FileEntryInput => ({
  templateId: 'incidencia-via-publica',
  data: {
    type: 'lighting',
    location: 'Calle Real 12',
    description: 'La farola lleva una semana apagada.',
  },
  party: {
    kind: 'non_resident',
    name: 'Lucía Pérez Gómez',
    document: '12345678Z',
    contact: '600 111 222',
  },
  consent: true,
  ...overrides,
});

/** The smallest valid PNG (1×1), with a marker chunk so the test can look for its bytes. */
export const tinyPng = (marker: string): Buffer => {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, Buffer.from(`PLAINTEXT-MARKER-${marker}-`.repeat(20))]);
};

/** The retention job's run, as far as attachment files go. */
export const runAttachmentRetention = (
  t: TestCore,
): { removed: number; orphansRemoved: number } => {
  const { counts } = runRetention(t.core.deps);
  return { removed: counts.attachments, orphansRemoved: counts.orphanFiles };
};
