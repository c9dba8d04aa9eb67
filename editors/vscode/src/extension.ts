// The copydesk extension: starts `copydesk lsp` for Markdown drafts and
// gives reporters a few commands and a status bar item.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk", { log: true });
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  status.command = "copydesk.showOutput";
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand("copydesk.restartServer", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("copydesk.showOutput", () => output.show(true)),
    // Not "copydesk.checkWorkspace": that is the server's command, which
    // vscode-languageclient registers itself when the server advertises it
    // (two registrations of one command make the client fail to start).
    vscode.commands.registerCommand("copydesk.checkAllDrafts", async () => {
      if (!client || client.state !== State.Running) {
        vscode.window.showWarningMessage("copydesk is not running; restart it first.");
        return;
      }
      await client.sendRequest("workspace/executeCommand", {
        command: "copydesk.checkWorkspace",
        arguments: [],
      });
      await vscode.commands.executeCommand("workbench.actions.view.problems");
    }),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (
        event.affectsConfiguration("copydesk.server.path") ||
        event.affectsConfiguration("copydesk.languages")
      ) {
        await vscode.commands.executeCommand("copydesk.restartServer");
      }
    }),
  );

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const server = findServer(context);
  if (!server) {
    setStatus("$(error) copydesk", "The copydesk program was not found.");
    const choice = await vscode.window.showErrorMessage(
      "copydesk could not find its program. Install it with `cargo install --path .` from a " +
        "copydesk checkout, or set `copydesk.server.path` to where it is.",
      "Open settings",
    );
    if (choice === "Open settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.server.path");
    }
    return;
  }
  output.appendLine(`copydesk: starting ${server} lsp`);

  const serverOptions: ServerOptions = {
    command: server,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const config = vscode.workspace.getConfiguration("copydesk");
  const languages = config.get<string[]>("languages", ["markdown"]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: settings(),
    synchronize: { configurationSection: "copydesk" },
    outputChannel: output,
    traceOutputChannel: output,
  };

  client = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      updateStatus();
    } else if (event.newState === State.Starting) {
      setStatus("$(sync~spin) copydesk", "copydesk is starting.");
    } else {
      setStatus("$(circle-slash) copydesk", "copydesk has stopped. Click for its output.");
    }
  });
  try {
    await client.start();
  } catch (err) {
    setStatus("$(error) copydesk", "copydesk failed to start. Click for its output.");
    output.appendLine(`copydesk: the server failed to start: ${err}`);
    vscode.window.showErrorMessage(
      "copydesk failed to start; see its output (copydesk: Show the server's output).",
    );
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop().catch((err) => output.appendLine(`copydesk: stop failed: ${err}`));
  }
}

/// The settings sent to the server; they override copydesk.toml.
function settings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("copydesk");
  return {
    rules: config.get("rules", {}),
    attribution: {
      verbs: config.get("attribution.verbs", []),
      minQuoteWords: config.get("attribution.minQuoteWords", 4),
    },
    inlayHints: { enabled: config.get("inlayHints.enabled", true) },
    // Machine-scoped settings: VS Code ignores a workspace's own values for
    // them, so a cloned repository cannot raise them.
    limits: {
      draftMib: config.get("limits.draftMib"),
      configMib: config.get("limits.configMib"),
      knowledgeBaseMib: config.get("limits.knowledgeBaseMib"),
      cacheMib: config.get("limits.cacheMib"),
    },
    kb: { allowOutsideWorkspace: config.get("kb.allowOutsideWorkspace", false) },
  };
}

/// The server program: the setting, else the binary bundled for this
/// platform, else `copydesk` on PATH.
function findServer(context: vscode.ExtensionContext): string | undefined {
  const configured = vscode.workspace.getConfiguration("copydesk").get<string>("server.path", "");
  if (configured) {
    return isExecutable(configured) ? configured : undefined;
  }
  const exe = process.platform === "win32" ? "copydesk.exe" : "copydesk";
  const bundled = context.asAbsolutePath(
    path.join("server", `${process.platform}-${process.arch}`, exe),
  );
  if (isExecutable(bundled)) {
    return bundled;
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, exe);
    if (dir && isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function updateStatus(): void {
  if (!client || client.state !== State.Running) {
    return;
  }
  let count = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    count += diagnostics.filter((d) => d.source === "copydesk").length;
  }
  const noun = count === 1 ? "issue" : "issues";
  setStatus(`$(book) copydesk: ${count}`, `copydesk is running: ${count} open ${noun} in your drafts.`);
}

function setStatus(text: string, tooltip: string): void {
  status.text = text;
  status.tooltip = tooltip;
  status.show();
}
