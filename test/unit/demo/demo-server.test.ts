import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../src/demo/demo-server.ts';

interface PageScenario {
  id: string;
  method: string;
  url: string;
}

interface Reply {
  status: number;
  connection: string | undefined;
}

/**
 * Sends one request to 127.0.0.1 with the URL's host in `Host`, as the mapped browser does, and
 * says how it ended: the reply's status and `Connection` header once the socket has closed, or
 * the error the client saw.
 */
function send(url: URL, method: string, body?: string): Promise<Reply | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method,
        headers: { Host: url.host },
        agent: false,
      },
      (res) => {
        res.resume();
        res.socket.once('close', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
        );
      },
    );
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

describe('the demo server', () => {
  let server: DemoServer;
  let page: string;
  let csp: string;
  let scenarios: PageScenario[];

  beforeAll(async () => {
    server = await startDemoServer();
    const response = await fetch(server.pageUrl);
    page = await response.text();
    csp = response.headers.get('content-security-policy') ?? '';
    const json = /<script[^>]*id="demo-scenarios"[^>]*>([^<]*)<\/script>/.exec(page)?.[1];
    scenarios = JSON.parse(json ?? '[]') as PageScenario[];
  });

  afterAll(() => server.close());

  const scenario = (id: string): PageScenario => {
    const found = scenarios.find((s) => s.id === id);
    if (!found) throw new Error(`no scenario ${id} on the page`);
    return found;
  };

  it('sends the network-error scenario to a port of its own, and only that one', () => {
    const dropped = new URL(scenario('persona-network').url);
    expect(dropped.hostname).toBe('api.withpersona.com');
    expect(Number(dropped.port)).not.toBe(server.port);
    const onDropPort = scenarios.filter((s) => new URL(s.url).port === dropped.port).map((s) => s.id);
    expect(onDropPort).toEqual(['persona-network']);
    expect(new URL(scenario('persona-401').url).port).toBe(String(server.port));
    // The page's CSP lets it call the dropping origin.
    expect(csp).toContain(dropped.origin);
  });

  it('answers the preflight there and closes that connection, so the request goes out on a fresh one', async () => {
    const url = new URL(scenario('persona-network').url);
    await expect(send(url, 'OPTIONS')).resolves.toEqual({ status: 204, connection: 'close' });
  });

  it('closes the connection unanswered once the request has arrived', async () => {
    const s = scenario('persona-network');
    await expect(send(new URL(s.url), s.method, '{"amount":1}')).resolves.toEqual({ error: 'ECONNRESET' });
  });

  it('still answers the other scenarios on the main port', async () => {
    const s = scenario('persona-401');
    const reply = await send(new URL(s.url), s.method);
    expect(reply).toMatchObject({ status: 401 });
  });
});
