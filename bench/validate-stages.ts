/**
 * Where in-process validation time goes, stage by stage, each as a multiple of a bare JSON.parse
 * of the same text: so the owner of a slow stage (parser, model, schema, a rule) sees it at once.
 */
import { parseTree, type ParseError } from 'jsonc-parser';
import { runRules, validateText } from '../server/src/calm/engine';
import { locatePaths } from '../server/src/calm/locate-text';
import { parseStrictJsonTree } from '../server/src/calm/json-tree';
import { buildIndex } from '../server/src/calm/model-index';
import { parseCalm } from '../server/src/calm/parse';
import { ALL_RULES } from '../server/src/calm/rules';
import { schemaFindings } from '../server/src/calm/schema';
import { MAX_NESTING_DEPTH } from '../server/src/calm/syntax';
import { timeMedian, type Timing } from './measure';

export interface StageTime extends Timing {
  readonly stage: string;
  readonly wallRatio: number;
  readonly cpuRatio: number;
}

function minus(a: Timing, b: Timing): Timing {
  return { wallMs: a.wallMs - b.wallMs, cpuMs: a.cpuMs - b.cpuMs };
}

export function stageBreakdown(text: string, runs: number): StageTime[] {
  const time = (fn: () => unknown) => timeMedian(fn, runs);
  const parse = time(() => JSON.parse(text));
  const doc = parseCalm(text);
  const index = buildIndex(doc);
  const rules = ALL_RULES.filter((rule) => rule.kinds.includes(doc.kind));
  const lastRelationship = Array.isArray((doc.value as { relationships?: unknown }).relationships)
    ? ((doc.value as { relationships: unknown[] }).relationships.length - 1)
    : 0;
  const stages: [string, Timing][] = [
    ['JSON.parse (baseline)', parse],
    ['validateText, all stages', time(() => validateText(text))],
    ['parseCalm: JSON.parse, nesting check (a walk of the parsed containers), kind', time(() => parseCalm(text))],
    ['schemaFindings (Ajv)', time(() => schemaFindings(doc))],
    // Rules share views of the document, built by whichever rule runs first; timed alone below, a rule
    // finds them ready. So: every rule on a fresh document, minus its parse, is what the rules cost.
    ['all rules with their shared views, findings placed (fresh document, parse subtracted)', minus(time(() => runRules(parseCalm(text), rules)), time(() => parseCalm(text)))],
    ['placing a finding on the last relationship (one pass over the text)', time(() => locatePaths(text, [['relationships', lastRelationship, 'unique-id']]))],
    ['language features only (on first use): the positioned tree', time(() => parseStrictJsonTree(text, MAX_NESTING_DEPTH))],
    ['  (jsonc-parser parseTree, for comparison)', time(() => parseTree(text, [] as ParseError[], { allowTrailingComma: false, disallowComments: true }))],
    ['language features only (on first use): parse, tree, model and index', time(() => buildIndex(parseCalm(text)))],
  ];
  for (const rule of rules) stages.push([`  rule ${rule.code} (views ready)`, time(() => rule.check({ doc, index }))]);
  return stages.map(([stage, t]) => ({ stage, ...t, wallRatio: t.wallMs / parse.wallMs, cpuRatio: t.cpuMs / parse.cpuMs }));
}
