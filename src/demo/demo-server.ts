import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_HOSTS, PROVIDER_HOSTS, type ProviderHost } from './demo-hosts.ts';
import { demoPageResponse, type PageContext } from './demo-page-response.ts';
import { demoRoutes, type DemoRoutes } from './demo-routes.ts';
import type { DemoHost, DemoScenario } from './demo-scenario.ts';
import { demoScenarios } from './demo-scenarios.ts';
import { freePort } from './free-port.ts';

export interface DemoServer {
  port: number;
  /** The demo page, with requests to the providers' real host names (needs the host mapping). */
  pageUrl: string;
  /** The demo page for a browser nobody configured: providers at `<id>.localhost`. */
  loopbackPageUrl: string;
  scenarios: readonly DemoScenario[];
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id',
};

const PREFLIGHT = {
  ...CORS,
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  // `Authorization` must be named explicitly: a `*` here does not cover it (Fetch › CORS-preflight).
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Idempotency-Key, X-Api-Key, X-Api-Secret, Persona-Version, Key-Inflection, X-Request-Id',
  'Access-Control-Max-Age': '600',
};

function originsFor(names: Readonly<Record<ProviderHost, string>>, port: number): Record<DemoHost, string> {
  const origins = { local: `http://127.0.0.1:${port}` } as Record<DemoHost, string>;
  for (const [id, name] of Object.entries(names)) origins[id as ProviderHost] = `http://${name}:${port}`;
  return origins;
}

/**
 * `GET /tick/<n>` on the page's own origin: a failing API call a page can fire every few
 * milliseconds, numbered so a test can tell each call apart and check the order (issue 11's e2e
 * fires one every 20 ms while DevTools opens). Answers like the error-envelope API's 503.
 */
const TICK = /^\/tick\/(\d{1,9})$/;

function tickReply(n: string): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: 503,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '1', 'Cache-Control': 'no-store' },
    body: JSON.stringify({
      error: { code: 'unavailable', message: `tick ${n} failed on purpose`, request_id: `req_tick_${n}` },
    }),
  };
}

/** Answers one request once its body has arrived (a real API reads the body before failing). */
function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  routes: DemoRoutes,
  page: PageContext,
): void {
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, PREFLIGHT).end();
    return;
  }
  const own =
    routes.groupOf(req.headers.host) === 'local' && method === 'GET'
      ? demoPageResponse(url, page)
      : undefined;
  const tick =
    method === 'GET' && routes.groupOf(req.headers.host) === 'local' ? TICK.exec(url.pathname) : null;
  const ownReply = own ?? (tick?.[1] === undefined ? undefined : tickReply(tick[1]));
  if (ownReply) {
    res.writeHead(ownReply.status, ownReply.headers).end(ownReply.body);
    return;
  }
  const reply = routes.find(req.headers.host, method, url.pathname)?.reply;
  if (reply?.kind === 'respond') res.writeHead(reply.status, { ...CORS, ...reply.headers }).end(reply.body);
  else res.writeHead(404, { ...CORS, 'Content-Type': 'text/plain' }).end('no such demo route\n');
}

/**
 * The listener for `destroy-socket` scenarios, on a port of its own: it answers a CORS preflight and
 * closes that connection, and closes every other request's connection unanswered once the request
 * has arrived, so the browser reports a network error. No connection to it is ever kept alive, so
 * the dropped request always went out on a fresh one. Dropped on a kept-alive connection, a request
 * is sent again by the browser (a reused connection may have been closed by the server's idle
 * timeout: RFC 9112 §9.3.1), and Firefox ESR 140 with DevTools open left such a re-sent POST
 * pending for good in about 1 of 50 runs (seen in CI, then here: 3 of 150 with the toolbox open,
 * 0 of 150 without).
 */
async function startDropServer(): Promise<http.Server> {
  const drop = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...PREFLIGHT, Connection: 'close' }).end();
      return;
    }
    req.resume();
    req.on('end', () => req.socket.destroy());
  });
  await listen(drop, 0);
  return drop;
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * The demo API: one HTTP server on 127.0.0.1 answering for every provider host (told apart by the
 * Host header) with the responses their docs describe, plus the demo page itself. Used by
 * `npm start`, `npm run demo:server` and the e2e tests, so what the tests check is what a user sees.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const scenarios = demoScenarios();
  const routes = demoRoutes(scenarios);
  // Nothing listens on this port: the "connection refused" scenario needs a real refusal.
  const refusedPort = await freePort();
  const server = http.createServer();
  await listen(server, options.port ?? 0);
  const drop = await startDropServer();
  const port = (server.address() as AddressInfo).port;
  const page: PageContext = {
    scenarios,
    mapped: originsFor(PROVIDER_HOSTS, port),
    loopback: originsFor(LOOPBACK_HOSTS, port),
    refusedOrigin: `http://127.0.0.1:${refusedPort}`,
    dropPort: (drop.address() as AddressInfo).port,
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.resume();
    req.on('end', () => answer(req, res, routes, page));
  });
  return {
    port,
    pageUrl: `http://127.0.0.1:${port}/`,
    loopbackPageUrl: `http://127.0.0.1:${port}/?hosts=localhost`,
    scenarios,
    close: async () => {
      await Promise.all([closeServer(server), closeServer(drop)]);
    },
  };
}
