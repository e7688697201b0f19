// PostgreSQL's text and jsonb cannot hold U+0000 (NUL): a query carrying one fails. Input is
// checked where it is parsed, so such a string is refused before anything is written.

/** Whether PostgreSQL can store the string: it holds no U+0000. */
export const isStorableText = (value: string) => !value.includes("\u0000");
