// Rebuild the handler bundle before any test runs, so that handler tests always exercise the
// bundle exactly as it ships (assets/handler/index.js), never a stale one.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'bundle-handler.mjs')], { stdio: 'inherit' });
};
