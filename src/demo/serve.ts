// `npm run demo:server`: the demo API alone, for loading the extension into a browser by hand.
import { printManualSteps } from './print-manual-steps.ts';
import { startDemoServerPreferred } from './start-demo-server-preferred.ts';

const server = await startDemoServerPreferred();
printManualSteps(server);
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
