import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { type Group, groups } from './route-contract';

export interface Caller {
  sub: string;
  groups: Group[];
}

/**
 * API Gateway's JWT authorizer flattens array claims to a string like "[employer admin]";
 * a direct invocation may carry a real array. Both become a list of known groups.
 */
export function parseGroupsClaim(claim: unknown): Group[] {
  const raw = Array.isArray(claim)
    ? claim.map(String)
    : typeof claim === 'string'
      ? claim
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .filter(Boolean)
      : [];
  return raw.filter((name): name is Group => (groups as readonly string[]).includes(name));
}

/** The verified caller, or undefined when the request carries no authorizer claims. */
export function callerOf(event: Partial<APIGatewayProxyEventV2WithJWTAuthorizer>): Caller | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  return { sub, groups: parseGroupsClaim(claims?.['cognito:groups']) };
}
