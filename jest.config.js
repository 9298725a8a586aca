/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: false }] },
  testPathIgnorePatterns: ['/node_modules/', '\\.snapshot/'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/global-setup.js',
};
