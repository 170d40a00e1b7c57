/**
 * Amazon Location's Routes client (~52 KB of a bundle, ~12 ms of a cold import), loaded by
 * dependencies.ts only where the travelTime setting is `amazon-location`. Its own file
 * (`.mts`, shipped as `geo-routes.mjs` beside the bundles that may load it, by
 * infra/bundles.ts) so that a function on the estimator neither runs nor parses it.
 */
import { CalculateRouteMatrixCommand, GeoRoutesClient } from '@aws-sdk/client-geo-routes';
import type { RouteMatrix } from './travel/amazon-location';

export { GeoRoutesClient };

/** The route matrix of one client, as amazonLocationTravelTime asks for it. */
export const routeMatrixOf =
  (client: GeoRoutesClient): RouteMatrix =>
  (input) =>
    client.send(new CalculateRouteMatrixCommand(input));
