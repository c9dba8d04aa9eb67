// Drives the copydesk extension in code-server (the real VS Code workbench)
// with headless Chromium, the way a reporter would: Quick Open, the Problems
// panel, a mouse hover, Go to References. Every check reads what is on the
// screen (the DOM), and each step leaves a screenshot.
//
// Environment:
//   CS_URL      the workbench URL, with ?folder= the workspace (required)
//   ARTIFACTS   where screenshots go (required)
//   CHROMIUM    the browser (default /usr/bin/chromium)
//   STEP_MS     how long any one wait may take (default 30000)
//
// Prints PASS:/FAIL: per step; exit status 0 only when every step passed.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const url = mustEnv("CS_URL");
const artifacts = mustEnv("ARTIFACTS");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const stepMs = Number(process.env.STEP_MS || 30000);

const COUNCIL = "council-budget-problems.md";
const EXPLAINER = "competes-act-explainer.md";
const CHIP_PLANT = "chip-plant-opens.md";

function mustEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`FAIL: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const flat = (text) => text.replace(/\s+/g, " ").trim();

class StepFailure extends Error {}
function check(condition, message) {
  if (!condition) throw new StepFailure(message);
}

// Waits for a locator, turning Playwright's timeout into a readable failure.
async function waitFor(locator, what, timeout = stepMs) {
  try {
    await locator.first().waitFor({ state: "visible", timeout });
  } catch (err) {
    if (err.name !== "TimeoutError") throw err;
    throw new StepFailure(`${what} did not appear within ${timeout / 1000}s`);
  }
  return locator.first();
}

async function screenshot(page, name) {
  const file = path.join(artifacts, name);
  await page.screenshot({ path: file });
  log(`screenshot ${file}`);
}

// Opens a workspace file through Quick Open (Ctrl+P) and waits for its tab.
async function quickOpen(page, name) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+P");
  const input = await waitFor(page.locator(".quick-input-widget input"), "the Quick Open box");
  await input.fill(name);
  await waitFor(
    page.locator(".quick-input-widget .monaco-list-row").filter({ hasText: name }),
    `"${name}" in the Quick Open list`,
  );
  await page.keyboard.press("Enter");
  await waitFor(page.locator(".tabs-container .tab.active").filter({ hasText: name }), `the tab of ${name}`);
  // The text itself, not just the tab.
  await waitFor(page.locator(".part.editor .monaco-editor .view-lines .view-line"), `the text of ${name}`);
}

// The on-screen box of a phrase in the editor's visible lines, found in the
// rendered text (Monaco may render spaces as no-break spaces and split a line
// into several spans).
async function phraseBox(page, phrase) {
  return page.evaluate((phrase) => {
    const lines = document.querySelectorAll(".part.editor .monaco-editor .view-lines .view-line");
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = "";
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length });
        text += node.data.replace(/\u00a0/g, " ");
      }
      const at = text.indexOf(phrase);
      if (at < 0) continue;
      const locate = (offset) => {
        let hit = nodes[0];
        for (const entry of nodes) if (entry.start <= offset) hit = entry;
        return [hit.node, offset - hit.start];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + phrase.length - 1));
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    return null;
  }, phrase);
}

async function pointAt(page, phrase, { click = false } = {}) {
  const box = await phraseBox(page, phrase);
  check(box, `"${phrase}" is not among the editor's visible lines`);
  // A quarter of the way in: inside the phrase, clear of its edges.
  const x = box.x + Math.min(box.width / 4, 40);
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 60, y + 30);
  await page.mouse.move(x, y, { steps: 8 });
  if (click) await page.mouse.click(x, y);
}

// --- the steps -------------------------------------------------------------

async function unattributedQuote(page) {
  await quickOpen(page, COUNCIL);
  await waitFor(
    page.locator(".part.editor .monaco-editor .squiggly-warning"),
    `a warning squiggle in ${COUNCIL}`,
    stepMs * 2, // the first file also waits for the server to start
  );
  log("squiggle shown");
  await page.keyboard.press("Control+Shift+M");
  const row = await waitFor(
    page.locator(".markers-panel .monaco-list-row").filter({ hasText: "Nobody is named as saying this quote" }),
    "the unattributed-quote message in the Problems panel",
  );
  const rowText = flat(await row.innerText());
  const panelText = flat(await page.locator(".markers-panel").first().innerText());
  log(`Problems panel: ${panelText}`);
  check(rowText.includes("unattributed-quote"), `the Problems row does not name the rule: "${rowText}"`);
  check(/\[Ln 6, Col 1\]/.test(rowText), `the Problems row is not at line 6, column 1: "${rowText}"`);
  check(panelText.includes(COUNCIL), `the Problems panel does not name ${COUNCIL}`);
  check(panelText.includes("This quotation mark is never closed"), "the unclosed quote on line 11 is not listed");
  // The extension's status bar item counts the open drafts' issues.
  const status = await waitFor(
    page.locator(".statusbar-item").filter({ hasText: /copydesk: \d+/ }),
    'the "copydesk: N" status bar item',
  );
  log(`status bar: ${flat(await status.innerText())}`);
  await screenshot(page, "unattributed-quote.png");
  // Close the panel so it does not cover the editor in later steps.
  await page.keyboard.press("Control+J");
}

