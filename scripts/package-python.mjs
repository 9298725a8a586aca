// Generates the Python bindings from the jsii assembly (.jsii, written by `npm run build`) with
// jsii-pacmak into dist/python, then checks them: every generated .py file must compile
// (python3 -m py_compile) and every type of the assembly must be a class of the Python module.
// Code only (--code-only): building a wheel needs packages from PyPI, which this machine cannot reach.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assemblyFile = path.join(root, '.jsii');
const outdir = path.join(root, 'dist');
const pythonDir = path.join(outdir, 'python');

if (!fs.existsSync(assemblyFile)) {
  console.error('no .jsii assembly: run `npm run build` first (or `npm run package:python`, which builds)');
  process.exit(1);
}
const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf8'));
const pythonModule = assembly.targets?.python?.module;
if (!pythonModule) throw new Error('the assembly has no python target: set jsii.targets.python in package.json');

fs.rmSync(pythonDir, { recursive: true, force: true });
execFileSync(process.execPath, [
  path.join(root, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'),
  '--targets', 'python', '--code-only', '--outdir', outdir,
  // package.json's `files` decides what the npm tarball holds; pacmak must not write an .npmignore.
  '--no-npmignore',
  // Otherwise an unchanged fingerprint would skip generation and leave nothing to check.
  '--force',
], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
    // pacmak embeds `npm pack` of this package; the tree is already built, so prepack would only
    // build it a second time.
    npm_config_ignore_scripts: 'true',
  },
});

const pyFiles = filesUnder(pythonDir).filter((file) => file.endsWith('.py'));
if (pyFiles.length === 0) throw new Error(`jsii-pacmak generated no .py file under ${pythonDir}`);
// Bytecode goes to a temporary directory: dist/python stays exactly what pacmak generated.
const pycache = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-cases-pycache-'));
try {
  execFileSync('python3', ['-m', 'py_compile', ...pyFiles], { stdio: 'inherit', env: { ...process.env, PYTHONPYCACHEPREFIX: pycache } });
} finally {
  fs.rmSync(pycache, { recursive: true, force: true });
}

// Every class, interface and enum of the assembly has a Python class of the same name (pacmak keeps
// type names), in the module's __init__.py or a submodule's.
const moduleSource = pyFiles.filter((file) => path.basename(file) === '__init__.py')
  .map((file) => fs.readFileSync(file, 'utf8')).join('\n');
const missing = Object.values(assembly.types ?? {})
  .map((type) => type.name)
  .filter((name) => !new RegExp(`^class ${name}\\b`, 'm').test(moduleSource));
if (missing.length > 0) throw new Error(`types of the assembly missing from the Python module ${pythonModule}: ${missing.join(', ')}`);

console.log(`python: ${pyFiles.length} generated files compile; module ${pythonModule} defines all ${Object.keys(assembly.types ?? {}).length} types of the assembly (${path.relative(root, pythonDir)})`);

// The README's Python example: it must compile, and every name it imports from the module and every
// `Class.method(` it calls on one must exist in the generated bindings (it cannot be run here: its
// imports need aws-cdk-lib and jsii from PyPI).
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const pythonExamples = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1]);
if (pythonExamples.length === 0) throw new Error('README.md has no ```python example');
pythonExamples.forEach((example, index) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readme-python-')), `example${index}.py`);
  fs.writeFileSync(file, example);
  execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'inherit' });
  const imported = [...example.matchAll(new RegExp(`from ${pythonModule} import \\(([^)]*)\\)`, 'g'))]
    .flatMap((match) => match[1].split(',').map((name) => name.trim()).filter(Boolean));
  const unknownImports = imported.filter((name) => !new RegExp(`^class ${name}\\b`, 'm').test(moduleSource));
  const calls = [...example.matchAll(/\b([A-Z]\w*)\.([a-z_]\w*)\(/g)].filter(([, cls]) => imported.includes(cls));
  const unknownCalls = calls.map(([, cls, method]) => `${cls}.${method}`)
    .filter((call) => !new RegExp(`def ${call.split('.')[1]}\\(`).test(moduleSource));
  if (imported.length === 0 || unknownImports.length > 0 || unknownCalls.length > 0) {
    throw new Error(`README.md's Python example ${index + 1} uses what the bindings lack: ${[...unknownImports, ...unknownCalls].join(', ') || 'it imports nothing from ' + pythonModule}`);
  }
  console.log(`python: README example ${index + 1} compiles; its ${imported.length} imports and ${calls.length} calls exist in ${pythonModule}`);
});

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
