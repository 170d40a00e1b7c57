import { defaultServiceHours, estimateCommute, type ServiceHours } from '../../domain/commute/estimator';
import { shiftByHours, type TravelTime } from '../../ports/travel-time';

/** The offline estimator as a TravelTime (the default). Service hours from TRANSIT_SERVICE_HOURS="6-21". */
export function estimatorTravelTime(service: ServiceHours = defaultServiceHours): TravelTime {
  const estimate: TravelTime['estimate'] = async (query) => estimateCommute(query, service);
  return { estimate, shift: shiftByHours(estimate) };
}

export function serviceHoursFrom(value: string | undefined): ServiceHours {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(value ?? '');
  if (!match) return defaultServiceHours;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start < end && end <= 24 ? { start, end } : defaultServiceHours;
}
