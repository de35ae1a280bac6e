import type { DemoScenario } from './demo-scenario.ts';
import { fakeSecrets } from './fake-secrets.ts';
import { errorEnvelopeScenarios } from './scenarios/error-envelope-scenarios.ts';
import { localScenarios } from './scenarios/local-scenarios.ts';
import { perslyScenarios } from './scenarios/persly-scenarios.ts';
import { personaScenarios } from './scenarios/persona-scenarios.ts';
import { privoScenarios } from './scenarios/privo-scenarios.ts';
import { ranexScenarios } from './scenarios/ranex-scenarios.ts';

/** Every demo button, grouped by provider in page order. Ids are unique (checked by the server). */
export function demoScenarios(): DemoScenario[] {
  const secrets = fakeSecrets();
  return [
    ...personaScenarios(secrets),
    ...ranexScenarios(secrets),
    ...errorEnvelopeScenarios(secrets),
    ...perslyScenarios(secrets),
    ...privoScenarios(),
    ...localScenarios(),
  ];
}
