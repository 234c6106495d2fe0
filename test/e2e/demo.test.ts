// `npm run demo` as a new user meets it: it prints a URL; that URL shows VS Code with examples/
// open and the e-commerce architecture in the editor; Ctrl+C stops everything it started.
// (--no-build: npm test packaged the .vsix just before the e2e suite.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { launchBrowser, Steps } from '../../scripts/e2e/browser';
import { repoRoot, requireChromium, requireCodeServer, requireVsix } from '../../scripts/e2e/paths';
import { explorerRows, waitForLanguageMode } from '../../scripts/e2e/workbench';

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('error', () => resolve(false));
  });
}

test('npm run demo serves VS Code on examples/ with the e-commerce file open; Ctrl+C stops it', { timeout: 240_000 }, async () => {
  requireCodeServer();
  requireChromium();
  requireVsix();
  const demo = spawn('node', ['--import', 'tsx', 'scripts/demo.ts', '--no-build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(demo, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      demo.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(output);
        if (found) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`the demo exited before printing a URL:\n${output}`)));
    });
    assert.match(url, /folder=\/.*\/examples&payload=/);

    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(url);
      await page.locator('.tabs-container .tab.active[data-resource-name="ecommerce-platform.json"]').waitFor();
      await page.locator('.editor-group-container.active .view-line', { hasText: '"unique-id": "customer"' }).waitFor();
      assert.ok((await explorerRows(page)).includes('ecommerce-platform.json'));
      // The packaged extension is installed and running: it switched the file to the CALM language mode.
      await waitForLanguageMode(page, 'CALM');
      await new Steps(page, 'demo').shot('demo-url-opened');
    } finally {
      await browser.close();
    }

    const origin = new URL(url).origin;
    assert.equal(await answers(`${origin}/healthz`), true);
    demo.kill('SIGINT');
    const [code] = await exited;
    assert.equal(code, 0, output);
    assert.match(output, /\[demo\] stopping/);
    assert.equal(await answers(`${origin}/healthz`), false, 'code-server still answers after Ctrl+C');
  } finally {
    if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGKILL');
  }
});
