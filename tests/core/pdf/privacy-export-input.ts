import type { PrivacyExport } from '../../../src/shared/contract/privacy';

/** A privacy export of one synthetic resident whose given names are `givenNames`, nothing else. */
export const privacyExportWith = (givenNames: string): PrivacyExport => ({
  residentId: 'P1',
  generatedAt: '2026-03-02T09:00:00.000Z',
  register: {
    givenNames,
    surname1: 'Gil',
    surname2: null,
    documentType: 'DNI',
    documentMasked: '***4567**',
    birthDate: '1980-01-01',
    sex: null,
    nationality: 'ESP',
    address: null,
    district: null,
    status: 'active',
    deregisteredOn: null,
  },
  verifications: [],
  requests: [],
  conflicts: [],
  registryEntries: [],
  failedLookups: [],
  audit: [],
});
