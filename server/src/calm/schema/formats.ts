/**
 * The string formats of our Ajv instances and generated validators: ajv-formats' `full` set, with a
 * shortcut in front of `uri` and `uri-reference`. Those two are ~3 KB regular expressions that V8
 * compiles on first use, ~8 ms in every process, while nearly every value they see in a CALM
 * document (its `$schema`, a pattern's `$id` and `$ref`s) is a plain `http(s)://host/path#fragment`.
 * A small expression accepts those; anything else goes to the full one, so the answers are the same.
 */
import type { Format } from 'ajv/dist/2020';
import { fullFormats, type DefinedFormats } from 'ajv-formats/dist/formats';

/**
 * Every string this matches, ajv-formats' `uri` and `uri-reference` match too: an `http`/`https` scheme,
 * `//` and a reg-name host of letters, digits, `.` and `-`, path segments of unreserved characters,
 * and a fragment of unreserved characters and `/`.
 */
export const PLAIN_HTTP_URI = /^https?:\/\/[a-z0-9.-]+(?:\/[a-z0-9._~-]*)*(?:#[a-z0-9._~/-]*)?$/i;

function test(format: Format): (value: string) => boolean {
  if (format instanceof RegExp) return (value) => format.test(value);
  if (typeof format === 'function') return format;
  throw new Error('calm formats: uri and uri-reference are expected to be a RegExp or a function in ajv-formats');
}

const fullUri = test(fullFormats.uri);
const fullUriReference = test(fullFormats['uri-reference']);

export const calmFormats: DefinedFormats = {
  ...fullFormats,
  uri: (value: string) => PLAIN_HTTP_URI.test(value) || fullUri(value),
  'uri-reference': (value: string) => PLAIN_HTTP_URI.test(value) || fullUriReference(value),
};
