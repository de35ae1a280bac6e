import path from 'node:path';
import type { DemoServer } from './demo-server.ts';
import { hostResolverRules } from './host-resolver-rules.ts';

const dist = (target: string) => path.resolve('dist', target);

/** How to try the extension by hand against the running demo server, in any browser. */
export function printManualSteps(server: DemoServer): void {
  console.log(`
Demo API listening on http://127.0.0.1:${server.port} (Ctrl+C stops it).

Load the extension by hand:
  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${dist('chrome')}
  Firefox:         about:debugging → This Firefox → Load Temporary Add-on… → ${dist('firefox')}/manifest.json
                   (build it first with: npm run build:firefox)

Then open the demo page, open DevTools (F12) → "API Errors", and press the buttons:
  ${server.loopbackPageUrl}
  (providers answer at <provider>.localhost there, so the panel recognises them by body shape;
   map e.g. persona.localhost → persona in the panel settings to recognise them by host)

With their real host names instead (as npm start does), start Chromium with
  --host-resolver-rules="${hostResolverRules()}"
and open ${server.pageUrl}
`);
}
