import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wireCore } from '../src/core/app/wire-core';
import { hashDocumentNumber } from '../src/core/privacy/document-number';
import { documentKey } from '../src/core/residents/rows';

/**
 * `npm run bench -- register [sizes]` (default `100000,1000000`): import time of a synthetic
 * register, then p50/p99 of exact-number and name + birth-date lookups and of the typed search, each against a raw
 * indexed SQLite query on the same database in the same run, then the same file re-imported. The file is read by the built
 * worker thread, as in the app (bin/bench.js builds first).
 */
const registerWorker = new URL('../out/main/register-import-worker.js', import.meta.url);
if (!existsSync(registerWorker)) throw new Error('Build first: npm run build');
const sizes = (process.argv.slice(2).find((a) => /^\d/.test(a)) ?? '100000,1000000')
  .split(',')
  .map(Number);
const SAMPLES = Number(process.env.REGISTER_BENCH_SAMPLES ?? 1000);
const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const SURNAMES = [
  'García',
  'Martínez',
  'López',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Muñoz',
  'Núñez',
  'Ibáñez',
  'del Olmo',
  'de la Fuente',
  'Castaño',
  'Ruiz',
  'Jiménez',
  'Fernández',
  'Díaz',
  'Moreno',
  'Álvarez',
  'Romero',
  'de las Heras',
  'Peña',
  'Vallejo',
  'Cázares',
  'Quesada',
  'Llorente',
  'Herrera',
  'Vázquez',
  'Zamora',
  'Giménez',
  'Bravo',
  'Domínguez',
  'Serrano',
];
const GIVEN = [
  'María',
  'Carmen',
  'Lucía',
  'Ana Belén',
  'María José',
  'Inés',
  'Nuria',
  'Sofía',
  'José',
  'Ángel',
  'Juan Carlos',
  'Iñaki',
  'Ramón',
  'Jesús',
  'Miguel',
  'Óscar',
  'Rocío',
  'Guillermo',
  'Yolanda',
  'Celia',
];

// mulberry32: a fixed seed, so every run imports the same register. (The earlier LCG kept its
// low bits, which cycle fast: a million residents had ~1,100 birth dates and ~120 names.)
let seed = 42;
const rand = (n: number): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
};

interface Person {
  dni: string;
  surname1: string;
  surname2: string;
  given: string;
  birth: string;
}

const person = (i: number): Person => {
  const digits = String(10_000_000 + i * 7).padStart(8, '0');
  const y = 1925 + rand(98);
  const m = String(1 + rand(12)).padStart(2, '0');
  const d = String(1 + rand(28)).padStart(2, '0');
  return {
    dni: digits + LETTERS[Number(digits) % 23],
    surname1: SURNAMES[rand(SURNAMES.length)] ?? '',
    surname2: SURNAMES[rand(SURNAMES.length)] ?? '',
    given: GIVEN[rand(GIVEN.length)] ?? '',
    birth: `${y}-${m}-${d}`,
  };
};

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

const time = (fn: () => unknown): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

const fmt = (ms: number): string =>
  ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;

