export type Messages = { readonly [key: string]: string | Messages };

/** English must have exactly the keys Spanish has: the type checker enforces completeness. */
export type SameKeys<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]>;
};

export const defineMessages = <T extends Messages>(es: T, en: SameKeys<T>) => ({ es, en });

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];
