import { defineConfig } from 'vitest/config';

// Timing-sensitive suites run on their own afterwards, never beside the CPU-heavy ones: the
// collector's deadline and signal tests (vitest.serial.config.ts, `npm run test:serial`) and the
// real-kernel lab, whose QEMU guests load both cores for minutes (`npm run test:lab`), and the
// fix-apply lab, which applies generated fixes to installed distributions (`npm run test:fix-lab`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/lab/**', 'test/collector/**', 'test/fix-lab/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
