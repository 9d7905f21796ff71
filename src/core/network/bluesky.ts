import { AtpAgent } from '@atproto/api';
import { AppError } from '../../shared/errors';
import {
  type AccountProfile,
  type AccountStatus,
  type CodeSearch,
  codesIn,
  type NetworkConnector,
} from './connector';
import { boundedFetch, endpointPolicy, TIMEOUT_MS } from './bluesky-http';
import { isDomain } from './domains';

/** Where Bluesky is asked: any PDS or the entryway answers resolveHandle; PLC holds did:plc. */
export interface BlueskyEndpoints {
  readonly handleResolver: string;
  readonly plcDirectory: string;
}

/** The public network by default; a town (or a test) points them elsewhere through the env. */
export const blueskyEndpoints = (env: NodeJS.ProcessEnv = process.env): BlueskyEndpoints => ({
  handleResolver: env.VENTANILLA_BLUESKY_RESOLVER ?? 'https://bsky.social',
  plcDirectory: env.VENTANILLA_BLUESKY_PLC ?? 'https://plc.directory',
});

/** Posts read per proof search: a resident posts the code the day they get it. */
const POSTS_PER_SEARCH = 100;

const normalize = (raw: string): string | null => {
  const url = /^(?:https?:\/\/)?bsky\.app\/profile\/([^/?#\s]+)/i.exec(raw);
  const h = (url?.[1] ?? raw).replace(/^@/, '').toLowerCase();
  // A bare name is a bsky.social account, which is how residents say it.
  const full = h.includes('.') ? h : `${h}.bsky.social`;
  return isDomain(full) ? full : null;
};

const DID = /^did:(?:plc|web):[a-z0-9._:%-]{1,200}$/;
/**
 * A DID as the network may hand it to us: did:plc's own form, or a did:web that is a bare host
 * (no `%`-escaped port or `:` path, which could name any service on any host).
 */
const NETWORK_DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]{1,253})$/;

interface DidDocument {
  readonly alsoKnownAs?: readonly string[];
  readonly service?: readonly { id: string; type: string; serviceEndpoint: unknown }[];
}

/**
 * The XRPC error's name when the server answered with a refusal (4xx): the account is not
 * there. Undefined when we could not ask (no connection, a timeout, a 5xx).
 */
const errorName = (e: unknown): string | undefined =>
  typeof e === 'object' &&
  e !== null &&
  'status' in e &&
  typeof e.status === 'number' &&
  e.status >= 400 &&
  e.status < 500 &&
  'error' in e &&
  typeof e.error === 'string'
    ? e.error
    : undefined;

const GONE = new Set(['RepoNotFound', 'RepoTakendown', 'RepoDeactivated', 'RepoSuspended']);

const unreachable = (e: unknown): AppError =>
  new AppError('network_unreachable', { network: 'bluesky', cause: String(e) }, 503);

/** The blob ref's CID, in either shape the client hands it back. */
const cidOf = (blob: unknown): string | null => {
  if (typeof blob !== 'object' || blob === null || !('ref' in blob)) return null;
  const ref = blob.ref;
  if (typeof ref === 'object' && ref !== null && '$link' in ref) return String(ref.$link);
  return ref ? String(ref) : null;
};

