// Rebuild the handler and CLI bundles before any test runs, so that tests always exercise the
// bundles exactly as they ship (assets/handler/index.js, assets/cli/index.js), never stale ones.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  for (const script of ['bundle-handler.mjs', 'bundle-cli.mjs']) {
    execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', script)], { stdio: 'inherit' });
  }
};
