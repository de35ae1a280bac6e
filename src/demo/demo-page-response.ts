import { readFileSync } from 'node:fs';
import type { ProviderHost } from './demo-hosts.ts';
import { demoPageHtml, type PageScenario } from './demo-page-html.ts';
import type { DemoHost, DemoScenario } from './demo-scenario.ts';

export interface PageContext {
  scenarios: readonly DemoScenario[];
  /** Origins for each group with the providers' real host names (needs host mapping). */
  mapped: Readonly<Record<DemoHost, string>>;
  /** Origins with `<provider>.localhost` names (works in any browser). */
  loopback: Readonly<Record<DemoHost, string>>;
  /** An origin nothing listens on. */
  refusedOrigin: string;
  /** The port whose listener drops every request it reads (see startDemoServer). */
  dropPort: number;
}

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const asset = (name: string): string => readFileSync(new URL(`./page/${name}`, import.meta.url), 'utf8');

/** The same host on the dropping listener's port. */
function dropOrigin(origin: string, ctx: PageContext): string {
  const url = new URL(origin);
  url.port = String(ctx.dropPort);
  return url.origin;
}

function scenarioOrigin(
  s: DemoScenario,
  ctx: PageContext,
  origins: Readonly<Record<DemoHost, string>>,
): string {
  if (s.reply.kind === 'refused') return ctx.refusedOrigin;
  return s.reply.kind === 'destroy-socket' ? dropOrigin(origins[s.host], ctx) : origins[s.host];
}

function pageScenarios(ctx: PageContext, origins: Readonly<Record<DemoHost, string>>): PageScenario[] {
  return ctx.scenarios.map((s) => ({
    id: s.id,
    label: s.label,
    group: s.host,
    method: s.method,
    url: scenarioOrigin(s, ctx, origins) + s.path,
    headers: s.requestHeaders ?? {},
    ...(s.requestBody === undefined ? {} : { body: s.requestBody }),
  }));
}

/** The page may call every demo origin and nothing else; it runs no inline script. */
function contentSecurityPolicy(ctx: PageContext): string {
  const served = [...Object.values(ctx.mapped), ...Object.values(ctx.loopback)];
  const origins = [...served, ...served.map((origin) => dropOrigin(origin, ctx)), ctx.refusedOrigin];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${[...new Set(origins)].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function indexPage(url: URL, ctx: PageContext): PageResponse {
  const origins = url.searchParams.get('hosts') === 'localhost' ? ctx.loopback : ctx.mapped;
  const labels = { ...origins };
  for (const id of Object.keys(labels) as ProviderHost[]) labels[id] = new URL(origins[id]).hostname;
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(ctx),
    },
    body: demoPageHtml(pageScenarios(ctx, origins), labels),
  };
}

/** The demo page and its two static files, or undefined for any other path. */
export function demoPageResponse(url: URL, ctx: PageContext): PageResponse | undefined {
  const file = (type: string, name: string) => ({
    status: 200,
    headers: { 'Content-Type': type },
    body: asset(name),
  });
  switch (url.pathname) {
    case '/':
      return indexPage(url, ctx);
    case '/demo.js':
      return file('text/javascript; charset=utf-8', 'demo.js');
    case '/demo.css':
      return file('text/css; charset=utf-8', 'demo.css');
    case '/favicon.ico':
      return { status: 204, headers: {}, body: '' };
    default:
      return undefined;
  }
}
