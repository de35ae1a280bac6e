import { looksGenerated } from './field-names.ts';
import { codeAt } from './personal-formats.ts';
import { isSpaceCode, type RedactionKind, type Span } from './session.ts';

/**
 * Secret formats, as data: vendor key formats recognised by their documented prefix, plus the few
 * shapes that have no prefix (JWT, PEM, Telegram bot tokens, Terraform Cloud and Azure AD
 * secrets) and the webhook URLs whose path is the secret. Where each format is documented: the
 * vendor's page named in `cite`, and the rule of the same format in gitleaks' default config
 * (config/gitleaks.toml, rule id given), secretlint's recommended preset (rule name given) or
 * GitHub's "Supported secret scanning patterns" list. The formats were learnt there; the table,
 * bounds and scanner are ours. A maintained rule set was considered as a dependency: secretlint's
 * recommended preset imports `node:path` and reads `process`, weighs ~38 KB gzipped (the panel's
 * whole budget is 60 KB), and runs one regular expression per rule over the whole text.
 *
 * How a rule is matched: the text is walked once; at each position where a token can start (the
 * previous character is not a letter, digit or `_`), the first two characters pick the rules
 * whose prefix starts with them (a table lookup), the prefix is compared case-exactly, and the
 * body is measured as a run of one character class. A run's end is cached per class, so the
 * runs of overlapping candidates (`eyJeyJ…`, `sk-sk-sk-…`) are measured once: linear in the text.
 */

// Character classes of a rule body.
const A = 1; // [A-Za-z0-9]
const H = 2; // [0-9a-f]
const HX = 4; // [0-9A-Fa-f]
const U = 8; // [A-Z0-9]
const W = 16; // [A-Za-z0-9_-] (base64url)
const B = 32; // [A-Za-z0-9+/=] (base64)
const WD = 64; // [A-Za-z0-9_.=-]
const L = 128; // [a-z0-9]

const CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const c = String.fromCharCode(code);
  let bits = 0;
  if (/[A-Za-z0-9]/.test(c)) bits |= A | W | WD | B;
  if (/[0-9a-f]/.test(c)) bits |= H;
  if (/[0-9A-Fa-f]/.test(c)) bits |= HX;
  if (/[A-Z0-9]/.test(c)) bits |= U;
  if (/[a-z0-9]/.test(c)) bits |= L;
  if (c === '_' || c === '-') bits |= W | WD;
  if (c === '.' || c === '=') bits |= WD;
  if (c === '+' || c === '/' || c === '=') bits |= B;
  CLASS[code] = bits;
}

function classOf(code: number): number {
  return code < 128 ? (CLASS[code] ?? 0) : 0;
}

/**
 * ASCII characters a one-character class matches, as a table: the free-text finders below walk a
 * run per character, and a table read costs a fraction of a regex call on a one-character string.
 */
function asciiTable(pattern: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}

/** text[at] is an ASCII character of `table` (a character past the end is not). */
function inTable(table: Uint8Array, text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 && table[code] === 1;
}

