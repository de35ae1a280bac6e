/**
 * The subset of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) the pipeline reads.
 * Every field is optional here because real files (and browsers) omit them; `parseHar` and
 * `exchangeFromHarEntry` decide what a missing field means.
 */
export interface HarNameValue {
  name: string;
  value: string;
  [extra: string]: unknown;
}

export interface HarContent {
  size?: number;
  mimeType?: string;
  text?: string;
  encoding?: string;
  [extra: string]: unknown;
}

export interface HarRequest {
  method?: string;
  url?: string;
  httpVersion?: string;
  headers?: HarNameValue[];
  queryString?: HarNameValue[];
  cookies?: HarNameValue[];
  postData?: { mimeType?: string; text?: string; params?: HarNameValue[]; [extra: string]: unknown };
  [extra: string]: unknown;
}

export interface HarResponse {
  status?: number;
  statusText?: string;
  httpVersion?: string;
  headers?: HarNameValue[];
  cookies?: HarNameValue[];
  content?: HarContent;
  redirectURL?: string;
  _error?: string | null;
  _failureText?: string | null;
  [extra: string]: unknown;
}

export interface HarEntry {
  startedDateTime?: string;
  time?: number;
  request?: HarRequest;
  response?: HarResponse;
  timings?: Record<string, number | undefined>;
  _error?: string | null;
  [extra: string]: unknown;
}

export interface Har {
  log: {
    version?: string;
    creator?: { name?: string; version?: string };
    entries: HarEntry[];
    [extra: string]: unknown;
  };
  [extra: string]: unknown;
}
