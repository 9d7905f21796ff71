import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // Every wait is on a condition; these only end a test that is truly stuck.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 90_000, interval: 100 } },
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One Chromium at a time on a 2-core machine.
    fileParallelism: false,
  },
});
