import { type Cell, cellId } from '../../../domain/geo';
import type { Vacancy } from '../../../domain/vacancy';

/** The cell level of the open-vacancy index: about 78 km north–south. */
export const openVacancyLevel = 8;

/**
 * Every key a vacancy item carries. Access patterns: by id; by owner, newest first (GSI1);
 * open vacancies by sector and cell (GSI3, present only while open).
 */
export const vacancyKeys = {
  entity: 'Vacancy',
  primary: (id: string) => ({ PK: `VACANCY#${id}`, SK: 'VACANCY' }),
  byOwnerPartition: (owner: string) => `EMPLOYER#${owner}`,
  byOwner: (owner: string, createdAt: string, id: string) => ({
    GSI1PK: vacancyKeys.byOwnerPartition(owner),
    GSI1SK: `VACANCY#${createdAt}#${id}`,
  }),
  openPartition: (sector: string, cell: Cell) => `OPEN#${sector}#${cellId(cell)}`,
  /** `cell`: the site's cell at `openVacancyLevel` (the store locates the site; keys stay free of the map). */
  open: (vacancy: Vacancy, cell: Cell) =>
    vacancy.status === 'open'
      ? { GSI3PK: vacancyKeys.openPartition(vacancy.sector, cell), GSI3SK: `VACANCY#${vacancy.id}` }
      : {},
} as const;
