import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: a busy machine (CI, or several test runs at once) must slow tests down, not fail them.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Two cores: run files in parallel, but not more workers than cores.
    maxWorkers: 2,
    env: {
      LOG_LEVEL: 'SILENT',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      CDK_DISABLE_CLI_TELEMETRY: '1',
    },
  },
});
