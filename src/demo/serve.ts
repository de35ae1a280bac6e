// `npm run demo:server`: the demo API alone, for loading the extension into a browser by hand.
import { printManualSteps } from './print-manual-steps.ts';
import { startDemoServer } from './demo-server.ts';

const server = await startDemoServer({ port: Number(process.env.DEMO_PORT ?? 4780) });
printManualSteps(server);
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
