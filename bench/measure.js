// Preloaded (node --expose-gc -r) into each benchmark process: when the process exits, writes what
// it cost to the file named by BENCH_MEASURE_FILE, as JSON `{ ms, cpuMs, peakRssMb, heapMb }`:
//   ms         time since the process started (performance.timeOrigin), Node.js start-up included
//   cpuMs      CPU time of the process (user + system, all threads): steadier than `ms` on a busy machine
//   peakRssMb  VmHWM, the high-water mark of resident memory; not resourceUsage().maxRSS, which on
//              Linux still counts the forked parent's memory from before exec
//   heapMb     JavaScript heap still in use after a full GC at exit (the app and its construct tree
//              are still referenced then): a steadier view of memory per construct than the peak
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const file = process.env.BENCH_MEASURE_FILE;
if (!file) throw new Error('bench/measure.js: BENCH_MEASURE_FILE is not set');

process.on('exit', (code) => {
  const ms = performance.now();
  const { user, system } = process.cpuUsage();
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  let heapMb = null;
  if (typeof global.gc === 'function') {
    global.gc();
    heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  }
  fs.writeFileSync(file, JSON.stringify({ ms, cpuMs: (user + system) / 1000, peakRssMb: kb ? Number(kb[1]) / 1024 : null, heapMb, code }));
});
