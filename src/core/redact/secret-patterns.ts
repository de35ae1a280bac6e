import { acceptAssignment } from './accept-assignment.ts';
import { acceptAuthScheme } from './accept-auth-scheme.ts';
import { prefixed, type TextPattern } from './text-pattern.ts';

const awsPrefixed = prefixed('api-key', ['AKIA', 'ASIA', 'ABIA', 'ACCA']);

/**
 * Secret formats, as data. Each cites the vendor's documented key prefix and the gitleaks rule
 * (github.com/gitleaks/gitleaks, config/gitleaks.toml) that encodes the same format. Order
 * matters where prefixes overlap: Anthropic's `sk-ant-` is listed before OpenAI's `sk-`.
 */
export const SECRET_PATTERNS: readonly TextPattern[] = [
  {
    id: 'pem-private-key',
    family: 'punct',
    kind: 'private-key',
    // Stops at a quote so a truncated key inside a JSON string cannot swallow the document, and
    // at 16 KiB (a 4096-bit RSA key is ~3.3 KB) so the scan stays linear on hostile input.
    source:
      '-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[^-"]|-(?!----END)){0,16384}(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)?',
    cite: 'RFC 7468 §2 (PEM encapsulation boundaries); gitleaks rule "private-key"',
  },
  {
    id: 'jwt',
    family: 'token',
    kind: 'jwt',
    source: '(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,8192}\\.[A-Za-z0-9_-]{4,16384}\\.[A-Za-z0-9_-]{0,4096}',
    cite: 'RFC 7519 §3 (JWS compact serialization, base64url of a JSON header `{"`); gitleaks rule "jwt"',
    accept: prefixed('jwt', ['eyJ']),
  },
  {
    id: 'stripe-key',
    family: 'token',
    kind: 'api-key',
    source:
      '(?<![A-Za-z0-9_-])(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}|pk_live_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9]{20,247})',
    cite: 'Stripe docs "API keys" (sk_live_, rk_live_, pk_live_ prefixes); gitleaks rule "stripe-access-token"',
    accept: prefixed('api-key', ['sk_', 'rk_', 'pk_live_', 'whsec_']),
  },
  {
    id: 'aws-access-key-id',
    family: 'token',
    kind: 'api-key',
    source: '(?<![A-Za-z0-9_-])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}',
    cite: 'AWS IAM User Guide "Understanding unique ID prefixes" (AKIA, ASIA); gitleaks rule "aws-access-token"',
    accept: (text, start, end) => {
      const candidate = text.slice(start, end);
      if (candidate !== candidate.toUpperCase()) return undefined;
      return awsPrefixed(text, start, end);
    },
  },
  {
    id: 'github-token',
    family: 'token',
    kind: 'token',
    source:
      '(?<![A-Za-z0-9_-])(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,251}|github_pat_[A-Za-z0-9_]{22,251})',
    cite: 'GitHub docs "About authentication to GitHub" › "GitHub\'s token formats"; gitleaks rules "github-pat", "github-oauth", "github-app-token", "github-refresh-token", "github-fine-grained-pat"',
    accept: prefixed('token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_']),
  },
  {
    id: 'slack-token',
    family: 'token',
    kind: 'token',
    source: '(?<![A-Za-z0-9_-])(?:xox[abprs]-[A-Za-z0-9-]{10,250}|xapp-\\d-[A-Za-z0-9-]{10,250})',
    cite: 'Slack docs "Token types" (xoxb-, xoxp-, xapp-); gitleaks rules "slack-bot-token", "slack-user-token", "slack-app-token"',
    accept: prefixed('token', ['xox', 'xapp-']),
  },
  {
    id: 'anthropic-key',
    family: 'token',
    kind: 'api-key',
    source: '(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{20,300}',
    cite: 'Anthropic API docs "Authentication" (sk-ant-api03-); gitleaks rules "anthropic-api-key", "anthropic-admin-api-key"',
    accept: prefixed('api-key', ['sk-ant-']),
  },
  {
    id: 'openai-key',
    family: 'token',
    kind: 'api-key',
    source: '(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300}',
    cite: 'OpenAI API reference "Authentication" (sk-, sk-proj- project keys); gitleaks rule "openai-api-key"',
    accept: prefixed('api-key', ['sk-']),
  },
  {
    id: 'google-api-key',
    family: 'token',
    kind: 'api-key',
    source: '(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}',
    cite: 'Google Cloud docs "Manage API keys" (keys start AIza); gitleaks rule "gcp-api-key"',
    accept: prefixed('api-key', ['AIza']),
  },
  {
    id: 'sendgrid-key',
    family: 'token',
    kind: 'api-key',
    source: '(?<![A-Za-z0-9_-])SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}',
    cite: 'Twilio SendGrid docs "API Keys" (SG. + id + secret); gitleaks rule "sendgrid-api-token"',
    accept: prefixed('api-key', ['SG.']),
  },
  {
    id: 'twilio-sid-or-key',
    family: 'token',
    kind: 'api-key',
    source: '(?<![A-Za-z0-9_-])(?:AC|SK)[0-9a-f]{32}',
    cite: 'Twilio docs "API keys" (SK + 32 hex) and "Account SID" (AC + 32 hex); gitleaks rule "twilio-api-key"',
    accept: prefixed('api-key', ['AC', 'SK']),
  },
  {
    id: 'bearer-credential',
    family: 'punct',
    kind: 'token',
    source: 'bearer\\s{1,4}[A-Za-z0-9._~+/-]{8,4096}=*',
    cite: 'RFC 6750 §2.1 (b64token after "Bearer")',
    accept: acceptAuthScheme('token'),
  },
  {
    id: 'basic-credential',
    family: 'punct',
    kind: 'credential',
    source: 'basic\\s{1,4}[A-Za-z0-9+/]{6,4096}={0,2}',
    cite: 'RFC 7617 §2 (base64 of user-id ":" password after "Basic")',
    accept: acceptAuthScheme('credential'),
  },
  {
    id: 'url-userinfo',
    family: 'punct',
    kind: 'credential',
    source: '[a-z][a-z0-9+.-]{1,15}://[^\\s/?#@"\'<>\\\\]{1,256}@',
    cite: 'RFC 3986 §3.2.1 (userinfo "user:password@" is deprecated but still sent)',
    accept: (text, start, end) => {
      const from = text.indexOf('://', start) + 3;
      return from < end - 1 ? { start: from, end: end - 1, kind: 'credential' } : undefined;
    },
  },
  {
    id: 'named-assignment',
    family: 'punct',
    kind: 'secret',
    // The keyword only anchors the match; acceptAssignment reads the whole name around it and
    // decides with fieldKind, so `author: x` or `max_tokens=5` are let through.
    source:
      '(?:pass|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|auth|session|sessid|cookie|credential|signature|jwt|e-?mail|phone|mobile|name|address|street|post(?:al)?[-_]?code|zip|dob|birth|ssn|cpf|aadhaar|nino|passport|iban|card[-_]?number|cvv|cvc|ip)[A-Za-z0-9_.-]{0,30}["\']?\\s{0,3}[:=]',
    cite: 'field names from fieldKind (see field-kind.ts), written as key=value or "key": value',
    accept: acceptAssignment,
  },
];