/** A credential after an authorization scheme: RFC 6750 §2.1 b64token, and `/+=` of base64. */
const B64TOKEN = asciiTable(/[A-Za-z0-9._~+/=-]/);
/** What ends a URL written in free text: blanks, quotes, angle brackets, a backtick, a backslash. */
const ENDS_URL = asciiTable(/[\s"'<>`\\]/);
/** A data: URI's payload: base64 (RFC 4648 §4) or percent-encoded (RFC 2397 §3). */
const DATA_PAYLOAD = asciiTable(/[A-Za-z0-9+/=%_-]/);

interface TokenRule {
  prefix: string;
  body: number;
  min: number;
  /** 0: open-ended. Otherwise the body must not be longer, and nothing of its class may follow. */
  max: number;
  kind: RedactionKind;
  cite: string;
  /** The body must hold a digit and a letter (prefixes that also start ordinary words). */
  mixed?: boolean;
  /** A file signature: the character before must not be base64 either. */
  document?: boolean;
}

function rules(
  kind: RedactionKind,
  prefixes: string,
  body: number,
  min: number,
  max: number,
  cite: string,
  extra: Partial<TokenRule> = {},
): TokenRule[] {
  return prefixes.split(' ').map((prefix) => ({ prefix, body, min, max, kind, cite, ...extra }));
}

const GH_SCAN = 'GitHub docs "Supported secret scanning patterns"';

/** Vendor formats by prefix. Longer prefixes are tried before shorter ones that start the same. */
export const TOKEN_RULES: readonly TokenRule[] = [
  // AI platforms
  ...rules(
    'api-key',
    'sk-ant-api03- sk-ant-admin01- sk-ant-',
    W,
    20,
    0,
    'Anthropic API docs "Authentication" (x-api-key: sk-ant-api03-…); gitleaks anthropic-api-key, anthropic-admin-api-key',
  ),
  ...rules(
    'api-key',
    'sk-proj- sk-svcacct- sk-admin- sk-',
    W,
    20,
    0,
    'OpenAI API reference "Authentication" (sk-, sk-proj- project keys); gitleaks openai-api-key; secretlint @secretlint/secretlint-rule-openai',
    { mixed: true },
  ),
  ...rules('api-key', 'sk-or-v1-', HX, 64, 0, 'OpenRouter docs "Authentication" (sk-or-v1- keys)'),
  ...rules('api-key', 'gsk_', A, 52, 0, 'Groq docs "API keys"; secretlint @secretlint/secretlint-rule-groq'),
  // The body is 34 letters and no digit (gitleaks: `hf_(?i:[a-z]{34})`), so a digit-and-letter
  // requirement missed most real tokens; an exact length keeps words like `hf_config` out.
  ...rules(
    'token',
    'hf_ api_org_',
    A,
    34,
    34,
    'Hugging Face docs "User access tokens" (hf_); gitleaks huggingface-access-token, huggingface-organization-api-token',
  ),
  ...rules(
    'api-key',
    'pplx-',
    A,
    48,
    0,
    'Perplexity API docs "Getting started" (pplx- keys); gitleaks perplexity-api-key',
  ),
  ...rules('token', 'r8_', A, 37, 0, 'Replicate docs "API tokens" (r8_ prefix)', { mixed: true }),
  // Cloud platforms
  ...rules(
    'api-key',
    'AKIA ASIA ABIA ACCA',
    U,
    16,
    16,
    'AWS IAM User Guide "Unique identifiers" (AKIA, ASIA prefixes); gitleaks aws-access-token',
  ),
  ...rules('api-key', 'A3T', U, 17, 17, 'gitleaks aws-access-token (A3T prefix)'),
  ...rules(
    'api-key',
    'ABSK',
    B,
    100,
    0,
    'Amazon Bedrock docs "API keys" (long-term keys ABSK…); gitleaks aws-amazon-bedrock-api-key-long-lived',
  ),
  ...rules(
    'api-key',
    'AIza',
    W,
    35,
    35,
    'Google Cloud docs "Manage API keys" (keys start AIza); gitleaks gcp-api-key',
  ),
  ...rules(
    'token',
    'ya29.',
    WD,
    20,
    0,
    `Google Identity "OAuth 2.0 access tokens" (ya29.); ${GH_SCAN}: google_oauth_access_token`,
  ),
  ...rules('secret', 'GOCSPX-', W, 24, 0, `${GH_SCAN}: google_oauth_client_secret (GOCSPX-)`),
  ...rules('token', '1//0', W, 30, 0, `${GH_SCAN}: google_oauth_refresh_token (1//0…)`),
  ...rules(
    'api-key',
    'LTAI',
    A,
    16,
    30,
    'Alibaba Cloud "AccessKey pair" (LTAI…); gitleaks alibaba-access-key-id (20), trufflehog alibaba (17-21)',
    { mixed: true },
  ),
  ...rules(
    'token',
    'dop_v1_ doo_v1_ dor_v1_',
    H,
    64,
    0,
    'DigitalOcean docs "Personal access tokens" (dop_v1_); gitleaks digitalocean-pat, -access-token, -refresh-token',
  ),
  ...rules(
    'api-key',
    'HRKU-AA',
    W,
    58,
    0,
    'Heroku Dev Center "API tokens" (HRKU-); gitleaks heroku-api-key-v2',
  ),
  ...rules(
    'api-key',
    'v1.0-',
    W,
    160,
    0,
    'Cloudflare "Origin CA keys" (v1.0-…); gitleaks cloudflare-origin-ca-key',
  ),
  ...rules(
    'token',
    'fo1_',
    W,
    43,
    0,
    'Fly.io docs "Access tokens" (fo1_, fm1a_, fm2_); gitleaks flyio-access-token',
  ),
  ...rules(
    'token',
    'fm1a_ fm1r_ fm2_',
    // Base64 with `_` and `-` as well (trufflehog flyio: fm\d+_[A-Za-z0-9+/=,_-]{500,700}).
    B | W,
    100,
    0,
    'Fly.io docs "Access tokens"; gitleaks flyio-access-token; trufflehog flyio detector',
  ),
  ...rules(
    'token',
    'dapi',
    HX,
    32,
    34,
    'Databricks docs "Personal access tokens" (dapi…); gitleaks databricks-api-token; secretlint databricks rule',
  ),
  ...rules(
    'token',
    'dp.pt. dp.st. dp.sa. dp.ct. dp.scim. dp.audit.',
    // Service tokens name their config first (`dp.st.<config>.<key>`): the body may hold a dot.
    WD,
    40,
    0,
    'Doppler docs "Token formats" (dp.pt., dp.st., dp.sa., dp.ct., dp.scim., dp.audit.); gitleaks doppler-api-token; trufflehog doppler detector',
  ),
  ...rules(
    'token',
    'hvs. hvb.',
    W,
    90,
    0,
    'HashiCorp Vault docs "Tokens" › "Token prefixes" (hvs., hvb.); gitleaks vault-service-token, vault-batch-token',
  ),
  // Before Vault 1.10 a service token was `s.` and 24 characters; a letter and a digit are
  // required, so a property access in script (`s.getElementsByTagName`) is not one.
  ...rules(
    'token',
    's.',
    A,
    24,
    24,
    'HashiCorp Vault docs "Tokens" › "Token prefixes" (s. before 1.10); gitleaks vault-service-token',
    { mixed: true },
  ),
  ...rules('token', 'pul-', L, 40, 40, 'Pulumi docs "Access tokens" (pul-); gitleaks pulumi-api-token'),
  ...rules('token', 'tk-us-', W, 48, 0, 'Scalingo docs "API tokens" (tk-us-); gitleaks scalingo-api-token'),
  ...rules(
    'token',
    'sbp_',
    L,
    40,
    0,
    `Supabase docs "Access tokens" (sbp_); ${GH_SCAN}: supabase_personal_access_token`,
  ),
  ...rules(
    'token',
    'vcp_ vci_ vca_ vcr_ vck_',
    A,
    20,
    0,
    'Vercel docs "Access tokens"; secretlint @secretlint/secretlint-rule-vercel',
  ),
  ...rules(
    'token',
    'pscale_tkn_ pscale_oauth_ pscale_pw_',
    WD,
    32,
    0,
    'PlanetScale docs "Service tokens", "Passwords" (pscale_tkn_, pscale_pw_); gitleaks planetscale-api-token, -password',
  ),
  ...rules(
    'token',
    'ops_eyJ',
    B,
    250,
    0,
    '1Password "Service accounts" (ops_ tokens); gitleaks 1password-service-account-token',
  ),
  ...rules(
    'token',
    'dt0c01.',
    WD,
    80,
    0,
    'Dynatrace docs "Access tokens" › "Token format" (dt0c01.); gitleaks dynatrace-api-token',
  ),
  ...rules(
    'token',
    'glc_',
    B,
    32,
    0,
    'Grafana Cloud docs "Access policies" tokens (glc_); gitleaks grafana-cloud-api-token',
  ),
  ...rules(
    'token',
    'glsa_',
    W,
    40,
    0,
    'Grafana docs "Service accounts" (glsa_); gitleaks grafana-service-account-token',
  ),
  ...rules('api-key', 'eyJrIjoi', B, 70, 0, 'Grafana API keys (base64 of {"k":…); gitleaks grafana-api-key'),
  ...rules(
    'api-key',
    'NRAK- NRII- NRJS-',
    W,
    19,
    0,
    'New Relic docs "API keys" (NRAK-, NRII-, NRJS-); gitleaks new-relic-user-api-key, -insert-key, -browser-api-token',
  ),
  ...rules(
    'token',
    'sntrys_ sntryu_',
    // An organization token is `sntrys_<base64 payload>_<base64 secret>`: `_` between two base64
    // runs, and the secret may hold `+` and `/` (Sentry docs "Organization tokens").
    B | W,
    60,
    0,
    'Sentry docs "Auth tokens" › "Organization tokens" (sntrys_, sntryu_); gitleaks sentry-org-token, sentry-user-token; trufflehog sentryorgtoken detector',
  ),
  ...rules(
    'token',
    'ATATT3',
    // gitleaks atlassian-api-token: ATATT3[A-Za-z0-9_\-=]{186} (a `=` precedes the 8-hex checksum).
    WD,
    60,
    0,
    `Atlassian "Manage API tokens" (ATATT3…); gitleaks atlassian-api-token keyword; ${GH_SCAN}: atlassian_api_token`,
  ),
  ...rules(
    'token',
    'sha256~',
    W,
    43,
    0,
    'OpenShift "Managing OAuth access tokens" (sha256~); gitleaks openshift-user-token',
  ),
  ...rules('token', 'ico-', A, 32, 32, 'Infracost docs "API keys" (ico-); gitleaks infracost-api-token'),
  ...rules('token', 'rdme_', L, 70, 0, 'ReadMe docs "API keys" (rdme_); gitleaks readme-api-token'),
  ...rules('token', 'pnu_', A, 36, 0, 'Prefect docs "API keys" (pnu_); gitleaks prefect-api-token'),
  ...rules(
    'token',
    'sgp_',
    W,
    40,
    0,
    'Sourcegraph docs "Access tokens" (sgp_); gitleaks sourcegraph-access-token',
  ),
  ...rules('token', 'PMAK-', W, 59, 0, 'Postman docs "Postman API keys" (PMAK-); gitleaks postman-api-token'),
  ...rules(
    'api-key',
    'API-',
    U,
    26,
    32,
    'Octopus Deploy docs "API keys" (API-); gitleaks octopus-deploy-api-key',
    { mixed: true },
  ),
  ...rules(
    'secret',
    'AGE-SECRET-KEY-1',
    U,
    58,
    0,
    'age spec "Native X25519 recipients" (AGE-SECRET-KEY-1); gitleaks age-secret-key',
  ),
  ...rules(
    'token',
    '4b1d',
    A,
    38,
    38,
    'ClickHouse Cloud docs "API keys" (4b1d…); gitleaks clickhouse-cloud-api-secret-key',
  ),
  // Developer platforms and package registries
  ...rules(
    'token',
    'ghp_ gho_ ghu_ ghr_',
    A,
    30,
    0,
    'GitHub docs "About authentication to GitHub" › "GitHub\'s token formats"; gitleaks github-pat, github-oauth, github-refresh-token',
  ),
  // An app installation token is `ghs_` and 36 letters and digits, or in the newer format `ghs_`,
  // the app's numeric id, `_` and a JWT (three base64url parts joined by dots): the body's class
  // takes both, and the full stop of a sentence after it is not the body's (ruleEnd).
  ...rules(
    'token',
    'ghs_',
    WD,
    30,
    0,
    'GitHub docs "GitHub\'s token formats"; GitHub changelog 2026-04-24 "Notice about upcoming new format for GitHub App installation tokens" (ghs_<app id>_<JWT>); gitleaks github-app-token; secretlint-rule-github',
  ),
  ...rules(
    'token',
    'github_pat_',
    W,
    22,
    0,
    'GitHub docs "Managing your personal access tokens" (fine-grained github_pat_); gitleaks github-fine-grained-pat',
  ),
  ...rules(
    'token',
    'glpat- gldt- glrt- glcbt- glsoat- glft- glffct-',
    WD,
    20,
    0,
    'GitLab docs "Token overview" › "Token prefixes"; gitleaks gitlab-pat, -deploy-token, -runner-authentication-token, -cicd-job-token, -scim-token, -feed-token, -feature-flag-client-token',
  ),
  ...rules(
    'token',
    'glimt- glagent- gloas- glptt- GR1348941',
    W,
    20,
    0,
    'GitLab docs "Token overview" › "Token prefixes"; gitleaks gitlab-incoming-mail-token, -kubernetes-agent-token, -oauth-app-secret, -ptt, -rrt',
  ),
  ...rules(
    'token',
    'npm_',
    A,
    36,
    0,
    'npm Docs "About access tokens" (npm_); gitleaks npm-access-token; secretlint @secretlint/secretlint-rule-npm',
  ),
  ...rules(
    'token',
    // The macaroon's location is base64 in the prefix: pypi.org, or test.pypi.org for TestPyPI.
    'pypi-AgEIcHlwaS5vcmc pypi-AgENdGVzdC5weXBpLm9yZw',
    W,
    50,
    0,
    'PyPI help "API tokens" (pypi- macaroons, also issued by TestPyPI); gitleaks pypi-upload-token; detect-secrets PypiTokenDetector',
  ),
  ...rules(
    'api-key',
    'rubygems_',
    L,
    48,
    0,
    'RubyGems guides "API key scopes" (rubygems_); gitleaks rubygems-api-token',
  ),
  ...rules('api-key', 'oy2', L, 43, 43, `NuGet docs "Scoped API keys" (oy2…); ${GH_SCAN}: nuget_api_key`),
  ...rules(
    'token',
    'dckr_pat_',
    W,
    27,
    0,
    'Docker docs "Personal access tokens" (dckr_pat_); secretlint @secretlint/secretlint-rule-docker',
  ),
  ...rules('token', 'cio', A, 32, 32, `crates.io "API tokens" (cio…); ${GH_SCAN}: cratesio_api_token`, {
    mixed: true,
  }),
  ...rules(
    'token',
    'CLOJARS_',
    A,
    60,
    0,
    'Clojars wiki "Deploy tokens" (CLOJARS_); gitleaks clojars-api-token',
  ),
  ...rules('api-key', 'AKCp', A, 69, 0, 'JFrog docs "API keys" (AKCp); gitleaks artifactory-api-key'),
  ...rules(
    'token',
    'cmVmd',
    A,
    59,
    0,
    'JFrog docs "Reference tokens" (cmVmd…); gitleaks artifactory-reference-token',
  ),
  ...rules(
    'token',
    'CCIPAT_',
    W,
    40,
    0,
    `CircleCI docs "Managing API tokens" (CCIPAT_); ${GH_SCAN}: circleci_personal_token`,
  ),
  ...rules(
    'token',
    'squ_ sqp_ sqa_',
    H,
    40,
    0,
    'SonarQube docs "Generating and using tokens" (squ_, sqp_, sqa_); gitleaks sonar-api-token',
  ),
  ...rules(
    'token',
    'sqco_',
    A,
    59,
    59,
    'SonarQube Cloud organization tokens (sqco_); trufflehog sonarcloud v2 detector',
  ),
  ...rules(
    'token',
    'ddp_ ddw_',
    A,
    36,
    36,
    'Deno Deploy access tokens (ddp_ personal, ddw_ organization); trufflehog deno detector',
  ),
  ...rules(
    'api-key',
    'da2-',
    L,
    26,
    26,
    'AWS AppSync Developer Guide "Configuring authorization and authentication" › API_KEY authorization (da2-…, sent as x-api-key); trufflehog aws appsync detector',
  ),
  ...rules('secret', 'ramp_sec_', A, 48, 48, 'Ramp API client secrets (ramp_sec_); trufflehog ramp detector'),
  // `1000.` + 32 hex + `.` + 32 hex: exactly that long, so a number such as 1000.5 is none.
  ...rules(
    'token',
    '1000.',
    WD,
    65,
    65,
    'Zoho API docs "OAuth" access and refresh tokens (1000.<32 hex>.<32 hex>); trufflehog zohocrm detector',
  ),
  ...rules(
    'api-key',
    'VF.DM. VF.WS.',
    WD,
    41,
    41,
    'Voiceflow docs "Dialog Manager API keys" (VF.DM.<24 hex>.<16>); trufflehog voiceflow detector',
  ),
  // An upper-case variable name's shape, which isDocPlaceholder keeps unless a word of it is long
  // and holds a digit (see isVariableName).
  ...rules(
    'api-key',
    'API_KEY',
    U,
    32,
    32,
    'Finage API keys (API_KEY + 32 of [A-Z0-9]); trufflehog finage detector',
  ),
  ...rules(
    'token',
    'figd_',
    W,
    40,
    0,
    'Figma API docs "Access tokens" (figd_); secretlint @secretlint/secretlint-rule-figma',
  ),
  ...rules(
    'api-key',
    'lin_api_',
    A,
    40,
    0,
    'Linear API docs "Personal API keys" (lin_api_); gitleaks linear-api-key; secretlint linear rule',
  ),
  ...rules(
    'token',
    'ntn_',
    A,
    46,
    0,
    'Notion API docs "Authorization" (ntn_); gitleaks notion-api-token; secretlint @secretlint/secretlint-rule-notion',
  ),
  // Payment platforms
  ...rules(
    'api-key',
    'sk_live_ sk_test_ sk_prod_ rk_live_ rk_test_ rk_prod_ pk_live_',
    A,
    10,
    0,
    'Stripe docs "API keys" (sk_live_, rk_live_, pk_live_); gitleaks stripe-access-token',
  ),
  ...rules(
    'secret',
    'whsec_',
    A,
    20,
    0,
    'Stripe docs "Check the webhook signatures" (whsec_ signing secrets)',
  ),
  ...rules(
    'token',
    'sq0atp- sq0csp-',
    W,
    22,
    0,
    'Square docs "Access tokens" (sq0atp-, sq0csp-); gitleaks square-access-token',
  ),
  ...rules(
    'token',
    'EAAA',
    W,
    60,
    0,
    'Square docs "Access tokens" (EAAA… production tokens); gitleaks square-access-token',
  ),
  ...rules(
    'token',
    'EAA',
    A,
    100,
    0,
    'Meta for Developers "Access tokens" (EAA…); gitleaks facebook-page-access-token',
  ),
  ...rules(
    'token',
    'shpat_ shpca_ shppa_ shpss_',
    HX,
    32,
    0,
    'Shopify docs "Access tokens" (shpat_, shpca_, shppa_, shpss_); gitleaks shopify-* rules',
  ),
  ...rules(
    'secret',
    'FLWSECK_TEST- FLWSECK- FLWPUBK_TEST- FLWPUBK-',
    W,
    12,
    0,
    'Flutterwave docs "API keys" (FLWSECK-…); gitleaks flutterwave-secret-key',
  ),
  ...rules(
    'token',
    'duffel_test_ duffel_live_',
    W,
    43,
    0,
    'Duffel docs "Authentication" (duffel_live_); gitleaks duffel-api-token',
  ),
  ...rules(
    'api-key',
    'EZAK EZTK',
    A,
    54,
    0,
    'EasyPost docs "Authentication" (EZAK, EZTK); gitleaks easypost-api-token',
  ),
  ...rules(
    'token',
    'shippo_live_ shippo_test_',
    HX,
    40,
    0,
    'Shippo docs "Authentication" (shippo_live_); gitleaks shippo-api-token',
  ),
  ...rules(
    'token',
    'access-production- access-sandbox- access-development-',
    W,
    36,
    0,
    'Plaid API docs "/item/public_token/exchange" (access-<environment>-<uuid>); gitleaks plaid-api-token',
  ),
  // Messaging platforms
  ...rules(
    'token',
    'xoxe.xoxb- xoxe.xoxp- xoxb- xoxp- xoxa- xoxr- xoxs- xoxo- xoxe- xapp-',
    W,
    10,
    0,
    'Slack docs "Token types" (xoxb-, xoxp-, xapp-); gitleaks slack-bot-token, slack-user-token, slack-app-token, slack-config-*',
  ),
  // The web client's session: a `xoxc-` token in every API form body and the `d` cookie holding a
  // URL-encoded `xoxd-` value (no Slack page documents them; rusq/slackdump's auth package —
  // IsClientToken and its `d` cookie — describes both). Either one alone signs a browser in.
  ...rules('token', 'xoxc-', W, 40, 0, 'Slack web client token (xoxc-); rusq/slackdump auth'),
  ...rules('cookie', 'xoxd-', W | B, 40, 0, 'Slack `d` session cookie (xoxd-); rusq/slackdump auth'),
  ...rules(
    'api-key',
    'SG.',
    WD,
    60,
    0,
    'Twilio SendGrid docs "API keys" (SG.<id>.<secret>); gitleaks sendgrid-api-token',
  ),
  ...rules(
    'api-key',
    'xkeysib- xsmtpsib-',
    W,
    64,
    0,
    'Brevo docs "API keys" (xkeysib-); gitleaks sendinblue-api-token',
  ),
  ...rules(
    'api-key',
    'key-',
    L,
    32,
    32,
    'Mailgun docs "API keys" (key- + 32 characters, hex in gitleaks mailgun-private-api-token, a-z0-9 in trufflehog mailgun)',
    { mixed: true },
  ),
  ...rules(
    'api-key',
    'SK AC',
    HX,
    32,
    32,
    'Twilio docs "API keys" (SK + 32 hex) and "Account SID" (AC + 32 hex); gitleaks twilio-api-key',
  ),
  // Formats a check against public rule sets found missing (gitleaks config/gitleaks.toml and
  // trufflehog pkg/detectors, sampled from their patterns; see the note on issue 9). Prefixes
  // shared with ordinary words (`live_`, `test_`, `pat`, `pk.`) carry an exact length and, where
  // the body could be a word, `mixed`.
  ...rules('api-key', 'xai-', W, 80, 0, 'xAI docs "API keys" (xai-); trufflehog xai detector'),
  ...rules('api-key', 'nvapi-', W, 64, 0, 'NVIDIA API Catalog keys (nvapi-); trufflehog nvapi detector'),
  ...rules(
    'api-key',
    'lsv2_pt_ lsv2_sk_',
    W,
    43,
    43,
    'LangSmith docs "Create an account and API key" (lsv2_pt_, lsv2_sk_); trufflehog langsmith detector',
  ),
  ...rules('api-key', 'pcsk_', W, 60, 0, 'Pinecone docs "API keys" (pcsk_); trufflehog pinecone detector'),
  ...rules(
    'api-key',
    'phx_ phc_',
    W,
    43,
    0,
    'PostHog docs "API keys" (personal phx_, project phc_); trufflehog posthog detector',
    { mixed: true },
  ),
  ...rules('api-key', 'aio_', A, 28, 28, 'Adafruit IO "API key" (aio_); trufflehog adafruitio detector'),
  ...rules(
    'token',
    'apify_api_',
    A,
    36,
    0,
    'Apify docs "API tokens" (apify_api_); trufflehog apify detector',
  ),
  ...rules(
    'token',
    'BBDC-',
    // The body is base64 with `+` and `/` (trufflehog: BBDC-[A-Za-z0-9+/@_-]{44}).
    B | W,
    40,
    0,
    'Bitbucket Data Center "HTTP access tokens" (BBDC-); trufflehog bitbucketdatacenter detector',
    { mixed: true },
  ),
  ...rules(
    'token',
    'bkua_',
    L,
    40,
    40,
    'Buildkite docs "API access tokens" (bkua_); trufflehog buildkite detector',
  ),
  ...rules(
    'api-key',
    'cfk_',
    A,
    48,
    48,
    'Cloudflare "Global API key" v2 format (cfk_); trufflehog cloudflareglobalapikey v2 detector',
  ),
  // The same scannable format for user and account API tokens: 40 characters and an 8-digit hex
  // checksum after the prefix.
  ...rules(
    'token',
    'cfut_ cfat_',
    A,
    48,
    48,
    'Cloudflare Fundamentals docs "Token formats" (cfut_, cfat_); secretlint @secretlint/secretlint-rule-cloudflare',
  ),
  ...rules(
    'token',
    'CFPAT-',
    W,
    43,
    0,
    'Contentful docs "Personal access tokens" (CFPAT-); trufflehog contentfulpersonalaccesstoken detector',
  ),
  ...rules('token', 'dckr_oat_', W, 27, 0, 'Docker docs "Organization access tokens" (dckr_oat_)'),
  ...rules(
    'token',
    'figp_ figu_ figo_',
    WD,
    40,
    0,
    'Figma "Access tokens" (figp_, figu_, figo_); trufflehog figmapersonalaccesstoken v2, v3',
  ),
  ...rules('token', 'shltm_', W, 40, 0, 'Flexport API credentials (shltm_); trufflehog flexport detector'),
  ...rules(
    'token',
    'pat-na1- pat-na2- pat-eu1- pat-ap1-',
    W,
    36,
    36,
    'HubSpot docs "Private apps" access tokens (pat-<region>-<uuid>); trufflehog hubspot_apikey v2 detector',
  ),
  ...rules(
    'secret',
    's-s4t2ud- s-s4t2af- u-s4t2ud- u-s4t2af-',
    H,
    64,
    64,
    '42 intra API "OAuth applications" secrets; gitleaks intra42-client-secret; trufflehog intra42 detector',
  ),
  ...rules(
    'api-key',
    'ak_live_ ak_test_',
    A,
    30,
    30,
    'Pagar.me API keys (ak_live_); trufflehog pagarme detector',
  ),
  ...rules('token', 'rootly_', H, 64, 64, 'Rootly API keys (rootly_); trufflehog rootly detector'),
  ...rules(
    'token',
    'slk_',
    H,
    64,
    64,
    'Sourcegraph Cody gateway tokens (slk_); trufflehog sourcegraphcody detector',
  ),
  ...rules(
    'token',
    'BBFF-',
    A,
    30,
    0,
    'Ubidots docs "Authentication" tokens (BBFF-); trufflehog ubidots detector',
  ),
  ...rules(
    'token',
    'ATCTT3',
    W,
    60,
    0,
    'Atlassian cloud tokens (ATCTT3xFfG…); trufflehog atlassian v2 detector',
  ),
  ...rules(
    'token',
    'ATBB',
    A,
    32,
    0,
    'Atlassian "App passwords" (Bitbucket Cloud, ATBB…); Nosey Parker rule np.bitbucket.1 "Bitbucket App Password" (ATBB + 32 of [A-Za-z0-9]); trufflehog bitbucketapppassword reads on past 32',
  ),
  ...rules(
    'api-key',
    'bb_pr_ bb_ma_',
    H,
    30,
    30,
    'Bannerbear API keys (bb_pr_, bb_ma_); trufflehog bannerbear v2',
  ),
  ...rules(
    'token',
    '5AEP861',
    WD,
    80,
    0,
    'Salesforce OAuth refresh tokens (5AEP861…); trufflehog salesforcerefreshtoken detector',
  ),
  ...rules(
    'api-key',
    'rzp_live_ rzp_test_',
    A,
    14,
    14,
    'Razorpay docs "API keys" (rzp_live_, rzp_test_ key ids); trufflehog razorpay detector',
  ),
  ...rules(
    'token',
    'tskey-',
    W,
    20,
    0,
    'Tailscale docs "API access tokens", "Auth keys" (tskey-api-, tskey-auth-…); trufflehog tailscale detector',
    { mixed: true },
  ),
  ...rules(
    'token',
    'tfp_',
    WD,
    40,
    0,
    'Typeform "Personal access tokens" (tfp_); gitleaks typeform-api-token',
  ),
  // Bitcoin segwit addresses (BIP 173 bech32 P2WPKH/P2WSH, BIP 350 bech32m taproot: `bc1q`/`bc1p`
  // and 38 or 58 characters of the lower-case bech32 alphabet; Presidio CryptoRecognizer): not a
  // secret, but a payment address ties funds to a person, as an account number does.
  ...rules(
    'bank-account',
    'bc1q bc1p',
    L,
    38,
    58,
    'BIP 173 "Segwit address format"; BIP 350; Presidio CryptoRecognizer',
  ),
  ...rules('api-key', 'AQVN', W, 35, 38, 'Yandex Cloud "API keys" (AQVN…); gitleaks yandex-api-key'),
  ...rules(
    'api-key',
    'YC',
    W,
    38,
    38,
    'Yandex Cloud "Static access keys" (key id YC…, 40 characters); gitleaks yandex-aws-access-token',
    { mixed: true },
  ),
  // IAM tokens: `t1.` + a segment + `.` + 86 base64url (gitleaks yandex-access-token); the body
  // class holds the dots, and the length keeps instance types (`t1.micro`) out.
  ...rules('token', 't1.', WD, 88, 0, 'Yandex Cloud "IAM token"; gitleaks yandex-access-token', {
    mixed: true,
  }),
  ...rules(
    'secret',
    'p8e-',
    L,
    32,
    32,
    'Adobe Developer Console client secrets (p8e-); gitleaks adobe-client-secret',
  ),
  ...rules(
    'api-key',
    'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t',
    B,
    20,
    0,
    'Amazon Bedrock docs "API keys" (short-term keys, base64 of bedrock.amazonaws.com); gitleaks aws-amazon-bedrock-api-key-short-lived',
  ),
  ...rules(
    'token',
    'dnkey-',
    WD,
    79,
    0,
    'Defined Networking API tokens (dnkey-); gitleaks defined-networking-api-token',
  ),
  ...rules('token', 'fio-u-', WD, 64, 0, 'Frame.io "Developer tokens" (fio-u-); gitleaks frameio-api-token'),
  ...rules(
    'token',
    'live_ sandbox_',
    W,
    40,
    40,
    'GoCardless docs "Access tokens" (live_, sandbox_); gitleaks gocardless-api-token',
    { mixed: true },
  ),
  ...rules(
    'api-key',
    'live_ test_',
    H,
    35,
    35,
    'Lob docs "API keys" (live_, test_ + 35 hex); gitleaks lob-api-key',
  ),
  ...rules(
    'api-key',
    'live_pub_ test_pub_',
    H,
    31,
    31,
    'Lob docs "API keys" (publishable); gitleaks lob-pub-api-key',
  ),
  ...rules(
    'api-key',
    'live_ test_',
    A,
    30,
    30,
    'Mollie docs "API keys" (live_, test_ + 30 characters); trufflehog mollie detector',
    { mixed: true },
  ),
  ...rules(
    'api-key',
    'pubkey-',
    H,
    32,
    32,
    'Mailgun docs "API keys" (public validation key, pubkey-); gitleaks mailgun-pub-key',
  ),
  ...rules(
    'token',
    'pk. sk. tk.',
    WD,
    83,
    0,
    'Mapbox docs "Access tokens" (pk., sk., tk.); gitleaks mapbox-api-token; trufflehog mapbox detector',
    { mixed: true },
  ),
  ...rules(
    'token',
    'sm_aat_ sm_pat_ sm_sat_',
    A,
    16,
    16,
    'SettleMint access tokens (sm_aat_, sm_pat_, sm_sat_); gitleaks settlemint-*-access-token',
  ),
  ...rules(
    'token',
    'sl.',
    WD,
    130,
    0,
    'Dropbox developers "OAuth guide" short-lived access tokens (sl.); gitleaks dropbox-short-lived-api-token',
  ),
  ...rules(
    'token',
    'pat',
    WD,
    79,
    79,
    'Airtable docs "Personal access tokens" (pat<14>.<64 hex>); gitleaks airtable-personnal-access-token',
    { mixed: true },
  ),
  ...rules(
    'api-key',
    'pat. sat.',
    WD,
    68,
    68,
    'Harness docs "API keys" (pat., sat. tokens); gitleaks harness-api-key',
    { mixed: true },
  ),
  ...rules('secret', 'A3-', W, 36, 37, '1Password "Secret Key" (A3-…); gitleaks 1password-secret-key', {
    mixed: true,
  }),
  ...rules(
    'api-key',
    'sk_',
    H,
    48,
    48,
    'ElevenLabs API keys (sk_ + 48 hex); trufflehog elevenlabs v2 detector',
  ),
  ...rules(
    'api-key',
    'pk_',
    H,
    34,
    34,
    'Klaviyo docs "Private API keys" (pk_ + 34 hex); trufflehog klaviyo detector',
  ),
  ...rules(
    'secret',
    'secret_',
    A,
    43,
    43,
    'Notion internal integration tokens, older form (secret_); trufflehog notion detector',
    { mixed: true },
  ),
  ...rules(
    'token',
    'nfp_',
    W,
    36,
    0,
    'Netlify personal access tokens (nfp_); trufflehog netlify v2 detector',
  ),
  ...rules('secret', 'sb_secret_', W, 20, 0, 'Supabase docs "API keys" (sb_secret_ secret keys)'),
  ...rules(
    'api-key',
    'NRIQ- NRBR-',
    W,
    19,
    0,
    'New Relic docs "API keys" (insights query NRIQ-, browser NRBR-); trufflehog newrelic detectors',
  ),
  ...rules(
    'api-key',
    'pub-c- sub-c- sec-c-',
    W,
    36,
    36,
    'PubNub docs "Keysets" (pub-c-, sub-c-, sec-c- keys); trufflehog pubnubpublishkey, pubnubsubscriptionkey',
  ),
  ...rules('api-key', 're_', W, 33, 33, 'Resend docs "API keys" (re_<8>_<24>)', { mixed: true }),
  ...rules('token', 'mlsn.', H, 64, 64, 'MailerSend docs "API tokens" (mlsn.)'),
  ...rules('api-key', 'napi_', L, 64, 64, 'Neon docs "Manage API keys" (napi_)'),
  ...rules('api-key', 'rnd_', A, 32, 32, 'Render docs "API keys" (rnd_)', { mixed: true }),
  ...rules('api-key', 'tgp_v1_', W, 40, 0, 'Together AI docs "API keys" (tgp_v1_)'),
  ...rules('api-key', 'fw_', A, 24, 24, 'Fireworks AI docs "API keys" (fw_)', { mixed: true }),
  ...rules('api-key', 'csk-', L, 48, 48, 'Cerebras docs "API keys" (csk-)', { mixed: true }),
  ...rules('secret', 'sk_sbox_', L, 26, 0, 'Checkout.com docs "API keys" (sandbox secret keys sk_sbox_)'),
  // Personal documents sent inline as base64 (selfies, ID scans): file signatures per Gary
  // Kessler's "File Signatures Table" — JPEG FF D8 FF, PNG 89 50 4E 47, GIF8, %PDF-, RIFF (WebP),
  // PK\x03\x04 (zip, docx), TIFF II*\0 / MM\0*.
  ...rules(
    'document',
    '/9j/ iVBORw0KGgo R0lGOD JVBERi0 UklGR UEsDB SUkqA TU0AK',
    B,
    60,
    0,
    'Gary Kessler "File Signatures Table"',
    { document: true },
  ),
];

/** A rule with its prefix as character codes, compared in place without a string call. */
interface StartRule {
  rule: TokenRule;
  codes: readonly number[];
}

/**
 * Rules by their first three characters (ASCII, as every prefix is), longest prefix first. A
 * hostile run of one prefix (`sk-sk-sk-…`) tries every rule of that start at every candidate, so
 * the lookup is two array indexes and only the rules sharing the third character are tried
 * (there are a dozen `sk…` rules: `sk-ant-`, `sk_live_`, `sk.`…). A two-character prefix (`SK`,
 * `AC`) is in the list of every third character. Where more than two rules share three characters
 * (`sk-`, `xox`, `pat`), they are split again by the fourth, so such a run still tries one or two.
 */
const BY_START: (StartRule[][] | undefined)[] = new Array<StartRule[][] | undefined>(128 * 128);
/** The same lists split by the fourth character, where a list is longer than two (same indexes). */
const BY_FOURTH: ((StartRule[][] | undefined)[] | undefined)[] = new Array<
  (StartRule[][] | undefined)[] | undefined
>(128 * 128);
for (const rule of TOKEN_RULES) {
  const codes = Array.from(rule.prefix, (char) => char.charCodeAt(0));
  if (codes.length < 2 || codes.some((code) => code >= 128)) throw new Error(`bad prefix ${rule.prefix}`);
  const key = (codes[0] ?? 0) * 128 + (codes[1] ?? 0);
  const byThird = (BY_START[key] ??= Array.from({ length: 128 }, (): StartRule[] => []));
  const third = codes[2];
  for (let code = 0; code < 128; code++) {
    if (third !== undefined && third !== code) continue;
    const list = byThird[code] ?? [];
    list.push({ rule, codes });
    list.sort((x, y) => y.codes.length - x.codes.length);
    byThird[code] = list;
  }
}
BY_START.forEach((byThird, key) => {
  byThird?.forEach((list, third) => {
    if (list.length <= 2) return;
    const split = (BY_FOURTH[key] ??= new Array<StartRule[][] | undefined>(128));
    split[third] = Array.from({ length: 128 }, (_, code) =>
      list.filter(({ codes }) => codes.length < 4 || codes[3] === code),
    );
  });
});

/** The rules whose prefix starts text[at, at + 3) (or is text[at, at + 2)). */
function rulesAt(text: string, at: number): StartRule[] | undefined {
  const first = text.charCodeAt(at);
  const second = codeAt(text, at + 1);
  // (Past the end, NaN: no index, which would look a property "NaN" up.)
  if (!(first < 128 && second < 128)) return undefined;
  const byThird = BY_START[first * 128 + second];
  if (byThird === undefined) return undefined;
  const third = codeAt(text, at + 2);
  let list = third < 128 ? byThird[third] : undefined;
  if (list === undefined || list.length === 0) return undefined;
  if (list.length > 2) {
    const fourth = codeAt(text, at + 3);
    // A character past the end or beyond ASCII can only end a prefix of three or fewer (index 0).
    list = BY_FOURTH[first * 128 + second]?.[third]?.[fourth < 128 ? fourth : 0] ?? list;
  }
  return list.length === 0 ? undefined : list;
}

/**
 * Ends of maximal runs of one class, remembered so overlapping candidates share one measurement:
 * a run that starts inside a run already measured ends where that one ends.
 */
class RunEnds {
  private readonly from = new Int32Array(256);
  private readonly end = new Int32Array(256);
  /**
   * The `reset` each run was measured after: a run of another text is stale. A stamp rather than
   * clearing `from` on each reset: the scan resets once per string a family searches, and clearing
   * 256 entries for each short id cost 1 % of the scan of a Stripe-shaped list body.
   */
  private readonly measured = new Int32Array(256);
  private generation = 1;
  private text = '';
  private limit = 0;

  /** The last digit search: [digitFrom, digitTo) searched, first digit at digitAt (-1: none). */
  private digitFrom = -1;
  private digitTo = -1;
  private digitAt = -1;

  reset(text: string, limit: number): this {
    this.text = text;
    this.limit = limit;
    if (++this.generation === 0x7fffffff) {
      this.measured.fill(0);
      this.generation = 1;
    }
    this.digitFrom = -1;
    return this;
  }

  /** The first digit in [from, to), or -1; a search inside the last one's range reuses it. */
  nextDigit(from: number, to: number): number {
    if (this.digitFrom !== -1 && from >= this.digitFrom) {
      if (this.digitAt !== -1 && from <= this.digitAt) return this.digitAt < to ? this.digitAt : -1;
      if (this.digitAt === -1 && to <= this.digitTo) return -1;
    }
    let i = from;
    while (i < to) {
      const code = this.text.charCodeAt(i);
      if (code >= 48 && code <= 57) break;
      i++;
    }
    this.digitFrom = from;
    this.digitTo = to;
    this.digitAt = i < to ? i : -1;
    return this.digitAt;
  }

  /** The end of the run of `bits` characters starting at `at` (at itself when none). */
  of(bits: number, at: number): number {
    const from = this.from[bits] ?? 0;
    const end = this.end[bits] ?? 0;
    if (this.measured[bits] === this.generation && at >= from && at <= end) return end;
    let i = at;
    while (i < this.limit && (classOf(this.text.charCodeAt(i)) & bits) !== 0) i++;
    this.measured[bits] = this.generation;
    this.from[bits] = at;
    this.end[bits] = i;
    return i;
  }
}

const RUNS = new RunEnds();

/** The body holds a digit (searched through `runs`, so overlapping candidates share it) and a letter. */
function hasDigitAndLetter(text: string, start: number, end: number, runs: RunEnds): boolean {
  if (runs.nextDigit(start, end) === -1) return false;
  for (let i = start; i < end && i < start + 64; i++) {
    const code = text.charCodeAt(i) | 32;
    if (code >= 97 && code <= 122) return true;
  }
  return false;
}

/**
 * `sk_live_xxxxxxxxxxxx`, `ghp_0000…`: one character repeated is how documentation writes a key
 * it will not show (Stripe docs "API keys" examples, GitHub docs), never a generated value.
 */
function isFillerBody(text: string, start: number, end: number): boolean {
  if (end - start > 64) return false;
  const first = text.charCodeAt(start);
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) !== first) return false;
  return true;
}

