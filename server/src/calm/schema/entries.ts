/** The schema files a document can name in `$schema` and be validated against as a whole. */
export const BUNDLED_ENTRY_FILES: readonly string[] = ['calm.json', 'core.json', 'calm-timeline.json', 'timeline.json'];
