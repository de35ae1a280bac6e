// Everything that depends on Firefox's internals, in one file, so a browser update is a one-file
// fix. Verified on Firefox ESR 140.12 and 153.8 (Debian's firefox-esr: bookworm has 140, its
// security updates 153, and CI installs whichever its package index offers); ../shared/TESTING.md
// was written against Firefox 153 and differs from 140 where noted.
//
// Driving the browser: Marionette, for everything.
// - TESTING.md reached the privileged browser window with WebDriver BiDi (`browsingContext.getTree`
//   with `moz:scope: 'chrome'`); Firefox 140 has no chrome scope in BiDi (getTree lists only
//   content, so "chrome" code ran in the web page: `ChromeUtils is not defined`).
// - Marionette's chrome context exists in 140 and in every later release (Mozilla's own test
//   harnesses use it), gated in 140 and later by `--remote-allow-system-access`
//   (remote/marionette/driver.sys.mjs, `hasSystemAccess`).
// - Marionette cannot run next to puppeteer's BiDi session: Firefox has one WebDriver session for
//   both protocols, so `WebDriver:NewSession` answers "Maximum number of active sessions", and
//   without its own session Marionette has no chrome window to run in ("no such window"; after
//   `SwitchToWindow`, "this.currentSession.timeouts is undefined"). So the Firefox suite drives the
//   browser through Marionette alone: content context for the page, chrome context for DevTools,
//   `Addon:Install` for the temporary add-on. One path that runs on this machine and in CI (140)
//   and on newer releases alike, instead of a BiDi path for 153+ that nothing here exercises.
// - The client below speaks the wire protocol documented in
//   https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html (sections "Command",
//   "Response", "Error object"): `[0, id, name, params]` out, `[1, id, error, result]` back, each
//   framed as `<byte length>:<JSON>` (remote/marionette/packets.sys.mjs, JSONPacket), after a
//   greeting `{applicationType, marionetteProtocol: 3}` (remote/marionette/server.sys.mjs,
//   sayHello). `marionette.port` 0 picks a free port, written to the profile's
//   `MarionetteActivePort` file (remote/components/Marionette.sys.mjs).
// - A Marionette chrome script runs in a fresh sandbox whose prototype is the browser window:
//   state kept between calls lives on `window` (here `window.__apiErrorsE2e`), not on globalThis.
//
// DevTools internals used (all from the privileged browser window):
// - `gDevTools.showToolboxForTab` (devtools/client/framework/devtools) opens the toolbox (which
//   loads our devtools page); the panel registers as an "additional tool" labelled with its title,
//   `toolbox.selectTool` shows it. Works whenever it is called, also after the page has started
//   making requests (verified with a page firing a request every 20 ms).
// - The panel document lives in a remote <browser> inside the tool's iframe
//   (`#toolbox-panel-iframe-<id>`), reached with a message-manager frame script.
// - Trusted click: `windowUtils.sendMouseEvent` in the panel's process. Firefox 140 has no
//   `Window.synthesizeMouseEvent` (TESTING.md, 153), 153 no longer has sendMouseEvent: whichever
//   exists is used. `isDOMEventSynthesized: false` gives the click user activation, which the
//   clipboard write needs.
// - Key presses: an nsITextInputProcessor (TIP) in the toolbox's window while the panel's <browser>
//   has focus. That is the path hardware keys take (on Linux the native key handler feeds the
//   same TextEventDispatcher): the parent dispatches to the toolbox, forwards to the panel's
//   process, where the event is trusted, then gets the reply the browser window's key bindings ask
//   for. Observed on 140: an Escape the panel leaves alone reaches the toolbox's split-console
//   toggle (`_splitConsoleOnKeypress`, on the toolbox's chrome event handler) twice, before the
//   panel and again on that reply, so the split console opens and closes again; an Escape the
//   panel consumes (preventDefault) gets no reply, so it toggles once: the split console opens.
//   A TIP inside the panel's own process would reach only the panel, never the toolbox.
// - Theme: the `devtools.theme` pref; DevTools observes it, emits "theme-changed", and the
//   extension API fires `devtools.panels.onThemeChanged` in our panel.
// - Split console (the "console drawer"): `toolbox.splitConsole` (undefined until first toggled).
// - Firefox's own Network panel: `toolbox.getNetMonitorAPI()` is the object the Network panel (and
//   the `devtools.network` extension API) share; its Redux store's `requests.requests` is the list
//   the panel shows. It records from the moment the toolbox watches network events, not before.
// - Clipboard: `Services.clipboard.getData` (headless Firefox keeps its own clipboard).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PANEL_TITLE = 'API Errors';
/** DevTools' entry object, as an expression for the privileged window. */
const G_DEVTOOLS = `ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs')
  .require('devtools/client/framework/devtools').gDevTools`;
