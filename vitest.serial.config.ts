import { defineConfig } from 'vitest/config';

// The collector's tests measure deadlines and signal handling of real shells: one file at a time.
export default defineConfig({
  test: {
    include: ['test/collector/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