function ruleEnd(text: string, rule: TokenRule, at: number, runs: RunEnds): number {
  const bodyStart = at + rule.prefix.length;
  let bodyEnd = runs.of(rule.body, bodyStart);
  // A token that ends a sentence (`…provided: pat….3f9c. Check`): the full stop is not the body's.
  if (rule.body === WD) while (bodyEnd > bodyStart && text.charCodeAt(bodyEnd - 1) === 46) bodyEnd--;
  const length = bodyEnd - bodyStart;
  if (length < rule.min) return -1;
  if (isFillerBody(text, bodyStart, bodyEnd)) return -1;
  if (rule.mixed === true && !hasDigitAndLetter(text, bodyStart, bodyEnd, runs)) return -1;
  if (rule.max > 0) {
    if (length > rule.max) return -1;
    const after = text.charCodeAt(bodyEnd);
    if ((after >= 48 && after <= 57) || ((after | 32) >= 97 && (after | 32) <= 122) || after === 95)
      return -1;
    return bodyEnd;
  }
  // A key may run past what its class allows (`sk_live_…_suffix`): the whole token goes, and so
  // does the rest of a base64 key written URL-encoded in a cookie or query (`%2F`, `%2B`, `%3D`).
  let end = Math.max(bodyEnd, runs.of(W, bodyEnd));
  while (isEncodedBase64(text, end)) end = runs.of(W, end + 3);
  return end;
}

