// Everything that depends on Firefox's DevTools internals, in one file, so a browser update is a
// one-file fix. Verified on Firefox ESR 153 (see ../shared/TESTING.md):
// - `--remote-allow-system-access` lets WebDriver BiDi evaluate in the privileged browser window;
// - `gDevTools.showToolboxForTab` opens the toolbox (which loads our devtools page), and the panel
//   registers as an "additional tool" labelled with its title; `toolbox.selectTool` shows it;
// - the panel document lives in a remote <browser> inside the tool's iframe and is reached with a
//   message-manager frame script (BiDi does not list it as a browsing context);
// - `Window.synthesizeMouseEvent` (ChromeOnly) makes a trusted click, needed for clipboard writes;
// - `Services.clipboard` reads the clipboard back (headless Firefox keeps its own clipboard).
import puppeteer from 'puppeteer-core';

const PANEL_TITLE = 'API Errors';
/** How long a frame script may take before the probe is reported as hung. */
const FRAME_SCRIPT_DEADLINE_MS = 10_000;

/** Headless Firefox where the given host names resolve to the loopback address. */
export function launchFirefox({ executablePath, localHosts }) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access', '--width=1600', '--height=2600'],
    extraPrefsFirefox: {
      // Firefox's answer to Chromium's --host-resolver-rules: these names resolve to localhost.
      'network.dns.localDomains': localHosts.join(','),
      // A toolbox tall enough that the virtualized failure list renders every demo row.
      'devtools.toolbox.footer.height': 2200,
      'devtools.toolbox.host': 'bottom',
    },
  });
}

/** A handle on the privileged browser window, evaluating JS there over BiDi. */
export async function chromeWindow(browser) {
  const bidi = browser.connection;
  const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0].context;
  return async function evalChrome(expression) {
    const r = await bidi.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.result.type !== 'success') throw new Error(JSON.stringify(r.result.exceptionDetails ?? r.result));
    return r.result.result.value;
  };
}

/** Opens the toolbox on the selected tab and waits until our devtools page registered the panel. */
export async function openToolbox(evalChrome) {
  await evalChrome(`(async () => {
    const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    const { gDevTools } = require('devtools/client/framework/devtools');
    const toolbox = await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: 'webconsole' });
    const deadline = Date.now() + 15000;
    let tool;
    while (!(tool = toolbox.getAdditionalTools().find((d) => d.label === ${JSON.stringify(PANEL_TITLE)}))) {
      if (Date.now() > deadline) throw new Error('the API Errors panel was never registered');
      await new Promise((r) => setTimeout(r, 50));
    }
    globalThis.__e2eToolbox = toolbox;
    globalThis.__e2eToolId = tool.id;
    return true;
  })()`);
}

/** Selects the panel (its code runs only from now on) and keeps its <browser> for frame scripts. */
export async function selectPanel(evalChrome) {
  await evalChrome(`(async () => {
    const toolbox = globalThis.__e2eToolbox, id = globalThis.__e2eToolId;
    await toolbox.selectTool(id);
    const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + id);
    const deadline = Date.now() + 15000;
    let b;
    while (!(b = frame.contentDocument.querySelector('browser'))?.currentURI?.spec.startsWith('moz-extension:')) {
      if (Date.now() > deadline) throw new Error('the API Errors panel document never loaded');
      await new Promise((r) => setTimeout(r, 50));
    }
    globalThis.__e2ePanelBrowser = b;
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
    const mm = globalThis.__e2ePanelBrowser.messageManager;
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
      // Firefox 15x: ChromeOnly Window.synthesizeMouseEvent (nsIDOMWindowUtils.sendMouseEvent is gone).
      for (const type of ['mousedown', 'mouseup'])
        win.synthesizeMouseEvent(type, x, y, { button: 0, clickCount: 1 }, { isDOMEventSynthesized: false });
      return true;
    }`,
    arg,
  );
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