export const blueskyConnector = (endpoints: BlueskyEndpoints = blueskyEndpoints()) => {
  const agentAt = (service: string) => new AtpAgent({ service, fetch: boundedFetch });
  const allowed = endpointPolicy([endpoints.handleResolver, endpoints.plcDirectory]);

  const didDocument = async (did: string): Promise<DidDocument | null> => {
    if (!NETWORK_DID.test(did)) return null;
    const url = did.startsWith('did:web:')
      ? `https://${did.slice('did:web:'.length)}/.well-known/did.json`
      : `${endpoints.plcDirectory.replace(/\/$/, '')}/${did}`;
    if (!allowed(url)) return null;
    try {
      const res = await boundedFetch(url);
      // PLC answers 404 for an unknown DID and 410 for a tombstoned (deleted) one.
      if (res.status === 404 || res.status === 410) return null;
      if (!res.ok) throw unreachable(`HTTP ${res.status}`);
      return (await res.json()) as DidDocument;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw unreachable(e);
    }
  };

  /** The account's PDS, only where the endpoint policy lets us go: else it cannot be read. */
  const pdsOf = (doc: DidDocument): string | null => {
    const pds = doc.service?.find((s) => s.id.endsWith('#atproto_pds'));
    return typeof pds?.serviceEndpoint === 'string' && allowed(pds.serviceEndpoint)
      ? pds.serviceEndpoint
      : null;
  };

  const handleOf = (doc: DidDocument): string | null =>
    doc.alsoKnownAs?.find((a) => a.startsWith('at://'))?.slice('at://'.length) ?? null;

  /** The account from its own PDS: null when the repository is gone, taken down or deactivated. */
  const fromRepo = async (did: string): Promise<AccountProfile | null> => {
    const doc = await didDocument(did);
    const pds = doc && pdsOf(doc);
    if (!doc || !pds) return null;
    const agent = agentAt(pds);
    try {
      // Deactivated and taken-down repositories still exist but answer active: false.
      const repo = await agent.com.atproto.sync.getRepoStatus({ did });
      if (!repo.data.active) return null;
      let displayName: string | null = null;
      let avatarUrl: string | null = null;
      try {
        const profile = await agent.com.atproto.repo.getRecord({
          repo: did,
          collection: 'app.bsky.actor.profile',
          rkey: 'self',
        });
        const value = profile.data.value as { displayName?: unknown; avatar?: unknown };
        displayName = typeof value.displayName === 'string' ? value.displayName : null;
        const cid = cidOf(value.avatar);
        if (cid) {
          avatarUrl = `${pds.replace(/\/$/, '')}/xrpc/com.atproto.sync.getBlob?did=${encodeURIComponent(did)}&cid=${encodeURIComponent(cid)}`;
        }
      } catch (e) {
        // No profile record is an account without a display name, not a missing account.
        if (!errorName(e)) throw unreachable(e);
      }
      return {
        userId: did,
        handle: (handleOf(doc) ?? '').toLowerCase(),
        displayName,
        avatarUrl,
      };
    } catch (e) {
      if (e instanceof AppError) throw e;
      const name = errorName(e);
      if (name && (GONE.has(name) || name === 'InvalidRequest')) return null;
      throw unreachable(e);
    }
  };

  /** The DID the handle resolves to; null when nobody holds it (or the answer is no DID). */
  const didOfHandle = async (handle: string): Promise<string | null> => {
    try {
      const res = await agentAt(endpoints.handleResolver).com.atproto.identity.resolveHandle(
        { handle },
        { signal: AbortSignal.timeout(TIMEOUT_MS) },
      );
      return NETWORK_DID.test(res.data.did) ? res.data.did : null;
    } catch (e) {
      if (errorName(e)) return null;
      throw unreachable(e);
    }
  };

  const resolve = async (handle: string): Promise<AccountProfile> => {
    const did = await didOfHandle(handle);
    if (!did) throw new AppError('account_not_found', { network: 'bluesky' }, 404);
    const profile = await fromRepo(did);
    // The DID document must name the handle back, or the handle is only claimed.
    if (!profile || profile.handle !== handle.toLowerCase())
      throw new AppError('account_not_found', { network: 'bluesky' }, 404);
    return profile;
  };

  const status = async (did: string): Promise<AccountStatus> => {
    const profile = await fromRepo(did);
    if (!profile) return { state: 'gone' };
    // The DID document's handle is only the account's claim: it holds if it resolves back.
    const valid = profile.handle !== '' && normalize(profile.handle) === profile.handle;
    const handleConfirmed = valid && (await didOfHandle(profile.handle)) === did;
    return { state: 'active', profile, handleConfirmed };
  };

  const findCode = async (
    did: string,
    since: Date,
    matches: (code: string) => boolean,
  ): Promise<CodeSearch> => {
    const doc = await didDocument(did);
    const pds = doc && pdsOf(doc);
    if (!pds) return { found: false, otherCodes: 0 };
    let records: { value: unknown }[];
    try {
      const res = await agentAt(pds).com.atproto.repo.listRecords({
        repo: did,
        collection: 'app.bsky.feed.post',
        limit: POSTS_PER_SEARCH,
      });
      records = res.data.records;
    } catch (e) {
      if (errorName(e)) return { found: false, otherCodes: 0 };
      throw unreachable(e);
    }
    const others = new Set<string>();
    for (const { value } of records) {
      const post = value as { text?: unknown; createdAt?: unknown };
      if (typeof post.text !== 'string') continue;
      // A post from before the code was issued cannot prove it (createdAt is the author's word).
      if (typeof post.createdAt === 'string' && Date.parse(post.createdAt) < since.getTime())
        continue;
      for (const code of codesIn(post.text)) {
        if (matches(code)) return { found: true, otherCodes: others.size };
        others.add(code);
      }
    }
    return { found: false, otherCodes: others.size };
  };

  const connector: NetworkConnector = {
    network: 'bluesky',
    normalize,
    userId: DID,
    lookup: { resolve, status, findCode },
  };
  return connector;
};
