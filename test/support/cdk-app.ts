import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';

/**
 * An App with the context `npx cdk synth` gives the real one (cdk.json: the feature flags),
 * so assertions see the template that deploys. Bundling is skipped, as in CDK's own tests,
 * and so is CDK's built-in CloudFormation validation (about 20 s of CPU per synth): the real
 * synth in test/infra/synth.test.ts runs it, with errors failing it (validateAgainstDefaultRules).
 */
export function testApp(context: Record<string, unknown> = {}) {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
  return new App({
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
}
