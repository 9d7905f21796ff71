import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleSignIn,
  consoleSignOut,
  CONSOLE_PASSWORD,
  expectAccessible,
  openSection,
  type RunningConsole,
  startConsole,
} from './console-harness';
import { ocrDocument } from '../helpers/ocr-document';
import { FakeClock, SYSTEM, testCore } from '../helpers/test-core';
import { cli, ROOT } from './harness';

const PADRON = join(ROOT, 'tests/fixtures/register/padron-utf8.csv');
const APP_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** The shipped template one version up, as IT would publish a revised form. */
const revisedTemplate = (): string => {
  const shipped = JSON.parse(
    readFileSync(join(ROOT, 'resources/forms/incidencia-via-publica.json'), 'utf8'),
  ) as { version: number };
  const path = join(mkdtempSync(join(tmpdir(), 'console-form-')), 'incidencia-v2.json');
  writeFileSync(path, JSON.stringify({ ...shipped, version: shipped.version + 1 }));
  return path;
};

const JUAN = { id: 'R001', number: '74252101M', expiry: '2034-01-01' };
const SOFIA = { id: 'R002', number: '75996735C', expiry: '2034-03-09' };

/** A counter (a real core with the fixture register) enrolled with the running central. */
const counterAt = async (url: string, code: string) => {
  // Real time: central checks signed requests' timestamps against its own clock.
  const t = testCore({ clock: new FakeClock(Date.now()) });
  t.core.services.residents.importCsv(readFileSync(PADRON), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await t.signInAs('clerk', 'clara');
  await t.core.services.sync.enrol(SYSTEM, url, code);
  return {
    save: (who: typeof JUAN, handle: string, proof: 'seen_on_device' | 'challenge_code') =>
      t.call(
        'verifySave',
        {
          residentId: who.id,
          document: ocrDocument({ document_number: who.number, expiry_date: who.expiry }),
          corrected: [],
          network: 'x',
          handle,
          proof,
          startedAt: t.clock.now().toISOString(),
        },
        clerk,
      ),
    sync: async () => expect((await t.core.services.sync.syncOnce()).reached).toBe(true),
    advance: (ms: number) => t.clock.advance(ms),
  };
};

describe("central's web console, by role, in Chromium", () => {
  let app: RunningConsole;
  beforeAll(async () => {
    app = await startConsole([
      { username: 'ana', role: 'official', name: 'Ana Ruiz' },
      { username: 'ivan', role: 'it', name: 'Iván Informática' },
      { username: 'dora', role: 'dpo', name: 'Dora Delegada' },
    ]);
  });
  afterAll(async () => app?.stop());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await app.screenshot(`console-failed-${ctx.task.name.slice(0, 30)}`);
  });

  it('signs in with the account made by `central staff add`; a wrong password is worded', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Acceso a la consola' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await app.screenshot('console-sign-in', 'console-sign-in.png');
    await page.getByLabel('Usuario').fill('ana');
    await page.getByLabel('Contraseña').fill('no-es-esta');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Usuario o contraseña incorrectos.' })
      .waitFor();
    await consoleSignIn(page, 'ana');
  });

  it('official: looks a handle up (not verified), each look-up audited', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Directorio de cuentas verificadas' }).waitFor();
    // Her menu has her screens only.
    const menu = page.getByRole('navigation', { name: 'Secciones de la consola' });
    expect(await menu.getByRole('button').allTextContents()).toEqual([
      'Directorio',
      'Solicitudes en línea',
      'Mi cuenta',
    ]);
    await page
      .getByLabel('Usuario, enlace o DID')
      .fill('https://bsky.app/profile/nadie.bsky.social');
    await page.getByRole('button', { name: 'Consultar' }).click();
    const row = page.getByRole('row').filter({ hasText: '@nadie.bsky.social' });
    await row.getByText('No verificada').waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('Bluesky');
    await expectAccessible(page, 'directory');
    await app.screenshot('console-directory', 'console-directory.png');
  });

  it('official: creates an online request and withdraws it', async () => {
    const { page } = app;
    await openSection(page, 'Solicitudes en línea', 'Solicitudes de verificación en línea');
    await page.getByLabel('Identificador en el padrón').fill('R-0001');
    await page.getByLabel('Red', { exact: true }).selectOption('mastodon');
    await page.getByLabel('Usuario', { exact: true }).fill('@lucia@mastodon.social');
    await page.getByRole('button', { name: 'Crear solicitud' }).click();
    await page.getByText('Solicitud creada para @lucia@mastodon.social.').waitFor();
    const row = page.getByRole('row').filter({ hasText: '@lucia@mastodon.social' });
    await row.getByText('Abierta').waitFor();
    await expectAccessible(page, 'requests');
    await app.screenshot('console-requests', 'console-requests.png');
    await row
      .getByRole('button', { name: 'Retirar la solicitud de @lucia@mastodon.social' })
      .click();
    await row.getByText('Retirada').waitFor();
    // A handle the network's rules refuse is worded as at the counter's desk.
    await page.getByLabel('Identificador en el padrón').fill('R-0002');
    await page.getByLabel('Red', { exact: true }).selectOption('x');
    await page.getByLabel('Usuario', { exact: true }).fill('no vale con espacios');
    await page.getByRole('button', { name: 'Crear solicitud' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/errors\.|sync_|invalid_handle/);
    await consoleSignOut(page);
  });

  it('IT: makes an enrolment code, a counter enrols with it and shows on the board; revoking it', async () => {
    const { page } = app;
    await consoleSignIn(page, 'ivan');
    await page.getByRole('heading', { name: 'Mostradores', level: 1 }).waitFor();
    await page.getByText('Aún no hay mostradores dados de alta.').waitFor();
    await page.getByLabel('Nombre del mostrador').fill('Mostrador 1');
    await page.getByRole('button', { name: 'Crear código' }).click();
    const code = (await page.locator('.enrolment-code code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}$/);
    await expectAccessible(page, 'enrolment code');
    const counterDir = mkdtempSync(join(tmpdir(), 'console-counter-'));
    const enrolled = cli(counterDir, ['enroll', '--central', app.url, '--code', code]);
    expect(enrolled.status, enrolled.stderr).toBe(0);
    expect(cli(counterDir, ['sync']).status).toBe(0);
    await openSection(page, 'Padrón', 'Padrón');
    await openSection(page, 'Mostradores', 'Mostradores');
    const row = page.getByRole('row').filter({ hasText: 'Mostrador 1' });
    await row.getByText('En línea').waitFor();
    // The version the counter reported with its push.
    expect(await row.getByRole('cell').nth(5).textContent()).toBe(APP_VERSION);
    await expectAccessible(page, 'devices');
    await app.screenshot('console-devices', 'console-devices.png');
    await row.getByRole('button', { name: 'Dar de baja Mostrador 1' }).click();
    await row.getByRole('button', { name: 'Confirmar la baja de Mostrador 1' }).click();
    await row.getByText('Dado de baja').waitFor();
    // The counter is refused on its next request.
    const refused = cli(counterDir, ['sync']);
    expect(refused.status).not.toBe(0);
  });

  it('IT: a dry run of the register shows the row report and changes nothing; then the import', async () => {
    const { page } = app;
    await openSection(page, 'Padrón', 'Padrón');
    const send = async () => {
      await page.getByLabel('Fichero del padrón (CSV)').setInputFiles(PADRON);
      await page.getByRole('button', { name: 'Enviar fichero' }).click();
    };
    const report = page.getByRole('status');
    await send();
    await report
      .getByText(/^Si confirma \(aún no se ha importado nada\) — nuevos: [1-9]/)
      .waitFor();
    const firstDry = await report.textContent();
    await expectAccessible(page, 'register dry run');
    await app.screenshot('console-register', 'console-register.png');
    // Checked again: still all new, so the dry run wrote nothing.
    await send();
    await expect.poll(() => report.textContent()).toBe(firstDry);
    await page.getByLabel('Solo comprobar (no importar)').uncheck();
    await send();
    await report.getByText(/^Importados [1-9]\d*, actualizados 0/).waitFor();
    await page.getByLabel('Solo comprobar (no importar)').check();
    await send();
    await report.getByText(/— nuevos: 0, actualizados: 0, sin cambios: [1-9]/).waitFor();
  });

  it('IT: publishes a revised form template', async () => {
    const { page } = app;
    await openSection(page, 'Plantillas de formularios', 'Plantillas de formularios');
    await page.getByLabel('Plantilla (JSON)').setInputFiles(revisedTemplate());
    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.getByText(/Publicada la versión \d+ de «incidencia-via-publica»/).waitFor();
    await expectAccessible(page, 'forms');
    await app.screenshot('console-forms', 'console-forms.png');
    await consoleSignOut(page);
  });

  it('DPO: conflicts, pending proofs, revocations and the audit log with its filters', async () => {
    const { page } = app;
    // Two counters verify one handle for two residents; one leaves a challenge pending.
    const codeOf = (out: string) => /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(out)?.[0] ?? '';
    const a = await counterAt(app.url, codeOf(await app.central(['enroll-device', 'Mostrador A'])));
    const b = await counterAt(app.url, codeOf(await app.central(['enroll-device', 'Mostrador B'])));
    await a.save(JUAN, '@en_disputa', 'seen_on_device');
    await a.sync();
    b.advance(1000);
    await b.save(SOFIA, '@En_Disputa', 'seen_on_device');
    const pending = await b.save(JUAN, '@juan_codigo', 'challenge_code');
    await b.sync();

    await consoleSignIn(page, 'dora');
    await openSection(page, 'Conflictos', 'Conflictos');
    const conflict = page.getByRole('row').filter({ hasText: '@en_disputa' });
    await conflict.getByText('Abierto', { exact: true }).waitFor();
    await expectAccessible(page, 'conflicts');
    await app.screenshot('console-conflicts', 'console-conflicts.png');
    await conflict
      .getByLabel('Motivo de la decisión sobre @en_disputa')
      .fill('La titular acreditó la cuenta en persona');
    await conflict.getByRole('button', { name: 'Transferir' }).click();
    await page.getByText('Conflicto de @en_disputa resuelto: cuenta transferida.').waitFor();
    await conflict.getByText('Transferido').waitFor();

    await openSection(page, 'Pruebas pendientes', 'Pruebas pendientes');
    const proof = page.getByRole('row').filter({ hasText: '@juan_codigo' });
    await proof.getByRole('cell', { name: 'Mostrador B' }).waitFor();
    await expectAccessible(page, 'proofs');
    await app.screenshot('console-proofs', 'console-proofs.png');
    await proof.getByLabel('Código visto para @juan_codigo').fill('VNT-AAA-AAA');
    await proof.getByRole('button', { name: 'Confirmar' }).click();
    await proof.getByRole('alert').filter({ hasText: 'El código no coincide' }).waitFor();
    await proof.getByLabel('Código visto para @juan_codigo').fill(pending.challengeCode ?? '');
    await proof.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Prueba de @juan_codigo confirmada', { exact: false }).waitFor();
    await openSection(page, 'Revocaciones', 'Revocaciones');
    await page.getByLabel('Usuario, enlace o DID').fill('@nadie.bsky.social');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('No hay verificaciones de «@nadie.bsky.social».').waitFor();
    await expectAccessible(page, 'revocations');
    await app.screenshot('console-revocations', 'console-revocations.png');

    await openSection(page, 'Registro de auditoría', 'Registro de auditoría de la central');
    const table = page.getByRole('table');
    await table.getByText('Consulta al directorio').first().waitFor();
    await page.getByLabel('Acción').selectOption('directory.lookup');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect
      .poll(async () => new Set(await table.locator('tbody td:nth-child(2)').allTextContents()))
      .toEqual(new Set(['Consulta al directorio']));
    expect(await table.locator('tbody').textContent()).toContain('official: ana');
    await expectAccessible(page, 'audit');
    await app.screenshot('console-audit', 'console-audit.png');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportar CSV' }).click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid;at;action;device_id;detail');
    expect(csv).toContain('directory.lookup');
    expect(csv).not.toContain('console.sign_in;');
  });

  it('locks on request and when idle, unlocks with the password; the menu is in English on request', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Bloquear' }).click();
    await page.getByRole('heading', { name: 'Sesión bloqueada' }).waitFor();
    await expectAccessible(page, 'locked');
    await page.getByLabel('Contraseña').fill(CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('navigation', { name: 'Secciones de la consola' }).waitFor();
    // Left alone past the idle limit central gives (10 min), the screen locks itself.
    await page.clock.install();
    await page.keyboard.press('Shift');
    await page.clock.fastForward('10:30');
    await page.getByRole('heading', { name: 'Sesión bloqueada' }).waitFor();
    await page.getByLabel('Contraseña').fill(CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('navigation', { name: 'Secciones de la consola' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
    await expectAccessible(page, 'english');
    expect(app.pageErrors).toEqual([]);
  });
});
