import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { languages } from '../../shared/i18n/define';
import { createEnrolmentCode } from '../enrolment/service';
import { deviceBoard, revokeDevice } from '../devices/service';
import type { CentralStore } from '../db/store';
import { importRegisterAtCentral } from '../register/service';
import { publishTemplate } from '../templates/service';
import { jsonBody, parsed } from '../http/body';
import { type ConsoleContext, consoleSession, handle } from './guard';
import { refuse } from '../http/errors';

/** A counter that pushed or pulled this recently is shown online (they sync every few minutes). */
export const ONLINE_WINDOW_MS = 15 * 60_000;
// A padrón file as base64 in one request: the console's upload, not a counter's push.
const UPLOAD_LIMIT = 96 * 1024 * 1024;

const NewCode = z.object({ name: z.string().trim().min(1).max(200) });
const IdParams = z.object({ id: z.string().min(1).max(100) });
const RegisterUpload = z.object({
  file_base64: z.string().min(1).max(UPLOAD_LIMIT),
  file_name: z.string().min(1).max(500),
  dry_run: z.boolean(),
  allow_mass_deregistration: z.boolean().default(false),
  language: z.enum(languages),
});
const TemplateUpload = z.object({
  file_base64: z
    .string()
    .min(1)
    .max(4 * 1024 * 1024),
});

/** The town IT's screens: counters, enrolment codes, revocation, the padrón, form templates. */
export const itRoutes = (app: FastifyInstance, ctx: ConsoleContext, store: CentralStore): void => {
  app.get(
    '/console/api/devices',
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'devices' });
      const now = ctx.now().getTime();
      const { devices } = await deviceBoard(store);
      return {
        devices: devices.map((d) => ({
          ...d,
          online:
            d.revoked_at === null &&
            d.last_seen_at !== null &&
            now - Date.parse(d.last_seen_at) <= ONLINE_WINDOW_MS,
        })),
      };
    }),
  );

  app.post(
    '/console/api/devices/enrolment-codes',
    handle(ctx, async (req, reply) => {
      await consoleSession(ctx, req, { area: 'devices' });
      const { name } = jsonBody(NewCode, req);
      return reply.code(201).send(await createEnrolmentCode(store, name, ctx.now()));
    }),
  );

  app.post(
    '/console/api/devices/:id/revoke',
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'devices' });
      const { id } = parsed(IdParams, req.params);
      if (!(await revokeDevice(store, id, ctx.now()))) throw refuse(404, 'unknown_device');
      return { revoked: true };
    }),
  );

  app.post(
    '/console/api/register',
    { bodyLimit: UPLOAD_LIMIT + 4096 },
    handle(ctx, async (req) => {
      await consoleSession(ctx, req, { area: 'register' });
      const input = jsonBody(RegisterUpload, req);
      return importRegisterAtCentral(store, Buffer.from(input.file_base64, 'base64'), {
        fileName: input.file_name,
        dryRun: input.dry_run,
        allowMassDeregistration: input.allow_mass_deregistration,
        language: input.language,
        now: ctx.now(),
      });
    }),
  );

  app.post(
    '/console/api/forms',
    handle(ctx, async (req, reply) => {
      await consoleSession(ctx, req, { area: 'forms' });
      const { file_base64 } = jsonBody(TemplateUpload, req);
      return reply.code(201).send(await publishTemplate(store, Buffer.from(file_base64, 'base64')));
    }),
  );
};
