import { existsSync } from 'node:fs';

/** Where Chromium or Chrome usually lives, per platform, after CHROME_PATH. */
const CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** CHROME_PATH when set (even if wrong, so the error names it), else the first browser found. */
export function findChrome(): string | undefined {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) return fromEnv;
  return (CANDIDATES[process.platform] ?? []).find((path) => existsSync(path));
}
