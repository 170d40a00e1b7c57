/**
 * zod's own messages in the reader's language, from the locales zod ships (only the two
 * we speak are imported, so bundles do not carry the other forty).
 */
import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import fr from 'zod/v4/locales/fr.js';
import type { Language } from './language';

const locales: Record<Language, { localeError: z.core.$ZodErrorMap }> = { fr: fr(), en: en() };

/** The error map to parse with, e.g. `schema.safeParse(input, { error: zodErrorMap('fr') })`. */
export const zodErrorMap = (language: Language) => locales[language].localeError;
