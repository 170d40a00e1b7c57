/** Reference searches as suggestions for the comboboxes: job titles, communes, skills, intercommunalities. */
import { api, data } from '../api/client';
import type { Suggestion } from './Combobox';

export async function findJobTitles(q: string): Promise<Suggestion[]> {
  const { items } = await data(api.GET('/v1/ref/occupations', { params: { query: { q, limit: 8 } } }));
  return items.map((title) => ({
    key: title.code,
    text: title.label,
    // The fiche's name when it says something the title does not.
    detail: title.occupation.label !== title.label ? title.occupation.label : undefined,
    meta: { occupation: title.occupation.code },
  }));
}

export async function findCommunes(q: string): Promise<Suggestion[]> {
  const { items } = await data(api.GET('/v1/ref/communes', { params: { query: { q, limit: 8 } } }));
  return items.map((commune) => ({ key: commune.code, text: commune.label, detail: commune.epci?.name }));
}

export async function findEpcis(q: string): Promise<Suggestion[]> {
  const { items } = await data(api.GET('/v1/ref/epcis', { params: { query: { q, limit: 8 } } }));
  return items.map((epci) => ({ key: epci.code, text: epci.name }));
}

export interface SkillChoice {
  code?: string;
  label: string;
}

/** Skills of the occupation first (all of its fiche when nothing is typed), then any matching. */
export async function findSkills(
  q: string,
  occupation: string | undefined,
  limit = 8,
): Promise<SkillChoice[]> {
  const { items } = await data(
    api.GET('/v1/ref/skills', {
      params: { query: { q, limit, ...(occupation ? { occupation } : {}) } },
    }),
  );
  return items.map(({ code, label }) => ({ code, label }));
}
