/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: false }] },
  // jsii compiles lib/ in place: lib/x.js and lib/x.d.ts sit beside lib/x.ts. TypeScript comes
  // first so that tests always run the sources, never a possibly stale build
  // (test/package/jest-resolution.test.ts checks this).
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
  testPathIgnorePatterns: ['/node_modules/', '\\.snapshot/'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/global-setup.js',
};