for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-bench-register-'));
  const core = wireCore({ dataDir: dir, log: () => undefined, registerWorker });
  try {
    const people: Person[] = [];
    const lines = [
      'NUM_INSCRIPCION;DNI/NIE;NOMBRE;APELLIDO1;APELLIDO2;FECHA_NACIMIENTO;SEXO;DOMICILIO;DISTRITO',
    ];
    for (let i = 0; i < n; i++) {
      const p = person(i);
      if (i % Math.ceil(n / SAMPLES) === 0) people.push(p);
      const [y, m, d] = p.birth.split('-');
      lines.push(
        `${i + 1};${p.dni};${p.given};${p.surname1};${p.surname2};${d}/${m}/${y};${i % 2 ? 'H' : 'M'};C/ Mayor, ${i % 300};${i % 9}`,
      );
    }
    const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
    lines.length = 0;
    const residents = core.services.residents;
    const importMs = time(() =>
      residents.importCsv(bytes, {
        actor: { staffId: null, username: 'bench', role: 'system' },
        fileName: 'bench.csv',
      }),
    );

    const key = core.deps.keys.hmacKey;
    // The same index probe the app makes: integer key, then the whole hash compared.
    const rawByHash = core.deps.db.prepare(
      'SELECT * FROM residents WHERE document_key = ? AND document_hash = ?',
    );
    // The index probe the matcher itself starts from for a name + birth-date lookup.
    const rawByBirth = core.deps.db.prepare('SELECT * FROM residents WHERE birth_date = ?');
    const hashes = people.map((p) => hashDocumentNumber(key, p.dni));
    const runs = {
      raw: [] as number[],
      exact: [] as number[],
      matchNumber: [] as number[],
      rawBirth: [] as number[],
      nameBirth: [] as number[],
      searchFull: [] as number[],
      searchGiven: [] as number[],
      searchId: [] as number[],
    };
    // Two rounds, keeping the second: the first warms the page cache for every path alike.
    for (let round = 0; round < 2; round++) {
      for (const k of Object.values(runs)) k.length = 0;
      people.forEach((p, i) => {
        const residentId = String(i * Math.ceil(n / SAMPLES) + 1);
        const hash = hashes[i] ?? '';
        runs.raw.push(time(() => rawByHash.all(documentKey(hash), hash)));
        runs.exact.push(time(() => residents.findByDocumentNumber(p.dni)));
        runs.matchNumber.push(
          time(() =>
            residents.match({
              document_number: p.dni,
              surnames: `${p.surname1} ${p.surname2}`,
              given_names: p.given,
              birth_date: p.birth,
            }),
          ),
        );
        runs.rawBirth.push(time(() => rawByBirth.all(p.birth)));
        runs.nameBirth.push(
          time(() =>
            residents.match({
              surnames: `${p.surname1} ${p.surname2}`,
              given_names: p.given,
              birth_date: p.birth,
            }),
          ),
        );
        // What a clerk types on the Residents screen: a whole name, one given name, an id.
        runs.searchFull.push(
          time(() => residents.search(`${p.given} ${p.surname1} ${p.surname2}`, 25)),
        );
        runs.searchGiven.push(time(() => residents.search(p.given, 25)));
        runs.searchId.push(time(() => residents.search(residentId, 25)));
      });
    }
    const p99 = (xs: number[]) => percentile(xs, 0.99);
    const line = (label: string, xs: number[], base: number[]) =>
      `  ${label.padEnd(36)} p50 ${fmt(percentile(xs, 0.5)).padStart(9)}  p99 ${fmt(p99(xs)).padStart(9)}  (${(p99(xs) / p99(base)).toFixed(2)}× raw p99)`;
    console.log(`\n${n.toLocaleString('en')} residents`);
    console.log(
      `  import                               ${(importMs / 1000).toFixed(1)} s (${Math.round(n / (importMs / 1000)).toLocaleString('en')} rows/s)  target < 30 s at 1M`,
    );
    console.log(line('raw indexed lookup by hash', runs.raw, runs.raw));
    console.log(line('exact-number lookup', runs.exact, runs.raw));
    console.log(line('match(document) with number', runs.matchNumber, runs.raw));
    console.log(line('raw indexed lookup by birth date', runs.rawBirth, runs.rawBirth));
    console.log(line('match name + birth date', runs.nameBirth, runs.rawBirth));
    console.log(line('search whole name', runs.searchFull, runs.rawBirth));
    console.log(line('search one given name', runs.searchGiven, runs.rawBirth));
    console.log(line('search inscription id', runs.searchId, runs.rawBirth));
    // The monthly case: the same export again, every resident compared and found unchanged.
    const reimportMs = time(() =>
      residents.importCsv(bytes, {
        actor: { staffId: null, username: 'bench', role: 'system' },
        fileName: 'bench.csv',
      }),
    );
    console.log(
      `  re-import, nothing changed           ${(reimportMs / 1000).toFixed(1)} s (${(reimportMs / importMs).toFixed(2)}× the first import)`,
    );
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
