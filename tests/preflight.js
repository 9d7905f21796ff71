#!/usr/bin/env node
// Checks the system packages `npm test` needs before anything runs, so a fresh machine gets one
// line saying what to install instead of minutes of unrelated-looking failures.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const onPath = (name, env) =>
  (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const tesseractHasSpanish = (env) => {
  if (!onPath('tesseract', env)) return false;
  const run = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8', env });
  return /^spa$/m.test(`${run.stdout}\n${run.stderr}`);
};

/** Resolves when something listens at the test database's host and port. */
const postgresReachable = (url) =>
  new Promise((resolve) => {
    let target;
    try {
      target = new URL(url);
    } catch {
      return resolve(false);
    }
    const socket = connect({ host: target.hostname, port: Number(target.port || 5432) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

const POPPLER = ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts'];

/**
 * The packages .ci/run installs, each check naming the Debian package that provides it.
 * Returns what is missing as `{ what, pkg }`.
 */
export const findMissing = async (env = process.env) => {
  const missing = [];
  if (!existsSync('/usr/bin/chromium'))
    missing.push({ what: '/usr/bin/chromium', pkg: 'chromium' });
  if (!existsSync('/usr/share/fonts/opentype/ocr-b/OCRB.otf'))
    missing.push({ what: 'the OCR-B font', pkg: 'fonts-ocr-b' });
  if (!existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
    missing.push({ what: 'the DejaVu fonts', pkg: 'fonts-dejavu-core' });
  // The second card generator draws its text in these, never in the first generator's face.
  if (!existsSync('/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf'))
    missing.push({ what: 'the Liberation fonts', pkg: 'fonts-liberation2' });
  if (!existsSync('/usr/share/fonts/truetype/freefont/FreeSans.ttf'))
    missing.push({ what: 'the FreeFont fonts', pkg: 'fonts-freefont-ttf' });
  for (const tool of POPPLER)
    if (!onPath(tool, env)) missing.push({ what: tool, pkg: 'poppler-utils' });
  if (!onPath('tesseract', env)) missing.push({ what: 'tesseract', pkg: 'tesseract-ocr' });
  if (!tesseractHasSpanish(env))
    missing.push({ what: 'tesseract Spanish data (spa)', pkg: 'tesseract-ocr-spa' });
  const pgUrl = env.VENTANILLA_TEST_DATABASE_URL;
  if (!pgUrl) missing.push({ what: 'VENTANILLA_TEST_DATABASE_URL', pkg: 'postgresql' });
  else if (!(await postgresReachable(pgUrl)))
    missing.push({ what: `PostgreSQL at ${new URL(pgUrl).host}`, pkg: 'postgresql' });
  return missing;
};

/** The single line a person reads: what is missing and the exact command that installs it. */
export const describeMissing = (missing) => {
  const packages = [...new Set(missing.map((m) => m.pkg))];
  const pg = packages.includes('postgresql')
    ? ', then create the test database and export VENTANILLA_TEST_DATABASE_URL as .ci/run does'
    : '';
  return (
    `npm test cannot run: missing ${missing.map((m) => m.what).join(', ')}. ` +
    `Install as root with: apt-get install -y --no-install-recommends ${packages.join(' ')}${pg}.`
  );
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = await findMissing();
  if (missing.length > 0) {
    console.error(describeMissing(missing));
    process.exit(3);
  }
}
