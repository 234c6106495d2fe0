/**
 * Where in-process validation time goes, stage by stage, each as a multiple of a bare JSON.parse
 * of the same text: so the owner of a slow stage (parser, model, schema, a rule) sees it at once.
 */
import { parseTree, type ParseError } from 'jsonc-parser';
import { validateText } from '../server/src/calm/engine';
import { parseStrictJsonTree } from '../server/src/calm/json-tree';
import { buildIndex } from '../server/src/calm/model-index';
import { parseCalm } from '../server/src/calm/parse';
import { ALL_RULES } from '../server/src/calm/rules';
import { schemaFindings } from '../server/src/calm/schema';
import { MAX_NESTING_DEPTH, parseJson } from '../server/src/calm/syntax';
import { timeMedian, type Timing } from './measure';

export interface StageTime extends Timing {
  readonly stage: string;
  readonly wallRatio: number;
  readonly cpuRatio: number;
}

export function stageBreakdown(text: string, runs: number): StageTime[] {
  const time = (fn: () => unknown) => timeMedian(fn, runs);
  const parse = time(() => JSON.parse(text));
  const doc = parseCalm(text);
  const index = buildIndex(doc);
  const stages: [string, Timing][] = [
    ['JSON.parse (baseline)', parse],
    ['validateText, all stages', time(() => validateText(text))],
    ['parseCalm: tree, plain value, model', time(() => parseCalm(text))],
    ['  parseJson: the positioned tree', time(() => parseJson(text))],
    ['    (jsonc-parser parseTree, for comparison)', time(() => parseTree(text, [] as ParseError[], { allowTrailingComma: false, disallowComments: true }))],
    ['    (strict fast path alone)', time(() => parseStrictJsonTree(text, MAX_NESTING_DEPTH))],
    ['buildIndex', time(() => buildIndex(doc))],
    ['schemaFindings (Ajv)', time(() => schemaFindings(doc))],
  ];
  const rules = ALL_RULES.filter((rule) => rule.kinds.includes(doc.kind));
  // Rules share views of the document, built by whichever rule runs first; timed alone below, a rule
  // finds them ready. So: every rule on a fresh document, minus the parse, is what the rules cost.
  const parseAndRules = time(() => {
    const fresh = parseCalm(text);
    const freshIndex = buildIndex(fresh);
    for (const rule of rules) rule.check({ doc: fresh, index: freshIndex });
  });
  const parseAlone = stages[2][1];
  stages.push(['all rules with their shared views (fresh document, parse subtracted)', { wallMs: parseAndRules.wallMs - parseAlone.wallMs, cpuMs: parseAndRules.cpuMs - parseAlone.cpuMs }]);
  for (const rule of rules) stages.push([`  rule ${rule.code} (views ready)`, time(() => rule.check({ doc, index }))]);
  return stages.map(([stage, t]) => ({ stage, ...t, wallRatio: t.wallMs / parse.wallMs, cpuRatio: t.cpuMs / parse.cpuMs }));
}
