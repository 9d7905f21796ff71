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
    // No test reaches the public Bluesky: unless a test starts its own PLC and PDS, lookups are
    // refused at once on loopback and records are saved as pending, as a counter offline would.
    env: {
      VENTANILLA_BLUESKY_RESOLVER: 'http://127.0.0.1:9',
      VENTANILLA_BLUESKY_PLC: 'http://127.0.0.1:9',
    },
  },
});
