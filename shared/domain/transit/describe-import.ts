/** What an import read and wrote, in French, for the operator (command line and job logs). */
import { weekdayNames } from './calendar';
import type { ImportReport } from './import';

const day = (date: string) => `${date.slice(6, 8)}/${date.slice(4, 6)}/${date.slice(0, 4)}`;

export function describeImport({ summary, timings }: ImportReport): string {
  const lines = summary.feeds.map(
    (feed) =>
      `  ${feed.name} : ${feed.agencies.join(', ') || 'réseau sans nom'} — ${feed.stops} arrêts, ${feed.lines} lignes, ` +
      `${feed.trips} trajets du ${day(feed.firstDate)} au ${day(feed.lastDate)}, dont ${feed.tripsKept} retenus`,
  );
  return [
    `Horaires importés (version ${summary.version}) :`,
    ...lines,
    `Jour retenu : ${weekdayNames[summary.weekday]} ${day(summary.date)} (jour de semaine qui a le plus de trajets), ` +
      'avec les trajets de la veille qui roulent après minuit.',
    `Réseau : ${summary.stops} arrêts desservis, ${summary.lines} lignes, ${summary.trips} trajets, ${summary.connections} tronçons.`,
    `Communes desservies (un arrêt à moins de ${summary.accessWalkKm.toLocaleString('fr-FR')} km à pied de leur point) : ${summary.communes.length}.`,
    `Trajets porte à porte enregistrés : ${summary.pairs} paires de communes.`,
    `Durées : lecture ${timings.readMs} ms, calcul ${timings.computeMs} ms, écriture ${timings.writeMs} ms.`,
  ].join('\n');
}
