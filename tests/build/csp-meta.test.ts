import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

const directives = (policy: string) => policy.split(';').map((d) => d.trim());

describe("the page's own CSP meta tag", () => {
  it("is the servers' policy, less what a meta tag cannot say (frame-ancestors)", () => {
    const html = readFileSync(
      resolve(import.meta.dirname, '../../src/renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    // Both apply to the page; a directive missing from either blocks what the other allows.
    expect(directives(meta)).toEqual(
      directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')),
    );
  });
});
