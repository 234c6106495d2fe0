/** How the engine asks its host for a schema it does not bundle (a pattern file, a mapped URL). */

export type SchemaLoad =
  | { readonly ok: true; readonly schema: unknown; /** Where it was loaded from (file path or URL), for messages. */ readonly source: string }
  | { readonly ok: false; /** Plain words: why it could not be loaded. */ readonly message: string };

/** `ref` is what the document (or `--pattern`) says: a relative path, an absolute path or a URL. */
export type SchemaLoader = (ref: string) => SchemaLoad;
