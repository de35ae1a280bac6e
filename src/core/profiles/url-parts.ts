export interface UrlParts {
  /** `host:port` and bare hostname, lower case (a host mapping may name either). */
  hosts: string[];
  /** Path without query, `/` when the URL is unreadable. */
  path: string;
}

/** The parts of a request URL the classifier looks at, parsed once per exchange. */
export function urlParts(url: string): UrlParts {
  try {
    const parsed = new URL(url);
    const hostname = parsed.hostname.toLowerCase();
    const host = parsed.host.toLowerCase();
    return { hosts: host === hostname ? [host] : [host, hostname], path: parsed.pathname };
  } catch {
    return { hosts: [], path: '/' };
  }
}
