import { defineProvider } from '../provider.ts';

const doc = (section: string) => ({ section });
const UNSAFE =
  'the request carries a unique identifier PRIVO deduplicates on (agree an error plan with your PRIVO representative otherwise)';

/** PRIVO (privo.txt): 4xx never as is; 5xx and network failures safe only when deduplicated. */
export const privo = defineProvider({
  formatVersion: 1,
  id: 'privo',
  name: 'PRIVO',
  docTitle: 'PRIVO Partner API › Error Handling',
  // Neither a host nor a body format is documented, so PRIVO is recognised by the user's mapping only.
  recognize: {},
  idempotency: {
    // privo.txt › "Error Handling": only GET and DELETE are guaranteed idempotent.
    methods: ['GET', 'DELETE'],
    // privo.txt › "Network Errors": a unique email address or username blocks a duplicate registration.
    requests: [
      {
        bodyFields: ['email', 'email_address', 'emailAddress', 'username', 'user_name', 'userName'],
        note: 'PRIVO rejects a duplicate',
      },
    ],
    advice:
      'PRIVO takes no idempotency key: a unique identifier in the request (an email address or username) is what makes a repeat safe.',
  },
  rules: [
    {
      id: 'network',
      when: { status: [0] },
      then: { condition: UNSAFE, action: 'The outcome is indeterminate.' },
      doc: doc('Network Errors'),
    },
    {
      id: '4xx',
      when: { status: ['4xx'] },
      then: { retry: 'no', action: 'Correct the content of the request, then send the corrected version.' },
      doc: doc('Content Errors'),
    },
    {
      id: '5xx',
      when: { status: [500, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511] },
      then: {
        condition: UNSAFE,
        action: 'The outcome is indeterminate; PRIVO engineers reconcile mutations that failed.',
      },
      doc: doc('Server Errors'),
    },
  ],
});
