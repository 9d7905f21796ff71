#!/usr/bin/env node
// Electronegativity gate: scans the Electron app (main, preload, renderer, shared, package.json)
// and fails on any finding of MEDIUM severity or above, or on any file it could not parse.
// Electronegativity itself exits 0 whatever it finds, and its CLI does not start with the
// commander this project uses, so this calls its runner directly.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['src/main', 'src/preload', 'src/renderer', 'src/shared', 'package.json'];
const REPORT = join(ROOT, 'test-artifacts', 'electronegativity.json');
const FAIL_AT = 2; // electronegativity's severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
).version;

// `node tests/security/electronegativity.js DIR` scans DIR instead (the gate's own test uses it).
const target = process.argv[2] ? resolve(process.argv[2]) : undefined;
// Otherwise a copy of just the app, so the scan sees package.json (the Electron version) and
// no node_modules.
const stage = target ?? mkdtempSync(join(tmpdir(), 'ventanilla-eng-'));
try {
  if (!target) {
    for (const path of SCANNED) cpSync(join(ROOT, path), join(stage, path), { recursive: true });
  }
  const result = await run({
    input: stage,
    output: null,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    severityValue: issue.severity.value,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location?.line ?? 0,
    description: issue.description,
    manualReview: issue.manualReview,
  }));
  const blocking = findings.filter((f) => f.severityValue >= FAIL_AT);
  const unparsed = result.errors.filter((e) => !e.tolerable);

  // The report is the app's; a scan of another folder only prints.
  if (!target) {
    const report = { electronVersion, findings, errors: result.errors };
    mkdirSync(dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, JSON.stringify(report, null, 2));
  }
  console.log(
    `electronegativity: ${result.atomicChecks + result.globalChecks} checks on Electron ${electronVersion}, ${findings.length} findings, ${blocking.length} at MEDIUM or above`,
  );
  for (const f of findings) {
    console.log(`  ${f.severity} ${f.confidence} ${f.id} ${f.file}:${f.line} ${f.description}`);
  }
  for (const e of unparsed) console.log(`  could not parse ${e.file}: ${e.message}`);
  process.exitCode = blocking.length === 0 && unparsed.length === 0 ? 0 : 1;
} finally {
  if (!target) rmSync(stage, { recursive: true, force: true });
}
