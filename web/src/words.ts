/** The small vocabularies as people read them, from the one message catalogue (shared/messages/words.ts). */
import { channelWords, contractWords, modeWords, shiftWords } from '../../shared/messages/words';

const french = <K extends string>(words: Record<K, { fr: string }>) =>
  (Object.keys(words) as K[]).map((key) => [key, words[key].fr] as const);

export const shiftChoices = french(shiftWords);
export const contractChoices = french(contractWords);
export const channelChoices = french(channelWords);
/** Modes as a choice: "Voiture", not "en voiture". */
export const modeChoices = [
  ['car', 'Voiture'],
  ['transit', 'Transports en commun'],
  ['bike', 'Vélo'],
  ['walk', 'À pied'],
] as const satisfies readonly (readonly [keyof typeof modeWords, string])[];
export type Mode = (typeof modeChoices)[number][0];
export type ShiftName = keyof typeof shiftWords;
export type ContractName = keyof typeof contractWords;
export type ChannelName = keyof typeof channelWords;

export const modeInWords = (mode: Mode) => modeWords[mode].fr;
export const shiftInWords = (shift: ShiftName) => shiftWords[shift].fr;
export const contractInWords = (contract: ContractName) => contractWords[contract].fr;
/** A salary's period, as the form's "… € par heure". */
export const salaryPeriodChoices = [
  ['hour', 'heure'],
  ['month', 'mois'],
  ['year', 'an'],
] as const;
