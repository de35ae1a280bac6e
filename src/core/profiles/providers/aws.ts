import { defineProvider } from '../provider.ts';

const docUrl = 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html';
const RETRY = { url: docUrl, section: 'Retry behavior › standard mode' };
const GATEWAY =
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html';
const COMMON = {
  url: 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html',
  section: 'Common Errors',
  title: 'AWS API reference',
};
// The throttling codes the AWS SDKs retry (the SDKs and Tools Reference Guide, "Retry behavior").
const THROTTLING = [
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
];

/**
 * AWS services on the JSON protocols (the error name in `__type` or `x-amzn-ErrorType`, namespace
 * and URI stripped), Amazon API Gateway, and the SDKs' standard retry mode.
 */
export const aws = defineProvider({
  formatVersion: 1,
  id: 'aws',
  name: 'Amazon Web Services',
  docUrl,
  recognize: {
    hosts: ['*.amazonaws.com', '*.amazonaws.com.cn'],
    // API Gateway on a custom domain still answers with these headers; a bare {message} body and an
    // X-Api-Key request header alone prove nothing.
    signatures: [
      { responseHeaders: ['x-amzn-errortype'] },
      { responseHeaders: ['x-amzn-requestid'] },
      { bodyFormat: ['aws'] },
    ],
  },
  fields: {
    // https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization
    code: [{ from: 'header:x-amzn-ErrorType', match: '^(?:[^#:]*#)?([^:]+)' }],
    requestId: ['header:x-amzn-RequestId', 'header:x-amz-request-id'],
  },
  idempotency: {
    requests: [
      {
        bodyFields: [
          'ClientToken',
          'ClientRequestToken',
          'clientToken',
          'clientRequestToken',
          'IdempotencyToken',
        ],
        note: 'AWS deduplicates the operation on its',
      },
    ],
    advice:
      'AWS operations that create resources take an idempotency token in the body (ClientToken); the SDKs fill one in, so a retry does not create twice.',
  },
  // Standard mode: at most 3 attempts, exponential backoff with base 2 and full jitter, each wait
  // under 20 s.
  backoff: { initialS: 1, factor: 2, count: 2, capS: 20, jitter: true },
  rules: [
    {
      id: 'usage-plan-quota',
      when: { status: [429], code: ['LimitExceededException'], message: '^limit exceeded$' },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action:
          'An API Gateway usage plan quota is used up for its period; raise the quota or wait for the period to end.',
      },
      doc: { url: GATEWAY, section: 'QUOTA_EXCEEDED', title: 'Amazon API Gateway gateway responses' },
    },
    {
      id: 'throttling',
      when: { code: THROTTLING },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        maxAttempts: 3,
        action: 'AWS is throttling the caller; the SDKs resend throttled calls in standard retry mode.',
      },
      doc: RETRY,
    },
    {
      id: 'transient',
      when: { code: ['RequestTimeout', 'RequestTimeoutException', 'InternalFailure', 'ServiceUnavailable'] },
      then: {
        retry: 'when-idempotent',
        maxAttempts: 3,
        action: 'A transient AWS error; the SDKs resend it in standard retry mode.',
      },
      doc: RETRY,
    },
    {
      id: 'missing-token',
      when: { status: [403], code: ['MissingAuthenticationTokenException'] },
      then: {
        action:
          'API Gateway answers this when no route matches the path and method, not only when credentials are missing: check the URL and method first.',
      },
      doc: {
        url: GATEWAY,
        section: 'MISSING_AUTHENTICATION_TOKEN',
        title: 'Amazon API Gateway gateway responses',
      },
    },
    {
      id: 'signature',
      when: {
        code: [
          'UnrecognizedClientException',
          'InvalidSignatureException',
          'IncompleteSignature',
          'InvalidClientTokenId',
          'ExpiredTokenException',
          'RequestExpired',
        ],
      },
      then: {
        category: 'unauthorized',
        retry: 'no',
        action:
          'The request signature or its credentials are invalid or expired; check the keys, session token and the clock.',
      },
      doc: COMMON,
    },
    {
      id: 'access-denied',
      when: { code: ['AccessDeniedException', 'AccessDenied', 'NotAuthorized'] },
      then: {
        category: 'forbidden',
        retry: 'no',
        action: 'The IAM policy does not allow this action on this resource.',
      },
      doc: COMMON,
    },
    {
      id: 'validation',
      when: { code: ['ValidationException', 'ValidationError', 'SerializationException'] },
      then: { category: 'bad_request', retry: 'no', action: 'A parameter is invalid; the message names it.' },
      doc: COMMON,
    },
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: {
        maxAttempts: 3,
        condition: 'the operation only reads, or carries an idempotency token such as ClientToken',
        action: 'The AWS SDKs resend 500, 502, 503 and 504 in standard retry mode.',
      },
      doc: RETRY,
    },
  ],
});
