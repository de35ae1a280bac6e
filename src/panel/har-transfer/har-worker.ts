// The panel's HAR worker (a module Worker: Chromium and Firefox >= 114 load those from an extension
// page under MV3's CSP, `worker-src` falling back to `script-src 'self'`). Wiring only: the jobs
// live in har-jobs.ts. Started by the platform (src/platform/browser-platform.ts).
import { HarJobs, type ToWorker } from './har-jobs.ts';

const jobs = new HarJobs((message) => postMessage(message));
addEventListener('message', (event: MessageEvent<ToWorker>) => jobs.receive(event.data));
