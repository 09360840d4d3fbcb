import { defineConfig } from 'vitest/config';

// The fix-apply lab (test/fix-lab/, `npm run test:fix-lab`): a real installed Debian 12 booted under
// QEMU, its report's fix plan applied and the host rebooted, scenario after scenario. It loads the
// machine for tens of minutes, so it runs on its own, after the other suites.
export default defineConfig({
  test: {
    include: ['test/fix-lab/**/*.test.ts'],
    env: { FIXLAB_SUITE: '1' },
    testTimeout: 60_000,
    hookTimeout: 150 * 60_000,
    pool: 'forks',
  },
});
