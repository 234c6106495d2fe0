/** The CALM schema versions we bundle, and what differs between them. */

export type CalmChannel = 'release' | 'draft';

/** `release/1.1`, `draft/2026-03`, ...: the segment of the meta URL that names a version. */
export type CalmVersionId =
  | 'release/1.0-rc1'
  | 'release/1.0-rc2'
  | 'release/1.0'
  | 'release/1.1'
  | 'release/1.2'
  | 'draft/2025-03'
  | 'draft/2026-03';

/**
 * What each version's vocabulary looks like. The published files evolved by renames and small
 * structural changes; every switch here is one of those changes, named for what it changes.
 */
export interface VersionTraits {
  readonly id: CalmVersionId;
  /** rc1 and draft 2025-03: control, evidence, flow and interface properties carry their early names and shapes. */
  readonly early: boolean;
  /** core.json declares `adrs` at the top level (all but draft 2025-03). */
  readonly adrs: boolean;
  /** How node `interfaces` items are checked. */
  readonly interfaceItems: 'oneOf' | 'anyOf' | 'interface-type';
  /** `node-type` is `anyOf[enum, string]` (custom types allowed) rather than the bare enum. */
  readonly openNodeTypes: boolean;
  /** Relationships may declare an `authentication` method (draft 2025-03). */
  readonly relationshipAuthentication: boolean;
  /** A control requirement may carry inline config (`config`/`control-config`), one of config or config-url required. */
  readonly inlineControlConfig: boolean;
  /**
   * rc1, rc2, 1.0 and draft 2025-03 published `flow.json` with the transition's `required` list
   * nested inside `properties` (so nothing is required) and flows open to extra properties;
   * 1.1 fixed both.
   */
  readonly looseTransitions: boolean;
  /** draft 2025-03's flow.json defines its own `metadata` instead of pointing at core.json's. */
  readonly flowOwnMetadata: boolean;
  /** `timeline.json`, `calm-timeline.json` and `decorators.json` exist (1.2 and later). */
  readonly timelines: boolean;
  /** Decorators may restrict the document types they target (draft 2026-03). */
  readonly decoratorTargetTypes: boolean;
}

const modern = {
  early: false,
  adrs: true,
  interfaceItems: 'anyOf',
  openNodeTypes: true,
  relationshipAuthentication: false,
  inlineControlConfig: true,
  looseTransitions: false,
  flowOwnMetadata: false,
  timelines: false,
  decoratorTargetTypes: false,
} as const;

export const VERSIONS: readonly VersionTraits[] = [
  { ...modern, id: 'release/1.0-rc1', early: true, interfaceItems: 'oneOf', looseTransitions: true },
  { ...modern, id: 'release/1.0-rc2', looseTransitions: true },
  { ...modern, id: 'release/1.0', looseTransitions: true },
  { ...modern, id: 'release/1.1' },
  { ...modern, id: 'release/1.2', timelines: true },
  {
    ...modern,
    id: 'draft/2025-03',
    early: true,
    adrs: false,
    interfaceItems: 'interface-type',
    openNodeTypes: false,
    relationshipAuthentication: true,
    inlineControlConfig: false,
    looseTransitions: true,
    flowOwnMetadata: true,
  },
  { ...modern, id: 'draft/2026-03', timelines: true, decoratorTargetTypes: true },
];

/** What a document without `$schema` is validated against (as the reference does). */
export const NEWEST_RELEASE: CalmVersionId = 'release/1.2';

export const CALM_BASE_URL = 'https://calm.finos.org/';

export function metaUrl(version: CalmVersionId, file: string): string {
  return `${CALM_BASE_URL}${version}/meta/${file}`;
}

export function versionTraits(version: string): VersionTraits | undefined {
  return VERSIONS.find((v) => v.id === version);
}
