// The language features through VS Code itself: the CALM document switched to the `calm` language,
// then completion, hover, definition, references, rename, quick fixes, outline and lenses asked
// through VS Code's own commands (as the editor asks), and the two CALM commands.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { calmLens, calmDiagnostics, setSetting, waitFor, waitForCalmDiagnostics, workspaceFile, writeWorkspaceFile } from './helpers';

const FILE = 'features-shop.json';

function positionOf(document: vscode.TextDocument, needle: string, delta: number, occurrence = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the document`);
  return document.positionAt(at + delta);
}

/** Opens a workspace file and waits until it is a `calm` document (the switch from JSON mode). */
async function openAsCalm(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await (await calmLens()).ready;
  return waitFor(
    vscode.workspace.onDidOpenTextDocument,
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'calm'),
    `${uri.path} in the calm language`,
  );
}

export function languageFeaturesSuite(): void {
  suite('language features', () => {
    let document: vscode.TextDocument;

    suiteSetup(async () => {
      const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('ecommerce-platform.json')));
      document = await openAsCalm(await writeWorkspaceFile(FILE, example));
      await waitForCalmDiagnostics(document.uri, (ds) => ds.length === 0, 'the example validated clean');
    });

    test('a CALM JSON document is switched to the calm language; a *.calm.json file is calm from the start', async () => {
      assert.equal(document.languageId, 'calm');
      const uri = await writeWorkspaceFile('named.calm.json', document.getText());
      assert.equal((await vscode.workspace.openTextDocument(uri)).languageId, 'calm');
    });

    test('completion: node ids at interacts.actor, with name and type', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, '"actor": "customer"', 11));
      const calm = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
      assert.deepEqual(
        calm.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).sort(),
        ['admin', 'api-gateway', 'customer', 'ecommerce-platform', 'inventory-database', 'inventory-service', 'order-database', 'order-service', 'payment-service'],
      );
      assert.equal(calm.find((i) => i.label === 'customer')?.detail, 'Customer · actor');
    });

    test('hover: the card of the referenced node, untrusted', async () => {
      const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"node": "order-service"', 12));
      const markdown = hover.contents[0] as vscode.MarkdownString;
      assert.match(markdown.value, /^\*\*Order Service\*\* — node \(service\)/);
      assert.ok(!markdown.isTrusted, 'hover Markdown is not trusted');
    });

    test('definition and references of a node id', async () => {
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '"node": "order-service"', 12));
      assert.equal(defs.length, 1);
      const def = defs[0] as vscode.Location;
      assert.deepEqual([def.range.start.line, def.range.start.character], [positionOf(document, '"order-service"', 0).line, positionOf(document, '"order-service"', 0).character]);
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, '"order-service"', 2));
      assert.equal(refs.length, document.getText().split('"order-service"').length - 1);
    });

    test('rename: one edit of every occurrence', async () => {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '"admin"', 2), 'administrator');
      const edits = edit.get(document.uri);
      assert.equal(edits.length, 2);
      assert.ok(edits.every((e) => e.newText === '"administrator"'));
    });

    test('quick fix: a mistyped reference is fixed and its diagnostic goes', async () => {
      const editor = await vscode.window.showTextDocument(document);
      const at = positionOf(document, '"node": "order-service"', 9);
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 'order-service'.length)), 'order-servce')));
      const [diagnostic] = await waitForCalmDiagnostics(document.uri, (ds) => ds.length === 1, 'the dangling reference diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === "Change to 'order-service'");
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await waitForCalmDiagnostics(document.uri, (ds) => ds.length === 0, 'no diagnostic after the fix');
      assert.deepEqual(calmDiagnostics(document.uri), []);
    });

    test('outline and code lenses', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const nodes = symbols.find((s) => s.name === 'nodes');
      assert.deepEqual(nodes?.children.map((c) => c.name), ['actor', 'service', 'database', 'system']);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      assert.equal(lenses.filter((l) => l.command?.command === 'calm.showInDiagram').length, 9);
      assert.ok(lenses.some((l) => l.command?.title === '5 references'), JSON.stringify(lenses.map((l) => l.command?.title)));
    });

    test('CALM: New Architecture opens a valid untitled calm document', async () => {
      await vscode.commands.executeCommand('calm.newArchitecture');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.languageId, 'calm');
      assert.equal(editor.document.uri.scheme, 'untitled');
      assert.equal(JSON.parse(editor.document.getText()).$schema, 'https://calm.finos.org/release/1.1/meta/calm.json');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('CALM: Validate Workspace reports the CALM files of the folder', async () => {
      const result = await vscode.commands.executeCommand<{ files: number } | undefined>('calm.validateWorkspace');
      assert.ok(result && result.files >= 2, JSON.stringify(result));
    });

    test('with autoSwitch off, a CALM JSON document stays JSON', async () => {
      await setSetting('calm', 'languageMode.autoSwitch', false);
      try {
        const uri = await writeWorkspaceFile('features-stays-json.json', document.getText());
        const api = await calmLens();
        const recognised = waitFor(api.service.onIsCalmChanged, () => (api.calmContext.isCalm(uri.toString()) ? true : undefined), 'the document recognised as CALM');
        const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        await recognised;
        // One more round trip through the server: a switch, had one started, would have completed by now.
        await api.getModel(uri);
        assert.equal(opened.document.languageId, 'json');
        assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'json');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await setSetting('calm', 'languageMode.autoSwitch', true);
      }
    });
  });
}
