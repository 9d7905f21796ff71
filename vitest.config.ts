import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No test reaches the public Bluesky: unless a test starts its own PLC and PDS, lookups are
    // refused at once on loopback and records are saved as pending, as a counter offline would.
    env: {
      VENTANILLA_BLUESKY_RESOLVER: 'http://127.0.0.1:9',
      VENTANILLA_BLUESKY_PLC: 'http://127.0.0.1:9',
    },
  },
});
