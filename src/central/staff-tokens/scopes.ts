/**
 * What a machine client's token (`central token NAME --scope …`) may call, by route family.
 * A token made without scopes keeps every staff-token route, as tokens did before scopes.
 */
export const TOKEN_SCOPES = ['directory', 'verifications', 'devices', 'privacy'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const BY_PREFIX: Readonly<Record<string, TokenScope>> = {
  handles: 'directory',
  verifications: 'verifications',
  devices: 'devices',
  privacy: 'privacy',
};

/** The scope a staff-token route needs, from its route pattern (`/v1/handles/:network/:handle`). */
export const scopeOfRoute = (route: string): TokenScope | undefined => {
  const family = /^\/v1\/([a-z-]+)/.exec(route)?.[1];
  return family ? BY_PREFIX[family] : undefined;
};

/** Stored as one comma-separated column; null is "every scope". */
export const scopesFromColumn = (column: string | null): TokenScope[] | null =>
  column === null
    ? null
    : column
        .split(',')
        .filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s));
