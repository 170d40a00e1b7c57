/**
 * A forecast in words: the method chosen, and how wrong it was when tried on the past,
 * in one sentence a planner can repeat. Part of the one message catalogue.
 */
import type { Language } from './language';

const methodNames: Record<string, Record<Language, string>> = {
  mean: { fr: 'la moyenne des mois passés', en: 'the mean of past months' },
  drift: { fr: 'la tendance des mois passés prolongée', en: 'the past trend, extended (drift)' },
  'seasonal naive': {
    fr: 'le même mois de l’année précédente',
    en: 'the same month of the year before (seasonal naive)',
  },
  'Holt-Winters additive': {
    fr: 'un lissage exponentiel avec tendance et saisons (Holt-Winters additif)',
    en: 'exponential smoothing with trend and seasons (additive Holt-Winters)',
  },
  'Holt-Winters additive, damped trend': {
    fr: 'un lissage exponentiel avec saisons et une tendance qui s’amortit (Holt-Winters additif amorti)',
    en: 'exponential smoothing with seasons and a damped trend (additive Holt-Winters, damped)',
  },
  'Holt-Winters multiplicative': {
    fr: 'un lissage exponentiel avec tendance et saisons proportionnelles (Holt-Winters multiplicatif)',
    en: 'exponential smoothing with trend and proportional seasons (multiplicative Holt-Winters)',
  },
  'Holt-Winters multiplicative, damped trend': {
    fr: 'un lissage exponentiel avec saisons proportionnelles et une tendance qui s’amortit (Holt-Winters multiplicatif amorti)',
    en: 'exponential smoothing with proportional seasons and a damped trend (multiplicative Holt-Winters, damped)',
  },
};

/** "Prévision par la moyenne des mois passés", capitalised for a line of its own. */
export function forecastMethodText(method: string, language: Language): string {
  const name = methodNames[method]?.[language] ?? method;
  return language === 'fr' ? `Prévision par ${name}` : `Forecast by ${name}`;
}

const decimal = (value: number, language: Language) =>
  new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

/**
 * The backtest error in one sentence: sMAPE as "wrong by x % on average", MASE as a
 * comparison with repeating last year's month (below 1: better than that).
 */
export function forecastErrorText(
  backtest: { mase: number | null; smape: number | null; origins: number },
  language: Language,
): string {
  const { mase, smape, origins } = backtest;
  if (language === 'en') {
    const off = smape === null ? '' : `it was off by ${decimal(smape, language)} % on average`;
    const versus =
      mase === null
        ? ''
        : `${off ? '; ' : ''}its error was ${decimal(mase, language)} times that of repeating last year’s month (MASE; under 1 is better)`;
    return `Tried on the past from ${origins} starting points, ${off}${versus}.`;
  }
  const off = smape === null ? '' : `elle s’est trompée de ${decimal(smape, language)} % en moyenne (sMAPE)`;
  const versus =
    mase === null
      ? ''
      : `${off ? ' ; ' : ''}son erreur vaut ${decimal(mase, language)} fois celle de « même mois l’an dernier » (MASE : sous 1, elle fait mieux)`;
  return `Essayée sur le passé à partir de ${origins} points de départ, ${off}${versus}.`;
}
