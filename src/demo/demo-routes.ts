import { LOOPBACK_HOSTS, PROVIDER_HOSTS, type ProviderHost } from './demo-hosts.ts';
import type { DemoHost, DemoScenario } from './demo-scenario.ts';

export interface DemoRoutes {
  /** The scenario a request addresses, or undefined (the page's own files, or a wrong URL). */
  find(hostHeader: string | undefined, method: string, path: string): DemoScenario | undefined;
  /** Which group a Host header addresses: a provider (real name or `<id>.localhost`) or `local`. */
  groupOf(hostHeader: string | undefined): DemoHost;
}

function groupOf(hostHeader: string | undefined): DemoHost {
  const hostname = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  for (const names of [PROVIDER_HOSTS, LOOPBACK_HOSTS])
    for (const [id, name] of Object.entries(names)) if (name === hostname) return id as ProviderHost;
  return 'local';
}

const key = (group: DemoHost, method: string, path: string): string => `${group} ${method} ${path}`;

/**
 * Routes by Host header, method and path, as the real APIs would: one server plays every
 * provider. Throws on a duplicate id or route so a new scenario cannot silently shadow another.
 */
export function demoRoutes(scenarios: readonly DemoScenario[]): DemoRoutes {
  const routes = new Map<string, DemoScenario>();
  const ids = new Set<string>();
  for (const s of scenarios) {
    const k = key(s.host, s.method, s.path);
    if (ids.has(s.id) || routes.has(k)) throw new Error(`demo scenario ${s.id} duplicates an id or a route`);
    ids.add(s.id);
    routes.set(k, s);
  }
  return {
    groupOf,
    find: (hostHeader, method, path) => routes.get(key(groupOf(hostHeader), method, path)),
  };
}
