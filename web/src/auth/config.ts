/** /config.json, written by CDK next to the app; absent with npm start (the app then offers the local sign-in). */
import type { SignInConfig } from './cognito';

export interface RuntimeConfig {
  signIn?: SignInConfig;
}

let loaded: Promise<RuntimeConfig | undefined> | undefined;

export function loadRuntimeConfig(): Promise<RuntimeConfig | undefined> {
  loaded ??= fetch('/config.json')
    .then(async (response) =>
      response.ok && /json/.test(response.headers.get('content-type') ?? '')
        ? ((await response.json()) as RuntimeConfig)
        : undefined,
    )
    .catch(() => undefined);
  return loaded;
}