/** text[at] starts `%2F`, `%2B` or `%3D` (`/`, `+`, `=` percent-encoded, either case). */
function isEncodedBase64(text: string, at: number): boolean {
  if (codeAt(text, at) !== 37) return false;
  const high = text.charCodeAt(at + 1);
  const low = text.charCodeAt(at + 2) | 32;
  return (high === 50 && (low === 102 || low === 98)) || (high === 51 && low === 100);
}

/**
 * JWS compact serialization (RFC 7519 §3, RFC 7515 §7.1): three base64url parts, the first `eyJ`.
 * JWE compact serialization (RFC 7516 §7.1) has five, and its second (the encrypted key) is empty
 * under direct encryption (`alg: dir`): a bearer token either way, so every part goes.
 */
function jwtEnd(text: string, at: number, runs: RunEnds): number {
  const header = runs.of(W, at);
  if (header - at < 10 || codeAt(text, header) !== 46) return -1;
  // Up to four more parts, each after a dot: [end of part 2, 3, 4, 5].
  const ends: number[] = [];
  let end = header;
  while (ends.length < 4 && text.charCodeAt(end) === 46) {
    end = runs.of(W, end + 1);
    ends.push(end);
  }
  const payload = ends[0] ?? header;
  if (ends.length === 4) return ends[3] ?? end;
  if (ends.length < 2 || payload - header - 1 < 4) return -1;
  return ends[1] ?? end;
}

