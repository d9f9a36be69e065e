import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 10_000,
    hookTimeout: 10_000,
    // Tests inside a file run one at a time; files run in parallel, isolated by their key prefix.
    sequence: { concurrent: false },
    pool: "forks",
  },
});
