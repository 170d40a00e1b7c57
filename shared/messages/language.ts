import Negotiator from 'negotiator';

/** Languages people can read Bassin in: French by default, English when a request asks for it. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

/** The best of our languages for an `Accept-Language` header; French when it names neither. */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'fr';
  const [best] = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages([...languages]);
  return (best as Language | undefined) ?? 'fr';
}