async function lawHover(page) {
  await quickOpen(page, EXPLAINER);
  const hover = page.locator(".monaco-hover:not(.hidden) .monaco-hover-content");
  let text = "";
  // The server may still be reading the draft: point again a few times.
  for (let attempt = 1; attempt <= 3 && !text.includes("Pub. L."); attempt++) {
    await pointAt(page, "Wolf Amendment");
    try {
      await hover.filter({ hasText: "Wolf Amendment" }).first().waitFor({ state: "visible", timeout: stepMs / 3 });
      text = flat(await hover.filter({ hasText: "Wolf Amendment" }).first().innerText());
    } catch {
      text = flat((await hover.allInnerTexts()).join(" | "));
    }
    log(`hover (attempt ${attempt}): ${text || "(none)"}`);
    await page.mouse.move(5, 5);
  }
  await pointAt(page, "Wolf Amendment");
  await page.waitForTimeout(1000);
  await screenshot(page, "law-hover.png");
  check(text, 'no hover appeared over "Wolf Amendment"');
  check(text.includes("Wolf Amendment"), `the hover does not name the Wolf Amendment: "${text}"`);
  check(text.includes("Pub. L. 112-10"), `the hover does not cite Pub. L. 112-10: "${text}"`);
  await page.mouse.move(5, 5);
  await page.keyboard.press("Escape");
}

async function references(page) {
  await quickOpen(page, EXPLAINER);
  await pointAt(page, "CHIPS and Science Act", { click: true });
  await page.keyboard.press("Escape"); // no hover in the way
  await page.keyboard.press("Shift+F12");
  const peek = page.locator(".reference-zone-widget");
  try {
    await waitFor(peek, "the references peek view");
  } catch (err) {
    // VS Code says "No references found ..." in a message over the editor.
    const message = flat((await page.locator(".monaco-editor-overlaymessage").allInnerTexts()).join(" "));
    await screenshot(page, "references.png");
    throw message ? new StepFailure(`${err.message}; VS Code says: "${message}"`) : err;
  }
  // One row per file in the peek view's tree, with the file name and a count.
  const rows = peek.locator(".ref-tree .reference-file");
  // Both drafts: wait until the list holds the second file, not just the first.
  let names = "";
  const deadline = Date.now() + stepMs;
  while (Date.now() < deadline) {
    names = flat((await rows.allInnerTexts()).join(" | "));
    if (names.includes(EXPLAINER) && names.includes(CHIP_PLANT)) break;
    await page.waitForTimeout(250);
  }
  const title = flat(await peek.locator(".peekview-title").first().innerText().catch(() => ""));
  log(`references peek: ${title} :: ${names || "(empty)"}`);
  await screenshot(page, "references.png");
  check(names.includes(EXPLAINER), `the references list does not name ${EXPLAINER}: "${names}"`);
  check(names.includes(CHIP_PLANT), `the references list does not name ${CHIP_PLANT}: "${names}"`);
}

// --- main ------------------------------------------------------------------

const steps = [
  ["unattributed quote in the Problems panel", unattributedQuote],
  ["law hover over the Wolf Amendment", lawHover],
  ["references to the CHIPS and Science Act across drafts", references],
];

fs.mkdirSync(artifacts, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  headless: true,
  timeout: stepMs,
  args: [
    "--no-sandbox", // running as root in CI
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(stepMs);
  page.on("pageerror", (err) => log(`page error: ${err.message}`));
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: stepMs });
  await waitFor(page.locator(".monaco-workbench"), "the VS Code workbench", stepMs * 2);
  // The explorer lists the drafts once the folder is open.
  await waitFor(page.locator(".explorer-folders-view .monaco-list-row").filter({ hasText: COUNCIL }), "the drafts in the Explorer");
  log("workbench ready");

  for (const [name, run] of steps) {
    if (!browser.isConnected()) break;
    const t0 = Date.now();
    try {
      await run(page);
      results.push([name, true]);
      console.log(`PASS: ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    } catch (err) {
      results.push([name, false]);
      const reason = err instanceof StepFailure ? err.message : `${err.name}: ${err.message.split("\n")[0]}`;
      console.log(`FAIL: ${name}: ${reason}`);
      const shot = `failed-${results.length}.png`;
      await screenshot(page, shot).catch(() => {});
      await page.keyboard.press("Escape").catch(() => {});
    }
  }
} catch (err) {
  console.log(`FAIL: the workbench did not load: ${err.message.split("\n")[0]}`);
  results.push(["workbench", false]);
  const page = browser.contexts()[0]?.pages()[0];
  if (page) await screenshot(page, "failed-workbench.png").catch(() => {});
} finally {
  await browser.close();
}
const passed = results.filter(([, ok]) => ok).length;
console.log(`${passed}/${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(passed === steps.length && results.length === steps.length ? 0 : 1);