/** How long a frame script may take before the probe is reported as hung. */
const FRAME_SCRIPT_DEADLINE_MS = 30_000;
/** A hang guard for one Marionette script (its session timeout), not a speed expectation. */
const SCRIPT_HANG_GUARD_MS = 300_000;
/** How long Firefox may take to start or to quit on a loaded machine before it is given up on. */
const PROCESS_HANG_GUARD_MS = 120_000;

/**
 * One Marionette connection. Commands run one at a time: the chrome/content context is
 * connection state that a command reads after it started (GeckoDriver.execute_), so a context
 * switch must never overlap another command.
 */
class MarionetteConnection {
  #socket;
  #received = Buffer.alloc(0);
  #pending = new Map();
  #lastId = 0;
  #queue = Promise.resolve();
  #context = 'content';
  #failure = null;
  #onGreeting;

  static async open(port) {
    const connection = new MarionetteConnection();
    const greeting = await new Promise((resolve, reject) => {
      connection.#onGreeting = { resolve, reject };
      connection.#socket = net.connect(port, '127.0.0.1');
      connection.#socket.on('data', (chunk) => connection.#receive(chunk));
      connection.#socket.on('error', (error) => connection.#fail(error));
      connection.#socket.on('close', () => connection.#fail(new Error('the Marionette connection closed')));
    });
    if (greeting.marionetteProtocol !== 3)
      throw new Error(`Marionette protocol ${greeting.marionetteProtocol}, expected 3`);
    return connection;
  }

  /** Runs `name` in the given context ('chrome' or 'content'; null: whichever is current). */
  command(name, params = {}, context = null) {
    const run = async () => {
      if (context && context !== this.#context) {
        await this.#send('Marionette:SetContext', { value: context });
        this.#context = context;
      }
      return this.#send(name, params);
    };
    const result = this.#queue.then(run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  close() {
    this.#socket.destroy();
  }

  #send(name, params) {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = ++this.#lastId;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    this.#socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'latin1'), body]));
    return new Promise((resolve, reject) => this.#pending.set(id, { name, resolve, reject }));
  }

