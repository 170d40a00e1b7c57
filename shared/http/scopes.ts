import { allowedGroups, type Group, type RouteContract } from './route-contract';

/** OAuth scopes of the API's resource server: one per group, e.g. "bassin/employer". */
export const resourceServer = 'bassin';
export const scopeOf = (group: Group) => `${resourceServer}/${group}`;

/** The scopes API Gateway demands on a route: those of the groups allowed on it (none for public routes). */
export const routeScopes = (contract: Pick<RouteContract, 'access'>): string[] =>
  contract.access === 'public' ? [] : allowedGroups(contract).map(scopeOf);
