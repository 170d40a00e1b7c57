/** Production wiring of ports to adapters, built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import type { SeekerDeps } from '../domain/seeker-operations';
import type { VacancyDeps } from '../domain/vacancy-operations';
import { systemClock } from '../ports/runtime';
import { tableClientFromEnv } from './dynamodb/client';
import { dynamoSeekerStore } from './dynamodb/seeker-store';
import { dynamoVacancyStore } from './dynamodb/vacancy-store';

let vacancies: VacancyDeps | undefined;
let seekers: SeekerDeps | undefined;

export function vacancyDeps(): VacancyDeps {
  vacancies ??= {
    vacancies: dynamoVacancyStore(tableClientFromEnv()),
    clock: systemClock,
    newId: randomUUID,
  };
  return vacancies;
}

export function seekerDeps(): SeekerDeps {
  seekers ??= { seekers: dynamoSeekerStore(tableClientFromEnv()), clock: systemClock };
  return seekers;
}
