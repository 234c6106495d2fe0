/** Every rule the engine runs, by document kind (each rule declares the kinds it applies to). */
import { architectureHasNoEmptyStringProperties } from './architecture-has-no-empty-string-properties';
import { architectureHasNoPlaceholderPropertiesBoolean } from './architecture-has-no-placeholder-properties-boolean';
import { architectureHasNoPlaceholderPropertiesNumerical } from './architecture-has-no-placeholder-properties-numerical';
import { architectureHasNoPlaceholderPropertiesString } from './architecture-has-no-placeholder-properties-string';
import { architectureHasNodesRelationships } from './architecture-has-nodes-relationships';
import { architectureNodesMustBeReferenced } from './architecture-nodes-must-be-referenced';
import { compositionRelationshipsReferenceExistingNodesInArchitecture } from './composition-relationships-reference-existing-nodes-in-architecture';
import { connectsRelationshipReferencesExistingNodesInArchitecture } from './connects-relationship-references-existing-nodes-in-architecture';
import { controlLegacyNaming } from './control-legacy-naming';
import { flowTransitionsHaveUniqueSequenceNumbers } from './flow-transitions-have-unique-sequence-numbers';
import { flowTransitionsReferencesExistingRelationshipInArchitecture } from './flow-transitions-references-existing-relationship-in-architecture';
import { referencedInterfacesDefinedInArchitecture } from './referenced-interfaces-defined-in-architecture';
import { referencedInterfacesDefinedOnCorrectNodeInArchitecture } from './referenced-interfaces-defined-on-correct-node-in-architecture';
import { relationshipReferencesExistingNodesInArchitecture } from './relationship-references-existing-nodes-in-architecture';
import type { Rule } from './rule';
import { uniqueIdsMustBeUniqueInArchitecture } from './unique-ids-must-be-unique-in-architecture';

export const ARCHITECTURE_RULES: readonly Rule[] = [
  architectureHasNodesRelationships,
  architectureHasNoEmptyStringProperties,
  architectureHasNoPlaceholderPropertiesNumerical,
  architectureHasNoPlaceholderPropertiesString,
  architectureHasNoPlaceholderPropertiesBoolean,
  relationshipReferencesExistingNodesInArchitecture,
  connectsRelationshipReferencesExistingNodesInArchitecture,
  referencedInterfacesDefinedInArchitecture,
  referencedInterfacesDefinedOnCorrectNodeInArchitecture,
  compositionRelationshipsReferenceExistingNodesInArchitecture,
  architectureNodesMustBeReferenced,
  uniqueIdsMustBeUniqueInArchitecture,
  flowTransitionsReferencesExistingRelationshipInArchitecture,
  flowTransitionsHaveUniqueSequenceNumbers,
  controlLegacyNaming,
];

export const ALL_RULES: readonly Rule[] = [...ARCHITECTURE_RULES];
