import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { centralAudit } from '../audit/store';
import { parsed } from '../http/body';
import { refuse } from '../http/errors';
import type { RouteContext } from '../http/guards';
import { HandleAnswer } from '../verifications/schemas';
import { lookUpHandle } from '../verifications/service';
import { holderByDid } from '../verifications/accounts-store';

const Query = z.object({ '*': z.string().min(1).max(300) });

/** Also says which account and handle answered, since the question may have been a DID. */
export const BlueskyHandleAnswer = HandleAnswer.extend({
  handle: z.string().optional(),
  did: z.string().optional(),
});

/** `did:plc:…`, `https://bsky.app/profile/did:plc:…` or a profile link by handle: what is asked. */
export const blueskySubject = (raw: string): string => {
  const m = /^(?:https?:\/\/)?bsky\.app\/profile\/([^/?#\s]+)/i.exec(raw.trim());
  let subject: string;
  try {
    subject = decodeURIComponent(m?.[1] ?? raw.trim());
  } catch {
    throw refuse(400, 'invalid_request'); // A broken %-escape names nobody.
  }
  return subject.replace(/\/$/, '');
};

/**
 * The directory for Bluesky: by handle as for any network, and by the account's DID or a
 * bsky.app profile link, which still answer after the account renames itself. Registered ahead
 * of the generic `/v1/handles/:network/:handle`, which takes no slashes.
 */
export const blueskyRoutes = (app: FastifyInstance, ctx: RouteContext): void => {
  const { store, now } = ctx;
  app.get('/v1/handles/bluesky/*', async (req, reply) => {
    const official = await ctx.guards.staffToken(req, reply);
    if (!official) return reply;
    const subject = blueskySubject(parsed(Query, req.params)['*']);
    if (!subject.startsWith('did:')) {
      return BlueskyHandleAnswer.parse(
        await lookUpHandle(store, 'bluesky', subject, official, now()),
      );
    }
    const at = now();
    const row = await holderByDid(store, subject, at);
    await centralAudit(store, at, 'directory.lookup', null, {
      official,
      network: 'bluesky',
      handle: subject,
      found: Boolean(row),
    });
    return BlueskyHandleAnswer.parse(
      row
        ? {
            verified: true,
            since: new Date(row.verified_at).toISOString(),
            masked_name: row.masked_name,
            handle: row.handle,
            did: subject,
          }
        : { verified: false },
    );
  });
};