/**
 * Braintree (PayPal) access tokens: `access_token$production$` or `$sandbox$`, 16 [a-z0-9], `$`,
 * 32 hex (the shape PaperMtn/slack-watchman's rule paypal_braintree.yaml documents, and the
 * sandbox variant the Braintree SDKs' environments name).
 */
function braintreeEnd(text: string, at: number, runs: RunEnds): number {
  let i = at + 13; // after `access_token$`
  if (text.startsWith('production$', i)) i += 11;
  else if (text.startsWith('sandbox$', i)) i += 8;
  else return -1;
  if (runs.of(L, i) - i !== 16 || text.charCodeAt(i + 16) !== 36) return -1;
  const end = runs.of(H, i + 17);
  return end - i - 17 === 32 && !isWordCode(text.charCodeAt(end)) ? end : -1;
}

/**
 * Telegram Bot API "Authorizing your bot": `<bot id>:<35 characters>`, in a URL as
 * `/bot<token>/method` (gitleaks telegram-bot-api-token).
 */
function telegramEnd(text: string, at: number, runs: RunEnds): number {
  const digits = runs.of(U, at);
  const idEnd = runs.of(A, at);
  if (idEnd !== digits) return -1;
  let i = at;
  while (i < digits && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i !== digits || digits - at < 8 || digits - at > 10 || text.charCodeAt(digits) !== 58) return -1;
  const end = runs.of(W, digits + 1);
  return end - digits - 1 === 35 ? end : -1;
}

/**
 * Terraform Cloud / HCP API tokens: 14 characters, `.atlasv1.`, 60-70 more of `[a-z0-9_=-]`, any
 * case (gitleaks hashicorp-tf-api-token): the 60 are counted with `=` among them.
 */
function atlasEnd(text: string, at: number, runs: RunEnds): number {
  if (runs.of(A, at) - at !== 14 || !text.startsWith('.atlasv1.', at + 14)) return -1;
  let end = runs.of(WD, at + 23);
  // A token that ends a sentence: the full stop is not the token's.
  while (end > at + 23 && text.charCodeAt(end - 1) === 46) end--;
  return end - at - 23 >= 60 ? end : -1;
}

/**
 * Microsoft Entra (Azure AD) client secrets: 3 characters, a digit, `Q~`, then 31-34 more
 * (Microsoft identity platform "Add credentials"; gitleaks azure-ad-client-secret).
 */
function azureEnd(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 81 || text.charCodeAt(at + 5) !== 126) return -1;
  const digit = text.charCodeAt(at + 3);
  if (digit < 48 || digit > 57) return -1;
  let i = at + 6;
  while (i < at + 41 && /[A-Za-z0-9_~.-]/.test(text[i] ?? '')) i++;
  return i - at - 6 >= 31 && !/[A-Za-z0-9_~.-]/.test(text[i] ?? '') ? i : -1;
}

/**
 * Meta app access tokens: the app id (15-16 digits), `|` (or `%7C` in a URL), the app secret
 * (Meta for Developers "Access tokens" › "App access tokens": `{app-id}|{app-secret}`; gitleaks
 * facebook-access-token bounds the secret at 27-40 characters).
 */
function metaAppTokenEnd(text: string, at: number, runs: RunEnds): number {
  const digits = runs.of(U, at);
  if (digits - at < 15 || digits - at > 16) return -1;
  for (let i = at; i < digits; i++) if (text.charCodeAt(i) > 57) return -1;
  const secret =
    text.charCodeAt(digits) === 124 ? digits + 1 : text.startsWith('%7C', digits) ? digits + 3 : -1;
  if (secret === -1) return -1;
  const end = runs.of(W, secret);
  return end - secret >= 27 && end - secret <= 40 && hasDigitAndLetter(text, secret, end, runs) ? end : -1;
}

/**
 * MaxMind license keys: 6 characters, `_`, 29 more, `_mmk` (MaxMind "License keys" new format;
 * gitleaks maxmind-license-key).
 */
function maxmindEnd(text: string, at: number, runs: RunEnds): number {
  if (runs.of(A, at) - at !== 6 || runs.of(A, at + 7) - at !== 36 || !text.startsWith('_mmk', at + 36))
    return -1;
  return isWordCode(text.charCodeAt(at + 40)) ? -1 : at + 40;
}

/**
 * Stripe client secrets of PaymentIntents and SetupIntents: `pi_<id>_secret_<secret>` (Stripe API
 * reference "The PaymentIntent object" › client_secret: "should not be logged"; trufflehog
 * stripepaymentintent detector). The id alone (`pi_…`) is an opaque id and stays.
 */
function stripeClientSecretEnd(text: string, at: number, runs: RunEnds): number {
  const id = at + (text.charCodeAt(at) === 112 ? 3 : 5);
  const idEnd = runs.of(A, id);
  if (idEnd - id < 14 || !text.startsWith('_secret_', idEnd)) return -1;
  const end = runs.of(A, idEnd + 8);
  return end - idEnd - 8 >= 20 ? end : -1;
}

/** Mailchimp API keys: 32 hex then `-us` and a data-centre number (gitleaks mailchimp-api-key). */
function mailchimpEnd(text: string, at: number, runs: RunEnds): number {
  const hex = runs.of(H, at);
  if (hex - at !== 32 || !text.startsWith('-us', hex)) return -1;
  let i = hex + 3;
  while (i < hex + 5 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i > hex + 3 && (classOf(text.charCodeAt(i)) & A) === 0 ? i : -1;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/** Appends a span for every vendor key and token-shaped secret in text[from, to). */
export function findSecretTokens(text: string, from: number, to: number, into: Span[]): void {
  const runs = RUNS.reset(text, to);
  let previous = codeAt(text, from - 1);
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const candidate = !isWordCode(previous) && (isWordCode(code) || code === 47);
    previous = code;
    if (!candidate) continue;
    const end = tokenAt(text, i, runs);
    if (end === -1) continue;
    into.push(end.span);
    i = end.span.end - 1;
    previous = text.charCodeAt(i);
  }
}

function tokenAt(text: string, at: number, runs: RunEnds): { span: Span } | -1 {
  const list = rulesAt(text, at);
  if (list !== undefined)
    for (const { rule, codes } of list) {
      let k = 2;
      while (k < codes.length && codeAt(text, at + k) === codes[k]) k++;
      if (k < codes.length) continue;
      if (rule.document === true) {
        const before = codeAt(text, at - 1);
        if (before === 43 || before === 47) continue;
      }
      const end = ruleEnd(text, rule, at, runs);
      if (end !== -1) return { span: { start: at, end, kind: rule.kind } };
    }
  const code = text.charCodeAt(at);
  // Shapes without a prefix: each is tried only when a character at a fixed offset fits it.
  // Every one but the Entra secret opens with two word characters: a candidate followed by
  // punctuation (`1.1.1.`, `a.b-c`, hostile or prose) skips straight to the Entra checks.
  if (isWordCode(codeAt(text, at + 1))) {
    const end = wordShapeAt(text, at, code, runs);
    if (end !== -1) return end;
  }
  if (codeAt(text, at + 5) === 126) {
    const end = azureEnd(text, at);
    if (end !== -1) return { span: { start: at, end, kind: 'secret' } };
  }
  // A secret's first three characters may be `~` or `.`, which no candidate starts with.
  const before = codeAt(text, at - 1);
  if ((before === 126 || before === 46) && (codeAt(text, at + 3) === 126 || codeAt(text, at + 4) === 126)) {
    for (let back = 1; back <= 2; back++) {
      const start = at - back;
      const first = text.charCodeAt(start);
      if ((first !== 126 && first !== 46) || text.charCodeAt(start + 5) !== 126) continue;
      const end = azureEnd(text, start);
      if (end !== -1) return { span: { start, end, kind: 'secret' } };
    }
  }
  return -1;
}

/** The prefix-less shapes that open with two word characters (JWT, Meta, Stripe, MaxMind, Telegram, Terraform, Mailchimp). */
function wordShapeAt(text: string, at: number, code: number, runs: RunEnds): { span: Span } | -1 {
  if (code === 101 && text.charCodeAt(at + 1) === 121 && text.charCodeAt(at + 2) === 74) {
    const end = jwtEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'jwt' } };
  }
  if (code === 97 && codeAt(text, at + 12) === 36 && text.startsWith('access_token$', at)) {
    const end = braintreeEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'token' } };
  }
  // All but three shapes (a JWT, a Stripe client secret, a Discord token: each gated by its first
  // character) open with at least 6 characters of [A-Za-z0-9]: a shorter word is none of them, and
  // their dozen reads past the word were half this walk's cost on text of short words and digit
  // groups (hostile shape "token word, colon pair and date after curl -u").
  const long = runs.of(A, at) - at >= 6;
  if (
    long &&
    code >= 48 &&
    code <= 57 &&
    (codeAt(text, at + 15) === 124 ||
      codeAt(text, at + 16) === 124 ||
      codeAt(text, at + 15) === 37 ||
      codeAt(text, at + 16) === 37)
  ) {
    const end = metaAppTokenEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'token' } };
  }
  if (
    (code === 112 && text.charCodeAt(at + 1) === 105 && text.charCodeAt(at + 2) === 95) ||
    (code === 115 && codeAt(text, at + 4) === 95 && text.startsWith('seti_', at))
  ) {
    const end = stripeClientSecretEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'secret' } };
  }
  if (long && codeAt(text, at + 6) === 95 && codeAt(text, at + 36) === 95) {
    const end = maxmindEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'api-key' } };
  }
  if (long && code >= 48 && code <= 57) {
    const colon = codeAt(text, at + 8) === 58 || codeAt(text, at + 9) === 58 || codeAt(text, at + 10) === 58;
    const end = colon ? telegramEnd(text, at, runs) : -1;
    if (end !== -1) return { span: { start: at, end, kind: 'token' } };
  }
  if (long && code === 98 && text.startsWith('bot', at)) {
    const end = telegramEnd(text, at + 3, runs);
    if (end !== -1) return { span: { start: at + 3, end, kind: 'token' } };
  }
  if (long && codeAt(text, at + 14) === 46) {
    const end = atlasEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'token' } };
  }
  if (long && codeAt(text, at + 32) === 45) {
    const end = mailchimpEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'api-key' } };
  }
  if (
    (code === 77 || code === 78 || code === 79) &&
    (text.charCodeAt(at + 24) === 46 || text.charCodeAt(at + 25) === 46 || text.charCodeAt(at + 26) === 46)
  ) {
    const end = discordEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'token' } };
  }
  if (long && codeAt(text, at + 39) === 76 && text.startsWith('FFFFNRAL', at + 32)) {
    const end = newRelicLicenseEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'api-key' } };
  }
  if (long && code === 48 && text.charCodeAt(at + 1) === 48 && text.charCodeAt(at + 15) === 33) {
    const end = salesforceSessionEnd(text, at, runs);
    if (end !== -1) return { span: { start: at, end, kind: 'session' } };
  }
  return -1;
}

/**
 * Discord bot tokens: the bot's user id (a snowflake in decimal, Discord docs "Reference" ›
 * Snowflakes) in base64url, so 24-26 characters opening with M, N or O; a 6-character timestamp;
 * an HMAC of 27 characters (38 in newer tokens); joined by dots. Sent as `Authorization: Bot …`
 * (Discord docs "Reference" › Authentication); shape from detect-secrets DiscordBotTokenDetector.
 */
function discordEnd(text: string, at: number, runs: RunEnds): number {
  const first = runs.of(W, at);
  if (first - at < 24 || first - at > 26 || text.charCodeAt(first) !== 46) return -1;
  const second = runs.of(W, first + 1);
  if (second - first - 1 !== 6 || text.charCodeAt(second) !== 46) return -1;
  const third = runs.of(W, second + 1);
  const length = third - second - 1;
  return length >= 27 && length <= 38 ? third : -1;
}

