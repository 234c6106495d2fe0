/**
 * The JSON-schema layer of the engine: validates a document against the schema that applies to it
 * (a bundled CALM meta schema, or a pattern) and reports Ajv's errors as findings, the way the
 * reference validator does, with readable summaries of failed oneOf/anyOf on top.
 */
import type { Finding } from '../findings';
import type { CalmDocument } from '../model';
import { instanceFindings, schemaCheckFindings, schemaProblem } from './error-findings';
import type { SchemaLoader } from './loader';
import { patternValidator } from './patterns';
import { selectSchema } from './select';
import { errorsOf, metaValidator } from './validators';

export type { SchemaLoader, SchemaLoad } from './loader';
export { getMetaSchema, getMetaSchemas, allMetaSchemas, type MetaSchema, type SchemaObject, type CalmVersionId } from './definitions';
export { selectSchema, type SchemaPlan, type SchemaSelection } from './select';

export interface SchemaOptions {
  /** Loads a pattern (relative path or URL) for the host; without it, patterns cannot be used. */
  readonly loadSchema?: SchemaLoader;
  /** Validate against this pattern instead of what `$schema` names. */
  readonly patternRef?: string;
}

export function schemaFindings(doc: CalmDocument, options: SchemaOptions = {}): Finding[] {
  // Only text that parsed: schema findings on a value guessed from broken text would mislead.
  if (doc.syntaxFindings.length > 0) return [];
  const { plan, problems } = selectSchema(doc, options.patternRef);
  const findings = problems.map((message) => schemaProblem(doc, message)).filter((f): f is Finding => f !== undefined);
  switch (plan.kind) {
    case 'meta': {
      const validate = metaValidator(plan.id);
      if (validate) findings.push(...instanceFindings(doc, errorsOf(validate, doc.value)));
      break;
    }
    case 'schema-check': {
      const validate = metaValidator(plan.id);
      if (validate) findings.push(...schemaCheckFindings(doc, errorsOf(validate, doc.value)));
      break;
    }
    case 'pattern': {
      const pattern = patternValidator(plan.ref, options.loadSchema);
      if (pattern.ok) findings.push(...instanceFindings(doc, errorsOf(pattern.validate, doc.value)));
      else findings.push(...[schemaProblem(doc, pattern.message)].filter((f): f is Finding => f !== undefined));
      break;
    }
    case 'nothing':
      break;
  }
  return findings;
}
