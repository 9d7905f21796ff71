type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Sorted keys, no whitespace: the same entry always hashes to the same bytes. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value as Json));

const sortKeys = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k] as Json)]),
    );
  }
  return value;
};
