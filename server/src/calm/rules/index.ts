/** Every rule the engine runs; each declares the document kinds it applies to. */
import { architectureHasNoEmptyStringProperties } from './architecture-has-no-empty-string-properties';
import { architectureHasNoPlaceholderPropertiesBoolean } from './architecture-has-no-placeholder-properties-boolean';
import { architectureHasNoPlaceholderPropertiesNumerical } from './architecture-has-no-placeholder-properties-numerical';
import { architectureHasNoPlaceholderPropertiesString } from './architecture-has-no-placeholder-properties-string';
import { architectureHasNodesRelationships } from './architecture-has-nodes-relationships';
import { architectureNodesMustBeReferenced } from './architecture-nodes-must-be-referenced';
import { avoidBooleanProperties } from './avoid-boolean-properties';
import { compositionRelationshipsReferenceExistingNodesInArchitecture } from './composition-relationships-reference-existing-nodes-in-architecture';
import { connectsRelationshipReferencesExistingNodesInArchitecture } from './connects-relationship-references-existing-nodes-in-architecture';
import { connectsRelationshipReferencesExistingNodesInPattern } from './connects-relationship-references-existing-nodes-in-pattern';
import { containmentCycles } from './containment-cycles';
import { controlLegacyNaming } from './control-legacy-naming';
import { controlRequirementValidation } from './control-requirement-validation';
import { currentMomentMustReferenceMomentInTimeline } from './current-moment-must-reference-moment-in-timeline';
import { currentMomentRequiredWhenMomentsNonEmpty } from './current-moment-required-when-moments-non-empty';
import { flowTransitionsHaveUniqueSequenceNumbers } from './flow-transitions-have-unique-sequence-numbers';
import { flowTransitionsReferencesExistingRelationshipInArchitecture } from './flow-transitions-references-existing-relationship-in-architecture';
import { groupRelationshipReferencesExistingNodesInPattern } from './group-relationship-references-existing-nodes-in-pattern';
import { groupRelationshipWithConstNodesReferencesExistingNodesInPattern } from './group-relationship-with-const-nodes-references-existing-nodes-in-pattern';
import { momentsAfterCurrentMomentMayNotHaveValidFrom } from './moments-after-current-moment-may-not-have-valid-from';
import { momentsMustBeSortedByValidFrom } from './moments-must-be-sorted-by-valid-from';
import { nodesReferencedInPatternDecisionMustBeInOneofOrAnyofBlock } from './nodes-referenced-in-pattern-decision-must-be-in-oneof-or-anyof-block';
import { patternHasNoEmptyProperties } from './pattern-has-no-empty-properties';
import { patternHasNoPlaceholderPropertiesNumerical } from './pattern-has-no-placeholder-properties-numerical';
import { patternHasNoPlaceholderPropertiesString } from './pattern-has-no-placeholder-properties-string';
import { patternHasNodesRelationships } from './pattern-has-nodes-relationships';
import { patternNodesMustBeReferenced } from './pattern-nodes-must-be-referenced';
import { patternOptionRelationshipMustHaveMaxOneItem } from './pattern-option-relationship-must-have-max-one-item';
import { patternOptionRelationshipMustOnlyHaveOneofOrAnyofItems } from './pattern-option-relationship-must-only-have-oneof-or-anyof-items';
import { referencedInterfacesDefinedInArchitecture } from './referenced-interfaces-defined-in-architecture';
import { referencedInterfacesDefinedInPattern } from './referenced-interfaces-defined-in-pattern';
import { referencedInterfacesDefinedOnCorrectNodeInArchitecture } from './referenced-interfaces-defined-on-correct-node-in-architecture';
import { referencedInterfacesDefinedOnCorrectNodeInPattern } from './referenced-interfaces-defined-on-correct-node-in-pattern';
import { relationshipReferencesExistingNodesInArchitecture } from './relationship-references-existing-nodes-in-architecture';
import { relationshipReferencesExistingNodesInPattern } from './relationship-references-existing-nodes-in-pattern';
import { relationshipsReferencedInPatternDecisionMustBeInOneofOrAnyofBlock } from './relationships-referenced-in-pattern-decision-must-be-in-oneof-or-anyof-block';
import type { Rule } from './rule';
import { timelineHasNoEmptyProperties } from './timeline-has-no-empty-properties';
import { timelineMomentsMustBeNonEmpty } from './timeline-moments-must-be-non-empty';
import { uniqueIdsMustBeUniqueInArchitecture } from './unique-ids-must-be-unique-in-architecture';
import { uniqueIdsMustBeUniqueInPattern } from './unique-ids-must-be-unique-in-pattern';
import { uniqueIdsMustBeUniqueInTimeline } from './unique-ids-must-be-unique-in-timeline';

/** In the reference's order, so findings at one place come out as it lists them. */
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
  controlRequirementValidation,
  // Ours, not the reference's: after its rules, so findings at one place list the reference's first.
  containmentCycles,
];

export const PATTERN_RULES: readonly Rule[] = [
  avoidBooleanProperties,
  connectsRelationshipReferencesExistingNodesInPattern,
  groupRelationshipReferencesExistingNodesInPattern,
  groupRelationshipWithConstNodesReferencesExistingNodesInPattern,
  nodesReferencedInPatternDecisionMustBeInOneofOrAnyofBlock,
  patternHasNoEmptyProperties,
  patternHasNoPlaceholderPropertiesNumerical,
  patternHasNoPlaceholderPropertiesString,
  patternHasNodesRelationships,
  patternNodesMustBeReferenced,
  patternOptionRelationshipMustHaveMaxOneItem,
  patternOptionRelationshipMustOnlyHaveOneofOrAnyofItems,
  referencedInterfacesDefinedInPattern,
  referencedInterfacesDefinedOnCorrectNodeInPattern,
  relationshipReferencesExistingNodesInPattern,
  relationshipsReferencedInPatternDecisionMustBeInOneofOrAnyofBlock,
  uniqueIdsMustBeUniqueInPattern,
];

export const TIMELINE_RULES: readonly Rule[] = [
  currentMomentMustReferenceMomentInTimeline,
  currentMomentRequiredWhenMomentsNonEmpty,
  momentsAfterCurrentMomentMayNotHaveValidFrom,
  momentsMustBeSortedByValidFrom,
  timelineHasNoEmptyProperties,
  timelineMomentsMustBeNonEmpty,
  uniqueIdsMustBeUniqueInTimeline,
];

export const ALL_RULES: readonly Rule[] = [...ARCHITECTURE_RULES, ...PATTERN_RULES, ...TIMELINE_RULES];
