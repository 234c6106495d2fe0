/** units.json: units of time and rate, and cron expressions, for requirement schemas to reuse. */
import { JSON_SCHEMA_2020_12, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

export function unitsSchema(v: VersionTraits): SchemaObject {
  // The early versions lacked microseconds and quarters as time units, and "day" as a rate interval.
  const timeUnits = v.early
    ? ['nanoseconds', 'milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years']
    : ['nanoseconds', 'microseconds', 'milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'];
  const rateIntervals = v.early
    ? ['nanosecond', 'microsecond', 'millisecond', 'second', 'minute', 'hour', 'week', 'month', 'quarter', 'year']
    : ['nanosecond', 'microsecond', 'millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'units.json'),
    title: 'CALM units',
    defs: {
      'time-unit': {
        type: 'object',
        description: 'An amount of time: a value and its unit.',
        properties: {
          unit: { enum: timeUnits, description: 'The unit the value is counted in.' },
          value: { type: 'number', minimum: 0, description: 'How many units.' },
        },
        required: ['unit', 'value'],
        additionalProperties: false,
      },
      'rate-unit': {
        type: 'object',
        description: 'A rate: how many per interval.',
        properties: {
          rate: { type: 'number', minimum: 0, description: 'How many per interval.' },
          per: { enum: rateIntervals, description: 'The interval the rate is counted over.' },
        },
        required: ['rate', 'per'],
        additionalProperties: false,
      },
      'cron-expression': {
        type: 'string',
        title: 'Cron expression',
        description: 'A five-field Unix cron expression (minute hour day-of-month month day-of-week).',
        pattern: '^([0-5]?\\d)\\s([01]?\\d|2[0-3])\\s(3[01]|[12]\\d|0?[1-9])\\s(1[0-2]|0?[1-9])\\s([0-6])$',
      },
    },
    additionalProperties: false,
  };
}
