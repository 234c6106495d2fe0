/**
 * "CALM: Validate Workspace": every CALM file of the workspace folders validated, its diagnostics
 * published (into the Problems panel) for files that are not open; open documents already have theirs
 * from the live validation and are only counted. Diagnostics published by an earlier run for files that
 * are gone or no longer CALM are cleared.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { validateDocument } from '../calm/engine';
import type { Finding } from '../calm/findings';
import { toDiagnostics } from '../diagnostics';
import type { ValidateWorkspaceResult } from '../protocol';
import type { CalmServer } from '../server-context';
import type { WorkspaceCalmFiles } from './workspace-files';

function tally(result: ValidateWorkspaceResult, findings: readonly Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error').length;
  result.files++;
  result.errors += errors;
  result.warnings += findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) result.filesWithErrors++;
}

export class WorkspaceValidation {
  /** Files (not open) whose diagnostics the last run published. */
  private published = new Set<string>();

  constructor(private readonly files: WorkspaceCalmFiles) {}

  async run(server: CalmServer, token: CancellationToken): Promise<ValidateWorkspaceResult> {
    const result: ValidateWorkspaceResult = { files: 0, filesWithErrors: 0, errors: 0, warnings: 0 };
    const open = new Set(server.documents.all().map((d) => d.uri));
    const relatedInformation = server.clientCapabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    for (const uri of open) {
      const state = await server.stateOf(uri);
      if (state?.isCalm && state.result) tally(result, state.result.findings);
    }
    const files = await this.files.list(server.workspaceFolders, (uri) => open.has(uri), () => token.isCancellationRequested);
    const now = new Set<string>();
    for (const file of files) {
      if (token.isCancellationRequested) break;
      const settings = await server.settingsFor(file.uri);
      const validation = validateDocument(file.doc, { loadSchema: await server.schemaLoaderFor(file.uri) });
      tally(result, validation.findings);
      const diagnostics = settings.validation.enabled ? toDiagnostics(file.doc, validation.findings, { uri: file.uri, relatedInformation }) : [];
      void server.connection.sendDiagnostics({ uri: file.uri, diagnostics });
      now.add(file.uri);
    }
    for (const uri of this.published) {
      if (!now.has(uri) && !open.has(uri)) void server.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published = now;
    return result;
  }
}
