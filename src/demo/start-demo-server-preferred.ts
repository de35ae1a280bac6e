import { startDemoServer, type DemoServer } from './demo-server.ts';

/**
 * The demo server on DEMO_PORT (default 4780, so the printed URLs stay the same from run to run),
 * or on any free port when that one is taken.
 */
export async function startDemoServerPreferred(): Promise<DemoServer> {
  const preferred = Number(process.env['DEMO_PORT'] ?? 4780);
  try {
    return await startDemoServer({ port: preferred });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${preferred} is busy; using a free one.`);
    return startDemoServer();
  }
}
