import type { RouteEntry } from '../../infra/routes';
import { allowedGroups } from '../../shared/http/route-contract';
import { paluSeekerProfile, welderVacancy } from './samples';

/** A valid body for every route that takes one; a new route without one fails the generated tests. */
export const validBodies: Record<string, () => unknown> = {
  postVacancy: welderVacancy,
  patchVacancy: () => ({ openings: 3 }),
  putMyProfile: paluSeekerProfile,
  putPlanningArea: () => ({ name: 'Bassin de Lacq et Pau', epcis: ['200039204'], communes: ['64445'] }),
  putMobilityScenario: () => ({
    name: 'Car de 04:50 Pau – Lacq',
    changes: [
      {
        kind: 'add-line',
        name: 'Car Pau – Lacq',
        mode: 'coach',
        stops: [
          { commune: '64445', minutes: 0 },
          { commune: '64300', minutes: 35 },
        ],
        departures: ['04:50'],
      },
    ],
  }),
  registerDevice: () => ({ platform: 'android', token: 'fcm-device-token-0123456789' }),
};

export const anyId = '6f1c1f9e-3b1a-4a53-9d4f-0a7f4b1c2d3e';
export const concretePath = (path: string, id = anyId) => path.replace('{id}', id);
export const firstGroup = (route: RouteEntry) => allowedGroups(route.contract)[0] ?? 'employer';
