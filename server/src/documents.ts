/**
 * The server's view of each open document: parsed once per version, CALM or not, validated lazily on
 * first need, and the last model that parsed kept while the current text does not.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isCalmDocument, looksLikeCalm } from './calm/detect';
import { validateDocument, type RuleFailure, type ValidationResult } from './calm/engine';
import type { CalmDocument } from './calm/model';
import { parseCalm } from './calm/parse';
import type { SchemaLoader } from './calm/schema/loader';

/** The language id a document gets once it is known to be CALM (contributed by the extension). */
export const CALM_LANGUAGE_ID = 'calm';

export interface LastGoodModel {
  readonly version: number;
  readonly doc: CalmDocument;
}

/** Everything known about one version of one open document. */
export class DocumentState {
  private validation: ValidationResult | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly languageId: string,
    /** Undefined when the cheap sniff ruled the text out: such a document is never parsed. */
    readonly doc: CalmDocument | undefined,
    readonly isCalm: boolean,
    /** The newest version whose text parsed without syntax errors (this one, when it parses). */
    readonly lastGood: LastGoodModel | undefined,
    private readonly loader: SchemaLoader | undefined,
    private readonly onRuleFailures: (state: DocumentState, failures: readonly RuleFailure[]) => void,
  ) {}

  /** True when the current text is valid JSON. */
  get parses(): boolean {
    return this.doc !== undefined && this.doc.syntaxFindings.length === 0;
  }

  /** Syntax, schema and rule findings of this version: computed on first use, once. Undefined for non-CALM documents. */
  get result(): ValidationResult | undefined {
    if (!this.isCalm || !this.doc) return undefined;
    if (!this.validation) {
      this.validation = validateDocument(this.doc, { loadSchema: this.loader });
      if (this.validation.ruleFailures.length > 0) this.onRuleFailures(this, this.validation.ruleFailures);
    }
    return this.validation;
  }
}

export interface DocumentStoreOptions {
  /** Called once per validated version whose rules threw (the other findings are still reported). */
  readonly onRuleFailures: (state: DocumentState, failures: readonly RuleFailure[]) => void;
}

/** Document states by URI, one version at a time. */
export class DocumentStore {
  private readonly states = new Map<string, DocumentState>();
  /** Documents found CALM at some version: they stay CALM while broken or emptied mid-edit, so their errors stay visible. */
  private readonly calmUris = new Set<string>();
  private readonly lastGood = new Map<string, LastGoodModel>();

  constructor(private readonly options: DocumentStoreOptions) {}

  /** The state of the document's current version; computed at most once per version (until `clear`). */
  analyze(document: TextDocument, loader: SchemaLoader | undefined): DocumentState {
    const uri = document.uri;
    const previous = this.states.get(uri);
    if (previous && previous.version === document.version) return previous;
    const text = document.getText();
    const known = document.languageId === CALM_LANGUAGE_ID || this.calmUris.has(uri);
    const doc = known || looksLikeCalm(text) ? parseCalm(text) : undefined;
    const parses = doc !== undefined && doc.syntaxFindings.length === 0;
    const isCalm = doc !== undefined && (document.languageId === CALM_LANGUAGE_ID || (known && !parses) || isCalmDocument(doc, loader));
    if (isCalm) {
      this.calmUris.add(uri);
      if (parses) this.lastGood.set(uri, { version: document.version, doc });
    } else {
      this.calmUris.delete(uri);
      this.lastGood.delete(uri);
    }
    const state = new DocumentState(uri, document.version, document.languageId, doc, isCalm, this.lastGood.get(uri), loader, this.options.onRuleFailures);
    this.states.set(uri, state);
    return state;
  }

  /** The last state computed for a URI, possibly of an older version. */
  peek(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  /** Drops the computed state of one document (what it depends on changed), keeping whether it is CALM. */
  invalidate(uri: string): void {
    this.states.delete(uri);
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.calmUris.delete(uri);
    this.lastGood.delete(uri);
  }

  /** Drops every computed state (settings changed: schema loading may differ); which documents are CALM, and their last good models, stay. */
  clear(): void {
    this.states.clear();
  }
}
