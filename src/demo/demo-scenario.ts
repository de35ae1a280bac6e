/** Which host a demo request goes to. `local` is the demo server's own origin (no provider host). */
export type DemoHost = 'persona' | 'ranex' | 'error-envelope' | 'persly' | 'privo' | 'local';

/** What the demo server does when the scenario's request arrives. */
export type DemoReply =
  | { kind: 'respond'; status: number; headers?: Readonly<Record<string, string>>; body: string }
  /** Close the connection without answering: the browser reports a network error. */
  | { kind: 'destroy-socket' };

/**
 * One button on the demo page: the request the page sends and the answer the server gives.
 * `refused` scenarios go to a port nothing listens on, so no reply is needed.
 */
export interface DemoScenario {
  id: string;
  label: string;
  host: DemoHost;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  requestHeaders?: Readonly<Record<string, string>>;
  requestBody?: string;
  reply: DemoReply | { kind: 'refused' };
}
