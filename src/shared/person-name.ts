/** A register name as people read it: given names, then both surnames. */
export const fullName = (r: {
  readonly given_names?: string | null | undefined;
  readonly surname1?: string | null | undefined;
  readonly surname2?: string | null | undefined;
}): string => [r.given_names, r.surname1, r.surname2].filter(Boolean).join(' ');