/**
 * New Relic license keys (ingest keys): 32 hex digits, or a region (`eu01xx`) and 26, then
 * `FFFFNRAL` (New Relic docs "New Relic API keys" › License key; trufflehog newreliclicensekey).
 */
function newRelicLicenseEnd(text: string, at: number, runs: RunEnds): number {
  const hexFrom = text.startsWith('eu01xx', at) ? at + 6 : at;
  if (runs.of(H, hexFrom) < at + 32) return -1;
  const end = at + 40;
  return (classOf(text.charCodeAt(end)) & A) === 0 && text.charCodeAt(end) !== 95 ? end : -1;
}

/**
 * Salesforce session ids and OAuth access tokens: the org id (15 characters, `00D…`), `!`, then
 * the session part (trufflehog salesforce detector: 00[A-Za-z0-9]{13}![A-Za-z0-9_.]{96}).
 */
function salesforceSessionEnd(text: string, at: number, runs: RunEnds): number {
  if (runs.of(A, at) !== at + 15) return -1;
  const limit = at + 16 + 256;
  let end = at + 16;
  for (let code = text.charCodeAt(end); end < limit; code = text.charCodeAt(++end))
    if ((classOf(code) & A) === 0 && code !== 95 && code !== 46) break;
  // A token that ends a sentence: the full stop is not the token's.
  while (end > at + 16 && text.charCodeAt(end - 1) === 46) end--;
  return end - at - 16 >= 80 ? end : -1;
}

/** PEM private keys (RFC 7468 §2 boundaries; gitleaks private-key), up to 16 KiB or a quote. */
export function findPrivateKeys(text: string, from: number, to: number, into: Span[]): void {
  // Where the next `-----END` is, searched once and reused while the BEGIN lines come before it.
  const ends = new NextOccurrence(text, '-----END');
  let at = text.indexOf('-----BEGIN', from);
  while (at !== -1 && at < to) {
    let headerEnd = at + 10;
    while (headerEnd < to && headerEnd - at < 80 && !text.startsWith('-----', headerEnd)) headerEnd++;
    if (!text.slice(at, headerEnd).includes('PRIVATE KEY') || headerEnd - at >= 80) {
      at = text.indexOf('-----BEGIN', at + 10);
      continue;
    }
    const limit = Math.min(to, at + 16384);
    const close = ends.from(headerEnd + 5);
    let end: number;
    if (close !== -1 && close < limit) {
      let closeEnd = close + 8;
      while (closeEnd < limit && !text.startsWith('-----', closeEnd)) closeEnd++;
      end = Math.min(limit, closeEnd + 5);
    } else {
      // A header cut off by the end of the text (`-----BEGIN RSA PRIVATE KEY---`) ends there: a
      // span past the text would store a value no later text can hold.
      end = Math.min(limit, headerEnd + 5);
      while (end < limit && text.charCodeAt(end) !== 34) end++;
    }
    into.push({ start: at, end, kind: 'private-key' });
    at = text.indexOf('-----BEGIN', end);
  }
  findSsh2Keys(text, from, to, into);
  findPuttyKeys(text, from, to, into);
}

const SSH2_BEGIN = '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----';
const SSH2_END = '---- END SSH2 ENCRYPTED PRIVATE KEY ----';

/**
 * ssh.com (Tectia) private keys, in RFC 4716's framing with four dashes (`---- BEGIN SSH2
 * ENCRYPTED PRIVATE KEY ----`; detect-secrets PrivateKeyDetector), up to their END line or 16 KiB.
 */
function findSsh2Keys(text: string, from: number, to: number, into: Span[]): void {
  // The next END line, searched once and reused while BEGIN lines come before it: a search from
  // each BEGIN of a text of BEGIN lines without an END walked the rest of the text each time.
  const ends = new NextOccurrence(text, SSH2_END);
  let at = text.indexOf(SSH2_BEGIN, from);
  while (at !== -1 && at < to) {
    const limit = Math.min(to, at + 16384);
    const close = ends.from(at + SSH2_BEGIN.length);
    const end = close !== -1 && close + SSH2_END.length <= limit ? close + SSH2_END.length : limit;
    into.push({ start: at, end, kind: 'private-key' });
    at = text.indexOf(SSH2_BEGIN, end);
  }
}

/**
 * PuTTY's private key files (PuTTY User Manual, appendix C "PPK file format": a
 * `PuTTY-User-Key-File-<version>:` header, the public lines, then `Private-Lines: <n>`, n lines of
 * base64 and a `Private-MAC:` line, `Private-Hash:` in version 1). The private part goes, from
 * `Private-Lines:` to the end of the MAC line; the header and public half say which key it was.
 */
function findPuttyKeys(text: string, from: number, to: number, into: Span[]): void {
  const counts = new NextOccurrence(text, 'Private-Lines:');
  const macs = new NextOccurrence(text, 'Private-MAC:');
  const hashes = new NextOccurrence(text, 'Private-Hash:');
  let at = text.indexOf('PuTTY-User-Key-File-', from);
  while (at !== -1 && at < to) {
    const limit = Math.min(to, at + 16384);
    const start = counts.from(at);
    if (start === -1) return;
    if (start >= limit) {
      at = text.indexOf('PuTTY-User-Key-File-', at + 20);
      continue;
    }
    let mac = macs.from(start);
    if (mac === -1 || mac >= limit) mac = hashes.from(start);
    let end: number;
    if (mac !== -1 && mac < limit) {
      end = mac;
      while (end < limit && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    } else {
      // No MAC line (the file cut short): the base64 lines after the count.
      end = start + 14;
      while (end < limit && text.charCodeAt(end) === 32) end++;
      for (let code = text.charCodeAt(end); end < limit; code = text.charCodeAt(++end))
        if ((classOf(code) & B) === 0 && code !== 10 && code !== 13) break;
    }
    into.push({ start, end, kind: 'private-key' });
    at = text.indexOf('PuTTY-User-Key-File-', end);
  }
}

/**
 * The first occurrence of `needle` at or after a position that only moves forward, remembered:
 * asked again from a position before the last answer, it answers without searching, so the
 * searches of one text cost one walk whatever the number of questions.
 */
class NextOccurrence {
  private at = -2;
  private searchedFrom = 0;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(position: number): number {
    if (this.at === -1 && position >= this.searchedFrom) return -1;
    if (this.at >= position && position >= this.searchedFrom) return this.at;
    this.searchedFrom = position;
    this.at = this.text.indexOf(this.needle, position);
    return this.at;
  }
}

/**
 * Documentation placeholders and variable names that stand where a credential would
 * (`YOUR_API_KEY`, `<token>`, `{{apiKey}}`, `${GH_TOKEN}`, `xxxx`, `sk_test_…`): never a secret.
 */
const DOC_PLACEHOLDER_STARTS = [
  // `<key>`, `{{key}}`, `${KEY}`, `${source.email}` (an expression language's path), `$(KEY)`,
  // `%KEY%`, `xxxx`, `[key]`; a format string's unfilled slot
  // (`%s`, `%(password)s`, `{}`): a client that sent the template, not a value.
  '(?:<[^<>]{1,60}>|\\{\\{?[^{}]{1,60}\\}\\}?|\\{\\}|\\$\\{?[A-Za-z_][A-Za-z0-9_.]*\\}?|\\$\\([A-Za-z_][A-Za-z0-9_]*\\)|%[A-Za-z_]+%|%(?:\\([A-Za-z_][A-Za-z0-9_]*\\))?[sdvqr]|[xX*•.…#-]{3,}|\\[[^\\]]{1,40}\\])$',
  '(?:your|my|the|some|example|insert|replace|placeholder|dummy|fake|sample|redacted|changeme|enter)(?:[-_ ]|$)',
  '(?:null|none|undefined|true|false|empty|n/a|-)$',
];
const DOC_PLACEHOLDER_ENDINGS = ['[-_](?:here|goes[-_]here)$', '(?:\\.\\.\\.|…)$'];
const DOC_PLACEHOLDER = new RegExp(
  [...DOC_PLACEHOLDER_STARTS.map((part) => `^${part}`), ...DOC_PLACEHOLDER_ENDINGS].join('|'),
  'i',
);
/** The alternatives anchored at the start, and the endings (at most 10 characters), apart. */
const DOC_PLACEHOLDER_WHOLE = new RegExp(`^(?:${DOC_PLACEHOLDER_STARTS.join('|')})`, 'i');
const DOC_PLACEHOLDER_ENDING = new RegExp(DOC_PLACEHOLDER_ENDINGS.join('|'), 'i');

/**
 * An environment variable's name (`GH_TOKEN`, `AWS_SECRET_ACCESS_KEY`): capitals, case-sensitive;
 * also wrapped in double underscores, as bundlers' compile-time constants are (`__HMR_TOKEN__`:
 * Vite's `define`, webpack's DefinePlugin), replaced by their values when the script is built.
 */
const VARIABLE_NAME = /^(?:__)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:__)?$/;

/**
 * VARIABLE_NAME, unless one of its words is longer than a word of a name and holds a digit: a
 * key written in capitals after a word and `_` (Finage's `API_KEY` + 32 of [A-Z0-9]) has the same
 * characters as a name, and was kept as one. Names' words are words (`OAUTH2`, `SHA256`, `V2`).
 */
function isVariableName(value: string): boolean {
  if (!VARIABLE_NAME.test(value)) return false;
  let word = 0;
  let digit = false;
  for (let i = 0; i <= value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 95 || i === value.length) {
      if (word > 20 && digit) return false;
      word = 0;
      digit = false;
    } else {
      word++;
      if (code >= 48 && code <= 57) digit = true;
    }
  }
  return true;
}

/** Longer values are tested as DOC_PLACEHOLDER_WHOLE and, on their last characters, DOC_PLACEHOLDER_ENDING. */
const DOC_TAIL_FROM = 16;

/**
 * The last value isDocPlaceholder judged, and its answer: an assignment's value after a scheme
 * word is asked twice (valueSpan, then assignmentAt), and an assignment-dense text (`=token `
 * repeated) asks the same value at every `=`: two expressions each time were a tenth of its cost.
 */
let lastDocValue: string | undefined;
let lastDocAnswer = false;

export function isDocPlaceholder(value: string): boolean {
  if (value === lastDocValue) return lastDocAnswer;
  lastDocAnswer = docPlaceholder(value);
  // (A long value is not kept: comparing a megabyte with the next one to miss costs its length.)
  lastDocValue = value.length <= 256 ? value : undefined;
  return lastDocAnswer;
}

function docPlaceholder(value: string): boolean {
  if (value.length <= DOC_TAIL_FROM) return isVariableName(value) || DOC_PLACEHOLDER.test(value);
  // The same answer without walking a long value from every position (the unanchored endings
  // would): anchored alternatives stop at the first character that does not fit, and the endings
  // (`…_here`, `...`, at most 10 characters) are looked for in the last characters only. An
  // assignment-dense text judges thousands of overlapping values of up to 8 KiB each.
  return (
    isVariableName(value) ||
    DOC_PLACEHOLDER_WHOLE.test(value) ||
    DOC_PLACEHOLDER_ENDING.test(value.slice(-DOC_TAIL_FROM))
  );
}

/** The scheme words findAuthSchemes reads, with the blanks after them. */
const AUTH_SCHEME = /\b(?:bearer|basic|token|ssws)[ \t]{1,4}/gi;

/**
 * `Bearer <token>` / `Basic <base64>` in free text (RFC 6750 §2.1, RFC 7617 §2), and Okta's
 * `SSWS <token>` (Okta developer docs "API tokens" › use in the Authorization header): the scheme word
 * stays (it tells support which kind of credential was sent), the credential goes. A Bearer value
 * must look generated (a digit or mixed case, no documentation placeholder); a Basic value must
 * decode to `user:password`, so "Basic information" is prose.
 */
