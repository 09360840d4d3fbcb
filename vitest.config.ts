import { defineConfig } from 'vitest/config';

// The real-kernel lab boots QEMU guests that load both cores for minutes: it runs on its own
// afterwards (vitest.lab.config.ts, `npm run test:lab`) so timing-sensitive tests (collector
// timeouts) never share the machine with it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/lab/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
