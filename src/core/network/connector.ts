import type { Network } from '../../shared/contract/verifications';

/** The account behind a handle, as the network itself answers for it. */
export interface AccountProfile {
  /** The network's immutable id (a DID on Bluesky). */
  readonly userId: string;
  /** The handle the account answers to now, without `@`. */
  readonly handle: string;
  readonly displayName: string | null;
  readonly avatarUrl: string | null;
}

/** Where an account stands when looked up again by its id. */
export type AccountStatus =
  | {
      readonly state: 'active';
      readonly profile: AccountProfile;
      /** The handle resolves back to this account: only then is it more than the account's claim. */
      readonly handleConfirmed: boolean;
    }
  | { readonly state: 'gone' };

/**
 * What a search of the account's own posts found: the expected code, and how many distinct
 * other codes (a count the same search gives again, so checking twice is not two tries).
 */
export interface CodeSearch {
  readonly found: boolean;
  readonly otherCodes: number;
}

/** Lookups a network answers without an account of the town's. */
export interface AccountLookup {
  /** Handle → account; throws `AppError('account_not_found')` or `('network_unreachable')`. */
  resolve(handle: string): Promise<AccountProfile>;
  status(userId: string): Promise<AccountStatus>;
  /**
   * Reads the account's recent posts (since `since`) for one-time codes; `matches` says whether
   * a code found is the expected one, so the caller may compare hashes only.
   */
  findCode(userId: string, since: Date, matches: (code: string) => boolean): Promise<CodeSearch>;
}

/** One social network as the desk and central see it. */
export interface NetworkConnector {
  readonly network: Network;
  /** Returns the canonical handle (without the leading `@`), or null when it is not valid. */
  readonly normalize: (raw: string) => string | null;
  /** The form of the network's immutable account id. */
  readonly userId: RegExp;
  /** Present only where the network can be asked: the others are proved by the clerk's eyes. */
  readonly lookup?: AccountLookup;
}

/** `VNT-K7P-2QX` as the counter issues it, however a resident spaced or cased it in a post. */
export const CODE_IN_TEXT = /\bVNT[\s-]?[A-Z0-9]{3}[\s-]?[A-Z0-9]{3}\b/gi;

/** Every one-time code written in `text`, in the canonical form. */
export const codesIn = (text: string): string[] =>
  [...text.matchAll(CODE_IN_TEXT)].map((m) => {
    const c = m[0].toUpperCase().replace(/[^A-Z0-9]/g, '');
    return `VNT-${c.slice(3, 6)}-${c.slice(6)}`;
  });