export function findAuthSchemes(text: string, from: number, to: number, into: Span[]): void {
  const scheme = AUTH_SCHEME;
  scheme.lastIndex = from;
  // `test`, not `exec`: a text of `token ` repeated matches every few characters, and the match
  // array each exec made was a tenth of this finder's cost. The word is read back from the text.
  while (scheme.test(text)) {
    const start = scheme.lastIndex;
    let wordEnd = start;
    while (isBlank(text.charCodeAt(wordEnd - 1))) wordEnd--;
    // bearer, basic, token or ssws, told apart by the last letter.
    const last = text.charCodeAt(wordEnd - 1) | 32;
    const word = last === 114 ? 'bearer' : last === 99 ? 'basic' : last === 110 ? 'token' : 'ssws';
    if (wordEnd - word.length >= to) break;
    let end = start;
    while (end < to && end - start < 8192 && inTable(B64TOKEN, text, end)) end++;
    const value = text.slice(start, end);
    if (isWordCode(codeAt(text, end)) || value.length < 8 || isDocPlaceholder(value)) continue;
    if (word === 'basic') {
      if (!decodesToUserPass(value)) continue;
      into.push({ start, end, kind: 'credential' });
    } else {
      if (!/\d/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value))) continue;
      if (word === 'token' && value.length < 16) continue;
      into.push({ start, end, kind: 'token' });
    }
    scheme.lastIndex = end;
  }
  findCurlUsers(text, from, to, into);
  findCredentialHeaders(text, from, to, into);
}

/**
 * `Authorization: <scheme> <credential>` and `<Vendor>-Signature: <value>` written as text (an
 * env dump, a curl `-H` line, a logged request, a header echoed in an error). The Authorization
 * syntax is RFC 9110 §11.6.2 (`credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`,
 * §11.1): the scheme is any token, and vendors register none of theirs at IANA (Discord "API
 * Reference › Authentication": `Bot <token>`; Opsgenie "API Access": `GenieKey <key>`; DeepL "API
 * reference › Authentication": `DeepL-Auth-Key <key>`; Splunk "HTTP Event Collector › Send data":
 * `Splunk <token>`; RFC 7616 §3.4 Digest's `response=`). So the scheme word stays (it tells support
 * which kind of credential was sent) and the rest of the header value goes, whatever the scheme.
 * Signature headers (Stripe "Check the webhook signatures": `Stripe-Signature: t=…,v1=<hex>`)
 * hold a comma-separated list a `key=value` reading cuts at the first comma: the whole value goes.
 * Each header value is read once (the next search starts past it), so the cost stays linear.
 */
const CREDENTIAL_HEADER = /authorization|signature/gi;
const HEADER_VALUE_LIMIT = 8192;

function findCredentialHeaders(text: string, from: number, to: number, into: Span[]): void {
  const header = CREDENTIAL_HEADER;
  header.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text)) !== null && match.index < to) {
    const authorization = match[0].length === 13;
    const nameStart = match.index;
    let i = nameStart + match[0].length;
    // A word of a header name (`Proxy-Authorization`, `Stripe-Signature`, `X-Hub-Signature-256`),
    // not the end of a longer word (`hasSignature`, `preauthorization`).
    const before = codeAt(text, nameStart - 1);
    if ((isWordCode(before) && before !== 95) || (authorization && before === 95)) continue;
    if (!authorization && text.charCodeAt(i) === 45) {
      // `-256`: the hash a signature header is named after.
      let j = i + 1;
      while (j < i + 4 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j > i + 1) i = j;
    }
    const nameQuote = text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39 ? text.charCodeAt(i) : 0;
    if (nameQuote !== 0) i++;
    const blanks = i;
    while (i < to && i - blanks < 3 && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 58 && text.charCodeAt(i) !== 61) continue;
    i++;
    const after = i;
    while (i < to && i - after < 3 && isBlank(text.charCodeAt(i))) i++;
    // Where the value ends: its own quote (`"Authorization": "Bot …"`), the quote the whole header
    // opened with (curl's `-H "Authorization: Bot …"`), or the end of the line.
    // (A backtick opens a template literal: `Bearer ${token}` in code.)
    let quote = isQuote(codeAt(text, i)) ? codeAt(text, i) : 0;
    if (quote !== 0) i++;
    else if (nameQuote === 0 && (before === 34 || before === 39)) quote = before;
    const value = { start: i, limit: Math.min(to, i + HEADER_VALUE_LIMIT), quote };
    const read = authorization ? authorizationCredential(text, value) : signatureValue(text, value);
    // What was read is consumed whether or not it was a credential: no character is read twice.
    header.lastIndex = Math.max(header.lastIndex, read.end);
    if (read.span !== undefined) into.push(read.span);
  }
}

/** `"`, `'` or a backtick: what opens and closes a string in text and code. */
export function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

interface HeaderValue {
  start: number;
  limit: number;
  /** The quote that closes the value, or 0. */
  quote: number;
}

/** Where a word of the value that starts at `at` ends: a blank, the closing quote, the line's end, or `ends`. */
function wordEnd(text: string, at: number, value: HeaderValue, ends: Uint8Array): number {
  let end = at;
  while (end < value.limit && !inTable(ends, text, end) && text.charCodeAt(end) !== value.quote) end++;
  return end;
}

/** Where the value ends: its closing quote (skipping escapes) or the end of the line. */
function valueEnd(text: string, at: number, value: HeaderValue): number {
  let end = at;
  for (let code = text.charCodeAt(end); end < value.limit; code = text.charCodeAt(end)) {
    if (code === 10 || code === 13 || code === value.quote) break;
    end += code === 92 && value.quote !== 0 ? 2 : 1;
  }
  end = Math.min(end, value.limit);
  while (end > at && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** What ends the first word of a credential: a blank, or the punctuation after a value in code. */
const ENDS_AUTH_TOKEN = asciiTable(/[\s,;})]/);
/**
 * What ends a signature value: a blank, or `;`, which no signature encoding holds (hex, base64,
 * RFC 9421 §4.2 `sig1=:…:`, Stripe's `t=…,v1=…`) and which separates what follows in a header
 * (Set-Cookie attributes, RFC 6265 §4.1.1); nor a quote or `<` (markup or code around the value).
 */
