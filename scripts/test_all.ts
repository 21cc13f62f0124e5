// `npm test`: lint, typecheck, data build, unit tests and end-to-end tests; ends with "N passed, N failed".

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];

function run(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

/** A check that is one pass or one fail (lint, typecheck, data build). */
function check(name: string, cmd: string, args: string[]): boolean {
  const ok = run(cmd, args);
  ok ? total.passed++ : total.failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** A vitest run whose per-test results are counted from its JSON report. */
function suite(name: string, args: string[]): void {
  const out = `test-results/${name}.json`;
  rmSync(out, { force: true });
  const ok = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  if (!existsSync(out)) {
    total.failed++;
    summary.push(`FAIL ${name}: no report (the runner crashed)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A file that fails to load has no failed test but a failed suite: count it so it cannot pass silently.
  const failed = r.numFailedTests + (r.numFailedTests === 0 && !ok ? Math.max(1, r.numFailedTestSuites) : 0);
  total.passed += r.numPassedTests;
  total.failed += failed;
  total.skipped += r.numPendingTests + r.numTodoTests;
  summary.push(`${failed ? 'FAIL' : 'ok  '} ${name}: ${r.numPassedTests} passed, ${failed} failed`);
}

mkdirSync('test-results', { recursive: true });
const only = process.argv[2];
if (!only || only === 'static') {
  check('lint (biome)', 'npx', ['biome', 'check', '.']);
  check('typecheck (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.']);
}
const dataOk = check('data build', 'npm', ['run', '--silent', 'data']);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!only || only === 'unit') suite('unit', []);
if (!only || only === 'e2e') {
  if (!existsSync(chromium)) {
    total.failed++;
    summary.push(
      `FAIL e2e: not run, no Chromium at ${chromium} (Debian: apt-get install chromium; or set CHROMIUM_PATH)`,
    );
  } else if (dataOk) suite('e2e', ['--config', 'e2e/vitest.config.ts']);
  else {
    total.failed++;
    summary.push('FAIL e2e: not run, the data build failed');
  }
}
if (!only || only === 'e2e') {
  // The e2e run built dist/; without it, build now so the size budget is still checked.
  if (!existsSync('dist/index.html')) run('npx', ['vite', 'build', '--logLevel', 'warn']);
  check('initial JS size budget', 'npx', ['tsx', 'scripts/check_size.ts']);
}
console.log(`\n${summary.join('\n')}`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed ? 1 : 0);
