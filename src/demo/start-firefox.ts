// `npm run start:firefox`: the demo API, then Firefox (FIREFOX_PATH, else Debian's firefox-esr,
// else `firefox`) with the Firefox build loaded as a temporary add-on by `web-ext run`, DevTools
// open, on the demo page. The providers' host names resolve to the demo server through the
// `network.dns.localDomains` pref (Firefox's answer to Chromium's --host-resolver-rules), so
// nothing leaves the machine. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { demoSettings, providerHostNames } from './demo-hosts.ts';
import { printManualSteps } from './print-manual-steps.ts';
import { startDemoServerPreferred } from './start-demo-server-preferred.ts';

function findFirefox(): string | undefined {
  const fromEnv = process.env['FIREFOX_PATH'];
  if (fromEnv) return fromEnv;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'].find((p) => existsSync(p));
}

const hasDisplay = (): boolean =>
  process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

const server = await startDemoServerPreferred();
const firefox = findFirefox();
if (!firefox || !hasDisplay()) {
  console.log(
    firefox
      ? 'No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.'
      : 'No Firefox found (set FIREFOX_PATH to one).',
  );
  console.log('The demo server keeps running; load dist/firefox by hand (about:debugging).');
  printManualSteps(server);
} else {
  const webExt = path.resolve('node_modules/.bin/web-ext');
  const args = [
    'run',
    '--source-dir',
    path.resolve('dist/firefox'),
    '--firefox',
    firefox,
    '--start-url',
    server.pageUrl,
    '--no-reload',
    '--pref',
    `network.dns.localDomains=${providerHostNames().join(',')}`,
    '--pref',
    'devtools.toolbox.host=bottom',
    // Firefox's -devtools switch opens the toolbox on the first tab; pick "API Errors" there.
    '--arg=--devtools',
  ];
  const child = spawn(webExt, args, { stdio: 'inherit' });
  const mapped = Object.entries(demoSettings().hostMap)
    .map(([host, profile]) => `${host} → ${profile}`)
    .join(', ');
  console.log(
    `Firefox opens on ${server.pageUrl} with DevTools open: choose the "API Errors" tab, then press the buttons.\n` +
      `web-ext cannot preset the extension's storage, so add the demo's mapping once in the panel's ` +
      `Settings: ${mapped}. Close Firefox or press Ctrl+C to stop.`,
  );
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await server.close();
    process.exit(0);
  };
  child.once('exit', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