const ENDS_SIGNATURE = asciiTable(/[\s;<"'`]/);
/** A scheme word with nothing after it (`Authorization=Bearer`) holds no credential. */
const SCHEME_WORD = /^(?:bearer|basic|digest|token|negotiate|ntlm|hoba|mutual|dpop|gnap|ssws|apikey)$/i;

/** The credential after the scheme word of an Authorization value, if it is one, and how far was read. */
function authorizationCredential(text: string, value: HeaderValue): { span?: Span; end: number } {
  const { start, limit } = value;
  let i = start;
  while (i < limit && i - start <= 40 && (isWordCode(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
  // No scheme word: the value itself is the credential (`Authorization: <key>`, as some vendors ask).
  if (i === start || i - start > 40 || !isBlank(codeAt(text, i))) i = start;
  while (i < limit && isBlank(text.charCodeAt(i))) i++;
  const first = wordEnd(text, i, value, ENDS_AUTH_TOKEN);
  const token = text.slice(i, first);
  if (i === start && SCHEME_WORD.test(token)) return { end: first };
  // The header name says a credential follows; a word of prose or code does not make one
  // (`Authorization: Bearer token required`, `{"Authorization": authHeader}`).
  if (
    token.length < 4 ||
    // `Authorization: x Authorization: …`: a header name, not a credential.
    token.charCodeAt(token.length - 1) === 58 ||
    // A template literal's substitution (`Authorization: \`JWT ${sign(payload)}\``): code.
    token.startsWith('${') ||
    isDocPlaceholder(token) ||
    (token.length <= 12 && /^[a-z]+(?:-[a-z]+)*$/.test(token)) ||
    (token.length <= 24 && /^[a-z]+(?:[A-Z][a-z]+)+$/.test(token))
  )
    return { end: first };
  // token68 is one word; auth-params (RFC 9110 §11.2: Digest's `username="…", response="…"`,
  // AWS SigV4's `Credential=…, Signature=…`) run to the end of the value.
  const equals = token.indexOf('=');
  const params = equals > 0 && equals < token.length - 1 && token[equals + 1] !== '=';
  const end = params ? valueEnd(text, first, value) : first;
  return { span: { start: i, end, kind: 'credential' }, end };
}

/** A signature header's value: one word holding digits and letters. */
function signatureValue(text: string, value: HeaderValue): { span?: Span; end: number } {
  const { start } = value;
  const stop = wordEnd(text, start, value, ENDS_SIGNATURE);
  const last = text.charCodeAt(stop - 1);
  // A word ending in `:` or `=` is the next header's name, not this one's value.
  if (stop - start < 16 || last === 58 || last === 61) return { end: stop };
  const word = text.slice(start, stop);
  // No signature encoding holds brackets, braces or a backslash: `.fa-file-signature:
  // before{content:"\f573"}` is a style sheet's rule, whose selector ends in the word.
  return /\d/.test(word) && /[a-z]/i.test(word) && !/[{}()[\]\\]/.test(word) && !isDocPlaceholder(word)
    ? { span: { start, end: stop, kind: 'secret' }, end: stop }
    : { end: stop };
}

/**
 * curl's `-u user:password` / `--user user:password` in a command echoed in text (curl manual,
 * option `-u, --user <user:password>`; gitleaks curl-auth-user): the whole argument goes, as a
 * shell word (quotes kept), unless every part is a documentation placeholder (`$API_KEY:`,
 * `USER:PASSWORD`, `user:pass`, `<user>:<pass>`, `{token}:`). An argument without `:` is not a credential pair.
 */
function findCurlUsers(text: string, from: number, to: number, into: Span[]): void {
  let at = text.indexOf('-u', from);
  while (at !== -1 && at < to) {
    // `--user` holds `-u` one character in; `-u` alone must be followed by `=` or blanks.
    const long = text.charCodeAt(at - 1) === 45 && text.startsWith('--user', at - 1);
    const optionStart = long ? at - 1 : at;
    let start = optionStart + (long ? 6 : 2);
    const before = text.charCodeAt(optionStart - 1);
    const boundary = optionStart === 0 || before <= 32 || before === 34 || before === 39 || before === 96;
    if (!boundary) {
      at = text.indexOf('-u', at + 2);
      continue;
    }
    if (text.charCodeAt(start) === 61) start++;
    else {
      const blanks = start;
      while (
        start < to &&
        start - blanks < 5 &&
        (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)
      )
        start++;
      if (start === blanks) {
        at = text.indexOf('-u', at + 2);
        continue;
      }
    }
    // The argument, as a shell word: up to the first blank outside quotes, at most 1 KiB.
    let end = start;
    let quote = 0;
    let colon = -1;
    while (end < to && end - start < 1024) {
      const code = text.charCodeAt(end);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 34 || code === 39) quote = code;
      else if (code <= 32) break;
      if (code === 58 && colon === -1) colon = end;
      end++;
    }
    // The argument is consumed whether or not it is a credential: an option inside it is not
    // one, and no character is scanned twice (`'-u '-u '-u …` stays linear).
    at = text.indexOf('-u', Math.max(end, at + 2));
    if (
      colon === -1 ||
      end - start < 5 ||
      (isPlaceholderPart(text, start, colon) && isPlaceholderPart(text, colon + 1, end))
    )
      continue;
    // Quotes around the whole word are shell syntax, not part of the credential.
    const first = text.charCodeAt(start);
    const quoted =
      (first === 34 || first === 39) &&
      end - start >= 2 &&
      text.charCodeAt(end - 1) === first &&
      text.indexOf(String.fromCharCode(first), start + 1) === end - 1;
    into.push({ start: quoted ? start + 1 : start, end: quoted ? end - 1 : end, kind: 'credential' });
  }
}

/**
 * One side of a curl `user:password` that is no credential: empty, `<to fill in>`, a `$VARIABLE`, a
 * documentation name, capitals (`USER:PASSWORD`) or a short lowercase word (`user:pass`), once
 * quotes and braces go. Braces alone are no placeholder: `"{id}":"{secret}"` is how some vendors
 * show a real pair (gitleaks curl-auth-user's IBM Watson example).
 */
function isPlaceholderPart(text: string, from: number, to: number): boolean {
  while (from < to && (text[from] === '"' || text[from] === "'")) from++;
  // `<password>` is how documentation writes a value to fill in; `$TOKEN` is a shell variable.
  if (text[from] === '<' || text[from] === '$') return true;
  for (let code = text.charCodeAt(from); from < to; code = text.charCodeAt(from)) {
    if (code !== 34 && code !== 39 && code !== 123 && code !== 60 && code !== 36) break; // " ' { < $
    from++;
  }
  for (let code = text.charCodeAt(to - 1); to > from; code = text.charCodeAt(to - 1)) {
    if (code !== 34 && code !== 39 && code !== 125 && code !== 62) break; // " ' } >
    to--;
  }
  if (from === to) return true;
  const part = text.slice(from, to);
  // The cheap shapes first: a run of `-u ab:cd` pairs asks this twice per pair.
  return (
    (part.length < 5 && /^[a-z_]+$/.test(part)) || /^[A-Z][A-Z0-9_]*$/.test(part) || isDocPlaceholder(part)
  );
}

function decodesToUserPass(base64: string): boolean {
  // What atob would refuse is refused first: atob throws a DOMException on it, and throwing costs
  // ~10 µs in Node, so a text of `Basic token-…` pairs cost ~1.5 s per MB in exceptions alone.
  const compact = /[\t\n\f\r ]/.test(base64) ? base64.replace(/[\t\n\f\r ]/g, '') : base64;
  if (!FORGIVING_BASE64.test(compact)) return false;
  try {
    return atob(compact).includes(':');
  } catch {
    return false;
  }
}

/**
 * What atob accepts once ASCII whitespace is removed (WHATWG Infra "forgiving-base64 decode"): the
 * base64 alphabet, a length that is not 1 more than a multiple of 4, and `=` only as the padding
 * of a length that is a multiple of 4.
 */
const FORGIVING_BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3}|[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Webhook URLs whose path is the credential: Slack incoming webhooks
 * (api.slack.com "Sending messages using incoming webhooks": hooks.slack.com/services/…;
 * gitleaks slack-webhook-url), Discord (discord.com/developers "Webhook resource":
 * /api/webhooks/{id}/{token}), Microsoft Teams incoming webhooks (learn.microsoft.com "Create
 * incoming webhooks": *.webhook.office.com/webhookb2/…; gitleaks microsoft-teams-webhook; the
 * older outlook.office.com/webhook/… form too), Zapier catch hooks
 * (hooks.zapier.com/hooks/catch/{account}/{secret}), IFTTT Webhooks (ifttt.com/maker_webhooks
 * "Documentation": maker.ifttt.com/trigger/{event}/with/key/{key}, /use/{key}), and Mattermost
 * incoming webhooks on any host (developers.mattermost.com "Incoming webhooks":
 * {server}/hooks/{26-character id}; gitleaks mattermost-access-token for the id's shape), Tines
 * webhook actions (Tines docs "Webhook" action: {tenant}.tines.com/webhook/{path}/{secret};
 * trufflehog tineswebhook) and Make's custom webhooks (Make help "Webhooks":
 * hook.{zone}.make.com/{token}, formerly hook.integromat.com). Returns where in the path the
 * secret starts, or -1.
 */
export function webhookSecretStart(host: string, path: string): number {
  const lower = host.toLowerCase();
  let marker: string | undefined;
  if (lower === 'hooks.slack.com') marker = /^\/(?:services|workflows|triggers)\//.exec(path)?.[0];
  else if (/(?:^|\.)discord(?:app)?\.com$/.test(lower)) {
    const match = /^\/api(?:\/v\d+)?\/webhooks\/\d+\//.exec(path);
    marker = match?.[0];
  } else if (lower.endsWith('.webhook.office.com') || lower === 'outlook.office.com')
    marker = /^\/webhookb?2?\//.exec(path)?.[0];
  else if (lower === 'hooks.zapier.com') marker = /^\/hooks\/catch\/\d+\//.exec(path)?.[0];
  else if (lower === 'maker.ifttt.com')
    marker = /^\/(?:trigger\/[^/]{1,100}\/(?:json\/)?with\/key\/|use\/)/.exec(path)?.[0];
  else if (/(?:^|\.)tines\.(?:com|io)$/.test(lower)) marker = /^\/webhook\/[^/]{1,100}\//.exec(path)?.[0];
  else if (/^hook\.(?:[a-z0-9-]+\.)?make\.com$/.test(lower) || /^hook\.integromat\.com$/.test(lower))
    marker = '/';
  else if (/^\/hooks\/[a-z0-9]{26}(?:$|[/.,;:!)])/.test(path)) marker = '/hooks/';
  if (marker === undefined || path.length <= marker.length) return -1;
  return marker.length;
}

/**
 * Path words around the one-time secret of a link a service sends by email: a password reset, an
 * account activation, an invitation, a magic sign-in link. Okta's Users API answers
 * `resetPasswordUrl: "https://{yourOktaDomain}/signin/reset-password/XE6wE17zmphl3KqAPFxO"` and
 * activation links `…/welcome/<token>` and `…/tokens/<token>/verify` (Okta Management API
 * "User Lifecycle" › reset_password, activate): whoever holds the link takes over the account.
 */
const LINK_WORDS_BEFORE = new Set([
  'reset-password',
  'reset_password',
  'resetpassword',
  'password-reset',
  'password_reset',
  'set-password',
  'reset',
  'activate',
  'activation',
  'welcome',
  'invite',
  'invitation',
  'invitations',
  'magic-link',
  'magiclink',
  'confirm',
  'confirmation',
  'verify',
  'verify-email',
  'verification',
  'unlock',
  'recover',
  'recovery',
]);
/**
 * The action a link's token confirms, after it: `/tokens/<token>/verify`. Only after `tokens`:
 * `/factors/<factor id>/verify` (Okta's Factors API) names a resource, not a secret.
 */
const LINK_WORDS_AFTER = new Set(['verify', 'confirm', 'activate', 'accept', 'reset']);

/** An id that opens with its type's lower-case prefix and `_` (`idv_…`, `cus_…`, `inq_…`). */
const PREFIXED_ID = /^[a-z]{2,8}_[A-Za-z0-9]{8,64}$/;

/** The index of the segment that holds a one-time link's secret (it looks generated), or -1. */
export function linkSecretSegment(segments: readonly string[]): number {
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    // (looksGenerated needs 16 characters, and no link word is longer than 14: most segments are
    // ruled out before a word is lower-cased.)
    if (segment.length < 16 || (segments[i - 1]?.length ?? 0) > 14) continue;
    const before = (segments[i - 1] ?? '').toLowerCase();
    const link =
      LINK_WORDS_BEFORE.has(before) ||
      ((before === 'tokens' || before === 'token') &&
        LINK_WORDS_AFTER.has((segments[i + 1] ?? '').toLowerCase()));
    // A resource's id, prefixed by its type (Plaid's `/verify/idv_4FrXJvfQU3zGUR?key=…`, whose
    // secret is the `key`), is what support asks for, not the link's secret.
    if (link && looksGenerated(segment) && !PREFIXED_ID.test(segment)) return i;
  }
  return -1;
}

/**
 * Whether a path may hold a one-time link (one of its words, in any case): a path without one is
 * not split into segments to look (a URL of `http://http://…` has tens of thousands).
 */
export function mayHoldLink(path: string): boolean {
  return path.length >= 20 && LINK_HINT.test(path);
}

const LINK_HINT = /reset|password|activat|welcome|invit|magic|confirm|verif|unlock|recover|token/i;

/** The secret segment of a one-time link in text[from, to) (a URL's path in free text), as a span. */
function linkSecretAt(text: string, from: number, to: number, into: Span[]): void {
  // A link word and a generated segment (16 characters at least, looksGenerated) need room.
  if (to - from < 20) return;
  let stop = to;
  while (stop > from && /[.,;:!)]/.test(text[stop - 1] ?? '')) stop--;
  const path = text.slice(from, stop);
  if (!mayHoldLink(path)) return;
  const segments = path.split('/');
  const index = linkSecretSegment(segments);
  if (index === -1) return;
  let start = from;
  for (let i = 0; i < index; i++) start += (segments[i]?.length ?? 0) + 1;
  into.push({ start, end: start + (segments[index]?.length ?? 0), kind: 'token' });
}

/**
 * Userinfo (`user:password`, RFC 3986 §3.2.1) whose password is a documentation placeholder:
 * `https://${username}:${password}@api.example.com`, `postgres://user:YOUR_PASSWORD@db`
 * (secretlint's and detect-secrets' own negative examples), a template, not a credential. A user
 * alone stays a credential whatever it reads like: Git hosts take a token as the user name
 * (`https://<token>@github.com/…`), and a value judged there is replaced wherever it recurs.
 */
export function isDocUserinfo(userinfo: string): boolean {
  const colon = userinfo.indexOf(':');
  if (colon === -1) return false;
  const secret = userinfo.slice(colon + 1);
  if (secret.length > 0 && secret.length <= 64 && isDocPlaceholder(secret)) return true;
  // `redis://user:pass@localhost` in a client library's README: both halves name what goes there.
  return DOC_USERS.has(userinfo.slice(0, colon).toLowerCase()) && DOC_PASSWORDS.has(secret.toLowerCase());
}

const DOC_USERS = new Set(['user', 'username', 'usr', 'login']);
const DOC_PASSWORDS = new Set(['pass', 'password', 'passwd', 'pwd', 'secret']);

/**
 * URLs written in free text (`https://…`, `postgres://…`): credentials in the userinfo
 * (RFC 3986 §3.2.1, still sent by database connection strings) and webhook paths.
 */
export function findUrlSecrets(text: string, from: number, to: number, into: Span[]): void {
  let at = text.indexOf('://', from);
  while (at !== -1 && at < to) {
    let end = at + 3;
    const limit = Math.min(to, at + 8192);
    // (Blanks beyond ASCII end it too, as `\s` does.)
    while (end < limit && !inTable(ENDS_URL, text, end) && !isSpaceCode(text.charCodeAt(end))) end++;
    let authorityEnd = at + 3;
    for (let code = codeAt(text, authorityEnd); authorityEnd < end; code = codeAt(text, authorityEnd)) {
      if (code === 47 || code === 63 || code === 35) break; // / ? #
      authorityEnd++;
    }
    const authority = text.slice(at + 3, authorityEnd);
    const userinfo = authority.lastIndexOf('@');
    if (userinfo > 0 && !isDocUserinfo(authority.slice(0, userinfo)))
      into.push({ start: at + 3, end: at + 3 + userinfo, kind: 'credential' });
    const host = authority.slice(userinfo + 1).replace(/:\d+$/, '');
    let pathEnd = authorityEnd;
    while (pathEnd < end && text.charCodeAt(pathEnd) !== 63 && text.charCodeAt(pathEnd) !== 35) pathEnd++;
    const secret = webhookSecretStart(host, text.slice(authorityEnd, pathEnd));
    if (secret === -1) linkSecretAt(text, authorityEnd, pathEnd, into);
    if (secret !== -1) {
      let stop = pathEnd;
      while (stop > authorityEnd + secret && /[.,;:!)]/.test(text[stop - 1] ?? '')) stop--;
      into.push({ start: authorityEnd + secret, end: stop, kind: 'token' });
    }
    at = text.indexOf('://', Math.max(end, at + 3));
  }
}

/** `data:` URIs (RFC 2397) carrying a document: the payload goes, the media type stays. */
export function findDataUris(text: string, from: number, to: number, into: Span[]): void {
  const start = /data:([a-z0-9.+/-]{1,100}(?:;[a-z0-9.+=-]{1,100}){0,4}),/gi;
  start.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text)) !== null && match.index < to) {
    const header = (match[1] ?? '').toLowerCase();
    if (!/;base64$/.test(header) && !/^(?:image|application|audio|video)\//.test(header)) continue;
    const payload = match.index + match[0].length;
    let end = payload;
    while (end < to && inTable(DATA_PAYLOAD, text, end)) end++;
    if (end - payload < 16) continue;
    into.push({ start: payload, end, kind: 'document' });
    start.lastIndex = end;
  }
}
