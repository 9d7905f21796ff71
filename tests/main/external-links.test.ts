import { describe, expect, it, vi } from 'vitest';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void opened.push(url) },
}));

const { isAllowedExternalUrl, openExternalSafely, EXTERNAL_ORIGINS } =
  await import('../../src/main/external-links');

describe('shell.openExternal allow-list', () => {
  it('accepts only https URLs on an allow-listed origin', () => {
    expect(EXTERNAL_ORIGINS.every((o) => o.startsWith('https://'))).toBe(true);
    expect(isAllowedExternalUrl('https://www.aepd.es/derechos-y-deberes')).toBe(true);
    expect(isAllowedExternalUrl('https://www.boe.es/')).toBe(true);
    for (const url of [
      'http://www.aepd.es/',
      'https://www.aepd.es.evil.example/',
      'https://evil.example/?u=https://www.aepd.es',
      'https://user:pw@www.aepd.es/',
      'https://www.aepd.es:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-settings:privacy',
      'smb://server/share',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('calls the shell only for allowed URLs', async () => {
    await expect(openExternalSafely('https://sede.administracion.gob.es/')).resolves.toBe(true);
    await expect(openExternalSafely('file:///C:/Windows/System32/calc.exe')).resolves.toBe(false);
    await expect(openExternalSafely('https://evil.example/')).resolves.toBe(false);
    expect(opened).toEqual(['https://sede.administracion.gob.es/']);
  });
});
