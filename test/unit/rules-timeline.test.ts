import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runRules } from '../../server/src/calm/engine';
import { parseCalm } from '../../server/src/calm/parse';
import { TIMELINE_RULES } from '../../server/src/calm/rules';
import { currentMomentMustReferenceMomentInTimeline } from '../../server/src/calm/rules/current-moment-must-reference-moment-in-timeline';
import { currentMomentRequiredWhenMomentsNonEmpty } from '../../server/src/calm/rules/current-moment-required-when-moments-non-empty';
import { momentsAfterCurrentMomentMayNotHaveValidFrom } from '../../server/src/calm/rules/moments-after-current-moment-may-not-have-valid-from';
import { momentsMustBeSortedByValidFrom } from '../../server/src/calm/rules/moments-must-be-sorted-by-valid-from';
import type { Rule } from '../../server/src/calm/rules/rule';
import { timelineHasNoEmptyProperties } from '../../server/src/calm/rules/timeline-has-no-empty-properties';
import { timelineMomentsMustBeNonEmpty } from '../../server/src/calm/rules/timeline-moments-must-be-non-empty';
import { uniqueIdsMustBeUniqueInTimeline } from '../../server/src/calm/rules/unique-ids-must-be-unique-in-timeline';

const TIMELINE_SCHEMA = 'https://calm.finos.org/release/1.2/meta/calm-timeline.json';

function check(rule: Rule, document: unknown) {
  const doc = parseCalm(JSON.stringify(document, null, 2));
  assert.equal(doc.kind, 'timeline');
  return runRules(doc, [rule]).findings.map((f) => ({
    path: f.path,
    severity: f.severity,
    message: f.message,
    underlined: doc.text.slice(f.range.start, f.range.end),
  }));
}

type Moment = Record<string, unknown>;

function moment(id: string, validFrom?: string): Moment {
  return { 'unique-id': id, name: id, description: id, ...(validFrom ? { 'valid-from': validFrom } : {}) };
}

function timeline(moments: Moment[], current?: unknown): Record<string, unknown> {
  return { $schema: TIMELINE_SCHEMA, moments, ...(current === undefined ? {} : { 'current-moment': current }) };
}

const VALID = timeline([moment('m1', '2024-01-01'), moment('m2', '2025-01-01'), moment('m3')], 'm2');

describe('timeline rules', () => {
  test('all are silent on a valid timeline', () => {
    for (const rule of TIMELINE_RULES) assert.deepEqual(check(rule, VALID), [], rule.code);
  });

  test('an architecture that names the timeline schema is linted as an architecture', () => {
    assert.equal(parseCalm(JSON.stringify({ $schema: TIMELINE_SCHEMA, nodes: [], relationships: [] })).kind, 'architecture');
  });

  test('timeline-has-no-empty-properties', () => {
    const found = check(timelineHasNoEmptyProperties, timeline([{ ...moment('m1'), description: '' }], 'm1'));
    assert.deepEqual(found.map((f) => [f.path, f.message]), [['/moments/m1/description', 'All properties must be set to a nonempty, nonzero value.']]);
  });

  test('current-moment-must-reference-moment-in-timeline', () => {
    const found = check(currentMomentMustReferenceMomentInTimeline, timeline([moment('m1')], 'm9'));
    assert.deepEqual(found.map((f) => [f.path, f.severity, f.underlined, f.message]), [
      ['/current-moment', 'error', '"m9"', "'m9' does not refer to the unique-id of an existing moment."],
    ]);
  });

  test('unique-ids-must-be-unique-in-timeline', () => {
    const found = check(uniqueIdsMustBeUniqueInTimeline, timeline([moment('m1'), moment('m1')], 'm1'));
    assert.deepEqual(found.map((f) => [f.path, f.message]), [['/', 'Duplicate unique-id detected. ID: m1, path: /moments/1/unique-id']]);
  });

  test('moments-after-current-moment-may-not-have-valid-from: each later dated moment, on current-moment', () => {
    const found = check(momentsAfterCurrentMomentMayNotHaveValidFrom, timeline([moment('m1', '2024-01-01'), moment('m2', '2025-01-01'), moment('m3')], 'm1'));
    assert.deepEqual(found.map((f) => [f.path, f.severity, f.message]), [
      ['/current-moment', 'warning', 'Moment with unique-id "m2" is after current-moment "m1" but has a valid-from.'],
    ]);
  });

  test('current-moment-required-when-moments-non-empty', () => {
    const found = check(currentMomentRequiredWhenMomentsNonEmpty, timeline([moment('m1')]));
    assert.deepEqual(found.map((f) => [f.path, f.severity, f.message]), [['/', 'warning', 'Timeline has moments but no current-moment is set.']]);
    assert.deepEqual(check(currentMomentRequiredWhenMomentsNonEmpty, timeline([], '')).length, 0);
  });

  test('timeline-moments-must-be-non-empty: on `moments` when present, else on the document', () => {
    assert.deepEqual(check(timelineMomentsMustBeNonEmpty, timeline([])).map((f) => [f.path, f.message]), [['/moments', 'Timeline must define at least one moment.']]);
    assert.deepEqual(check(timelineMomentsMustBeNonEmpty, { $schema: TIMELINE_SCHEMA }).map((f) => f.path), ['/']);
  });

  test('moments-must-be-sorted-by-valid-from: an earlier date after a later one; undated and unparsable dates are skipped', () => {
    const found = check(
      momentsMustBeSortedByValidFrom,
      timeline([moment('m1', '2025-01-01'), moment('m2'), moment('m3', 'not a date'), { name: 'anonymous', 'valid-from': '2024-06-01' }], 'm1'),
    );
    assert.deepEqual(found.map((f) => [f.path, f.underlined, f.message]), [
      ['/moments/3/valid-from', '"2024-06-01"', 'Moment with index 3 has valid-from "2024-06-01" which is before the previous valid-from "2025-01-01".'],
    ]);
  });
});
