import {
  type Configuration,
  type Need,
  type SettingsOf,
  settings,
} from '../../shared/adapters/configuration';
import type { BassinFunction } from '../function';

/** Writes settings into a function's environment, under the variables the functions read them from. */
export function writeSettings(fn: BassinFunction, values: Configuration) {
  for (const [name, value] of Object.entries(values) as [keyof typeof settings, string | undefined][])
    if (value !== undefined) fn.addEnvironment(settings[name].variable, value);
}

/** The settings a need brings, every one of them given (a value left out fails tsc; undefined skips it). */
export function writeNeedSettings<N extends Need>(
  fn: BassinFunction,
  _need: N,
  values: Record<SettingsOf<N>, string | undefined>,
) {
  writeSettings(fn, values as Configuration);
}