  #receive(chunk) {
    this.#received = Buffer.concat([this.#received, chunk]);
    for (;;) {
      const colon = this.#received.indexOf(':');
      if (colon === -1) return;
      const header = this.#received.subarray(0, colon).toString('latin1');
      if (!/^\d+$/.test(header)) return this.#fail(new Error(`bad Marionette packet header "${header}"`));
      const end = colon + 1 + Number(header);
      if (this.#received.length < end) return;
      let message;
      try {
        message = JSON.parse(this.#received.subarray(colon + 1, end).toString('utf8'));
      } catch (error) {
        return this.#fail(new Error(`unreadable Marionette packet: ${error.message}`));
      }
      this.#received = this.#received.subarray(end);
      if (!Array.isArray(message)) {
        this.#onGreeting.resolve(message);
        continue;
      }
      const [, id, error, result] = message;
      const waiter = this.#pending.get(id);
      this.#pending.delete(id);
      if (!waiter) continue;
      if (error) {
        const where = error.stacktrace ? `\n${error.stacktrace.split('\n').slice(0, 3).join('\n')}` : '';
        waiter.reject(new Error(`${waiter.name}: ${error.error}: ${error.message}${where}`));
      } else waiter.resolve(result);
    }
  }

  #fail(error) {
    if (this.#failure) return;
    this.#failure = error;
    this.#onGreeting.reject(error);
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
  }
}

/** Writes prefs the way Firefox reads them from a profile's user.js. */
function userJs(prefs) {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

async function waitForPort(profile, exited, stderr) {
  const deadline = Date.now() + PROCESS_HANG_GUARD_MS;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    const text = await readFile(path.join(profile, 'MarionetteActivePort'), 'utf8').catch(() => '');
    if (/^\d+$/.test(text.trim())) return Number(text);
    if (gone || Date.now() > deadline)
      throw new Error(`Firefox ${gone ? 'exited' : 'did not start Marionette'}; its stderr:\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Headless Firefox with a fresh profile where the given host names resolve to the loopback
 * address. Returns `{ page, installExtension(dir), evalChrome(expression), close() }`:
 * `page` is the selected tab (`goto`, `reload`, `evaluate(fn, ...args)` like puppeteer's);
 * `evalChrome` evaluates an expression in the privileged browser window, awaiting a promise.
 * All calls share one Marionette connection and run one after another: work the page must keep
 * doing during later calls is started without awaiting it (e.g. a `setInterval` in the page).
 */
export async function launchFirefox({ executablePath, localHosts }) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'api-errors-e2e-firefox-'));
  await writeFile(
    path.join(profile, 'user.js'),
    userJs({
      'marionette.port': 0,
      // Firefox's answer to Chromium's --host-resolver-rules: these names resolve to localhost.
      'network.dns.localDomains': localHosts.join(','),
      // A toolbox tall enough that the virtualized failure list renders every demo row.
      'devtools.toolbox.footer.height': 2200,
      'devtools.toolbox.host': 'bottom',
    }),
  );
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--marionette',
      '--remote-allow-system-access',
      '--no-remote',
      '--profile',
      profile,
      '--width=1600',
      '--height=2600',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (data) => (stderr = (stderr + data).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async (marionette) => {
    // Marionette:Quit asks for a normal shutdown; a Firefox that cannot be asked, or hangs, is killed.
    const quitting = marionette
      ? await marionette.command('Marionette:Quit', { flags: ['eForceQuit'] }).then(
          () => true,
          () => false,
        )
      : false;
    marionette?.close();
    if (child.exitCode === null && child.signalCode === null) {
      if (!quitting) child.kill('SIGKILL');
      const hung = setTimeout(() => child.kill('SIGKILL'), PROCESS_HANG_GUARD_MS);
      await exited;
      clearTimeout(hung);
    }
    process.removeListener('exit', killOnExit);
    await rm(profile, { recursive: true, force: true });
  };
  let marionette;
  try {
    marionette = await MarionetteConnection.open(await waitForPort(profile, exited, () => stderr));
    await marionette.command('WebDriver:NewSession', { timeouts: { script: SCRIPT_HANG_GUARD_MS } });
  } catch (error) {
    await stop(marionette);
    throw error;
  }
  const execute = async (context, script, args = []) =>
    (await marionette.command('WebDriver:ExecuteScript', { script, args }, context)).value;
  return {
    page: {
      goto: (url) => marionette.command('WebDriver:Navigate', { url }, 'content'),
      reload: () => marionette.command('WebDriver:Refresh', {}, 'content'),
      // Runs in a sandbox over the page's window without Xray wrappers: page globals are visible.
      evaluate: (fn, ...args) => execute('content', `return (${fn}).apply(null, arguments);`, args),
    },
    installExtension: async (dir) =>
      (await marionette.command('Addon:Install', { path: dir, temporary: true })).value,
    evalChrome: (expression) => execute('chrome', `return (${expression});`),
    close: () => stop(marionette),
  };
}

/**
 * Opens the toolbox on the selected tab (the one `page` drives) and waits until our devtools page
 * registered the panel. Any time will do, also while the page is busy making requests.
 */
export async function openToolbox(evalChrome) {
  await evalChrome(`(async () => {
    const toolbox = await ${G_DEVTOOLS}.showToolboxForTab(gBrowser.selectedTab, { toolId: 'webconsole' });
    const deadline = Date.now() + 60000; // a hang guard: a loaded 2-core machine can take tens of seconds
    let tool;
    while (!(tool = toolbox.getAdditionalTools().find((d) => d.label === ${JSON.stringify(PANEL_TITLE)}))) {
      if (Date.now() > deadline) throw new Error('the API Errors panel was never registered');
      await new Promise((r) => setTimeout(r, 50));
    }
    window.__apiErrorsE2e = { toolbox, toolId: tool.id };
    return true;
  })()`);
}

/** Selects the panel (its code runs only from now on) and keeps its <browser> for frame scripts. */
export async function selectPanel(evalChrome) {
  await evalChrome(`(async () => {
    const e2e = window.__apiErrorsE2e;
    await e2e.toolbox.selectTool(e2e.toolId);
    const frame = e2e.toolbox.doc.getElementById('toolbox-panel-iframe-' + e2e.toolId);
    const deadline = Date.now() + 60000; // a hang guard: a loaded 2-core machine can take tens of seconds
    let b;
    while (!(b = frame.contentDocument.querySelector('browser'))?.currentURI?.spec.startsWith('moz-extension:')) {
      if (Date.now() > deadline) throw new Error('the API Errors panel document never loaded');
      await new Promise((r) => setTimeout(r, 50));
    }
    e2e.panelBrowser = b;
    return true;
  })()`);
}

/**
 * Runs `fn(doc, win, arg)` in the panel document through a frame script and returns its
 * JSON-serialisable (or promised) result. `doc`/`win` are Xray wrappers: page-set expandos are
 * only visible through `win.wrappedJSObject`.
 */
export async function evalPanel(evalChrome, fn, arg) {
  const script = `(async () => {
      let r;
      try { r = { ok: await (${fn})(content.document, content, ${JSON.stringify(arg ?? null)}) }; }
      catch (e) { r = { error: String(e) }; }
      sendAsyncMessage('e2e:result', JSON.stringify(r ?? { ok: null }));
    })()`;
  const reply = await evalChrome(`new Promise((resolve, reject) => {
    const mm = window.__apiErrorsE2e.panelBrowser.messageManager;
    mm.addMessageListener('e2e:result', function l(m) { mm.removeMessageListener('e2e:result', l); resolve(m.data); });
    mm.loadFrameScript('data:text/javascript;charset=utf-8,' + encodeURIComponent(${JSON.stringify(script)}), false);
    setTimeout(() => reject(new Error('frame script timeout')), ${FRAME_SCRIPT_DEADLINE_MS});
  })`);
  const res = JSON.parse(reply);
  if ('error' in res) throw new Error(`in the panel: ${res.error}`);
  return res.ok;
}

/** A trusted click (isTrusted, user activation) at the centre of the element `pick` returns. */
export function trustedClick(evalChrome, pick, arg) {
  return evalPanel(
    evalChrome,
    `(doc, win, arg) => {
      const el = (${pick})(doc, arg);
      if (!el) throw new Error('nothing to click');
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      for (const type of ['mousedown', 'mouseup']) {
        if (typeof win.windowUtils.sendMouseEvent === 'function')
          // Firefox 140: (type, x, y, button, clickCount, modifiers, ignoreRootScrollFrame,
          // pressure, inputSource, isDOMEventSynthesized).
          win.windowUtils.sendMouseEvent(type, x, y, 0, 1, 0, false, 0, win.MouseEvent.MOZ_SOURCE_MOUSE, false);
        else
          // Firefox 15x: ChromeOnly Window.synthesizeMouseEvent replaced sendMouseEvent.
          win.synthesizeMouseEvent(type, x, y, { button: 0, clickCount: 1 }, { isDOMEventSynthesized: false });
      }
      return true;
    }`,
    arg,
  );
}

/**
 * Presses and releases a key as hardware would, with the panel focused: `combo` is a UI Events
 * `key` value, optionally after modifiers (`'Escape'`, `'Control+f'`, `'Shift+Tab'`). The panel's
 * document gets trusted keydown/keyup; the toolbox and the browser window see the keys too.
 */
export function pressKey(evalChrome, combo) {
  const keys = combo === '+' ? ['+'] : combo.split(/\+(?!$)/);
  const modifiers = keys.slice(0, -1);
  for (const m of modifiers)
    if (!['Alt', 'Control', 'Meta', 'Shift'].includes(m)) throw new Error(`not a modifier: ${m} in ${combo}`);
  return evalChrome(`(() => {
    const keys = ${JSON.stringify(keys)};
    const browser = window.__apiErrorsE2e.panelBrowser;
    browser.focus();
    // The toolbox's window. Element.ownerGlobal is gone in Firefox 153 (undefined there, which the
    // TIP refuses as NS_ERROR_ILLEGAL_VALUE); ownerDocument.defaultView is the same window in 140.
    const win = browser.ownerDocument.defaultView;
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(win)) throw new Error('another input transaction is active');
    // Printable keys get US-layout key codes and codes; named keys get theirs from Gecko
    // (nsITextInputProcessor's guess*/compute* helpers, as Marionette's EventUtils does).
    const event = (key) => {
      if (key.length === 1)
        return [new win.KeyboardEvent('', {
          key,
          code: tip.guessCodeValueOfPrintableKeyInUSEnglishKeyboardLayout(key),
          keyCode: tip.guessKeyCodeValueOfPrintableKeyInUSEnglishKeyboardLayout(key),
        }), tip.KEY_FORCE_PRINTABLE_KEY];
      return [new win.KeyboardEvent('', { key, code: tip.computeCodeValueOfNonPrintableKey(key) }), tip.KEY_NON_PRINTABLE_KEY];
    };
    const pressed = keys.map(event);
    for (const [e, flags] of pressed) tip.keydown(e, flags);
    for (const [e, flags] of pressed.reverse()) tip.keyup(e, flags);
    return true;
  })()`);
}

/** Switches DevTools to the 'light' or 'dark' theme, live; returns the theme DevTools now reports. */
export function setTheme(evalChrome, theme) {
  if (theme !== 'light' && theme !== 'dark') throw new Error(`unknown theme ${theme}`);
  return evalChrome(`(() => {
    Services.prefs.setCharPref('devtools.theme', ${JSON.stringify(theme)});
    return ${G_DEVTOOLS}.getTheme();
  })()`);
}

/** Whether the toolbox shows the split console (Firefox's console drawer). */
export function isSplitConsoleOpen(evalChrome) {
  return evalChrome(`window.__apiErrorsE2e.toolbox.splitConsole === true`);
}

/**
 * The requests Firefox's own Network panel holds for the inspected tab, oldest first:
 * `{ url, method, status, startedMs }`, status null while no response arrived (or none ever will),
 * startedMs the epoch milliseconds its HAR export gives as `startedDateTime`.
 */
export function networkPanelRequests(evalChrome) {
  return evalChrome(`(async () => {
    const api = await window.__apiErrorsE2e.toolbox.getNetMonitorAPI();
    return api.store.getState().requests.requests.map((r) => ({
      url: r.url,
      method: r.method,
      status: r.status ? Number(r.status) : null,
      startedMs: r.startedMs,
    }));
  })()`);
}

/** The text on the (headless) system clipboard, read in the privileged window. */
export function readClipboard(evalChrome) {
  return evalChrome(`(() => {
    const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    t.init(null);
    t.addDataFlavor('text/plain');
    try { Services.clipboard.getData(t, Ci.nsIClipboard.kGlobalClipboard, null); }
    catch { return ''; }
    const out = {};
    try { t.getTransferData('text/plain', out); } catch { return ''; }
    return out.value.QueryInterface(Ci.nsISupportsString).data;
  })()`);
}

/** Hands a file to an <input type=file> of the panel, as the file picker would. */
export function setInputFile(evalChrome, selector, fileName, text) {
  return evalPanel(
    evalChrome,
    `(doc, win, arg) => {
      const input = doc.querySelector(arg.selector);
      if (!input) throw new Error('no ' + arg.selector);
      const transfer = new win.DataTransfer();
      transfer.items.add(new win.File([arg.text], arg.fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new win.Event('change', { bubbles: true }));
      return true;
    }`,
    { selector, fileName, text },
  );
}

/**
 * Imports HAR text into Firefox's own Network panel, as its "HAR ▸ Import…" menu item does once
 * the file is read (devtools/client/netmonitor/src/har/har-menu-utils.js, `openHarFile`, hands the
 * text to `HarImporter` with the panel's actions). The file picker itself is not driven: it is a
 * native dialog with no headless stand-in outside Mozilla's test harness. Opens the toolbox on the
 * Network panel when none is open.
 */
export function importHarIntoNetworkPanel(evalChrome, text) {
  return evalChrome(`(async () => {
    const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    const toolbox = await ${G_DEVTOOLS}.showToolboxForTab(gBrowser.selectedTab, { toolId: 'netmonitor' });
    window.__apiErrorsE2e = { ...(window.__apiErrorsE2e ?? {}), toolbox };
    const panel = toolbox.getPanel('netmonitor') ?? (await toolbox.selectTool('netmonitor'));
    const { HarImporter } = require('devtools/client/netmonitor/src/har/har-importer');
    await new HarImporter(panel.panelWin.actions).import(${JSON.stringify(text)});
    return true;
  })()`);
}
