/**
 * The catchment on a real map, drawn offline: EPCI outlines (web/public/geo, built by
 * `npm run geo:build` from IGN commune outlines) coloured by the seekers each EPCI has
 * within reach; a secret count shows as "< 11", hatched. No tiles, no network.
 */
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { useEffect, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

export interface MapArea {
  id: string;
  name: string;
  minutes: number;
  seekers: number | null;
  suppressed: boolean;
}

type Outline = Feature<MultiPolygon, { name: string }>;
let outlines: Promise<Outline[]> | undefined;
const loadOutlines = () => {
  outlines ??= fetch('/geo/epci-outlines.json')
    .then((response) => response.json() as Promise<Topology>)
    .then(
      (topology) =>
        (
          feature(topology, topology.objects.epci as never) as unknown as FeatureCollection<
            MultiPolygon,
            { name: string }
          >
        ).features,
    );
  return outlines;
};

/** Classes of the colour scale (a sequential blue scale readable in grey too). */
export const classes: { from: number; label: string; fill: string }[] = [
  { from: 0, label: 'aucun', fill: '#f2f5f9' },
  { from: 11, label: '11 à 49', fill: '#c6dbef' },
  { from: 50, label: '50 à 99', fill: '#6baed6' },
  { from: 100, label: '100 à 249', fill: '#2171b5' },
  { from: 250, label: '250 et plus', fill: '#08306b' },
];
const fillOf = (seekers: number) =>
  [...classes].reverse().find((c) => seekers >= c.from)?.fill ?? classes[0]?.fill;

const width = 640;
export function CatchmentMap(props: { areas: MapArea[]; site: string }) {
  const [shapes, setShapes] = useState<Outline[]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadOutlines().then(setShapes, () => setFailed(true));
  }, []);
  if (failed)
    return <p class="error">La carte n’a pas pu être chargée ; les chiffres sont dans le tableau.</p>;
  if (!shapes) return <p aria-live="polite">Chargement de la carte…</p>;
  const points = shapes.flatMap((shape) => shape.geometry.coordinates.flat(2));
  const lons = points.map((p) => p[0] as number);
  const lats = points.map((p) => p[1] as number);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  // Equirectangular at the box's latitude: true enough over a hundred kilometres.
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k);
  const height = Math.round((maxLat - minLat) * scale);
  const project = ([lon, lat]: Position) => [
    ((lon as number) - minLon) * k * scale,
    (maxLat - (lat as number)) * scale,
  ];
  const path = (shape: Outline) =>
    shape.geometry.coordinates
      .map((polygon) =>
        polygon
          .map(
            (ring) =>
              `M${ring
                .map((p) =>
                  project(p)
                    .map((v) => v.toFixed(1))
                    .join(','),
                )
                .join('L')}Z`,
          )
          .join(''),
      )
      .join('');
  const centre = (shape: Outline) => {
    const ring =
      shape.geometry.coordinates.reduce((a, b) => ((b[0]?.length ?? 0) > (a[0]?.length ?? 0) ? b : a))[0] ??
      [];
    const projected = ring.map(project);
    return [
      projected.reduce((s, p) => s + (p[0] ?? 0), 0) / projected.length,
      projected.reduce((s, p) => s + (p[1] ?? 0), 0) / projected.length,
    ];
  };
  const byId = new Map(props.areas.map((area) => [area.id, area]));
  const siteArea = [...props.areas].sort((a, b) => a.minutes - b.minutes)[0]?.id;
  return (
    <figure class="map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="map-title"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="map-title">{`Carte des intercommunalités à portée de ${props.site}, colorées selon les candidats actifs qui y habitent`}</title>
        <defs>
          <pattern
            id="secret"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#fde9c8" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#b35c00" stroke-width="2" />
          </pattern>
        </defs>
        {shapes.map((shape) => {
          const area = byId.get(String(shape.id));
          const fill = !area ? '#e4e4e4' : area.suppressed ? 'url(#secret)' : fillOf(area.seekers ?? 0);
          return (
            <path
              key={String(shape.id)}
              d={path(shape)}
              fill={fill}
              stroke={area?.id === siteArea ? '#b3261e' : '#5c5c5c'}
              stroke-width={area?.id === siteArea ? 2.5 : 0.6}
            >
              <title>
                {`${shape.properties.name} : ${
                  !area
                    ? 'hors de portée'
                    : area.suppressed
                      ? '< 11 candidats'
                      : `${area.seekers ?? 0} candidats`
                }${area ? `, ${Math.round(area.minutes)} min` : ''}`}
              </title>
            </path>
          );
        })}
        {shapes.map((shape) => {
          const area = byId.get(String(shape.id));
          if (!area) return null;
          const [x, y] = centre(shape);
          const text = area.suppressed ? '< 11' : String(area.seekers ?? 0);
          return (
            <text key={`label-${String(shape.id)}`} x={x} y={y} class="map-label" text-anchor="middle">
              {text}
            </text>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend" aria-label="Légende">
          {classes.map((c) => (
            <li key={c.label}>
              <span class="swatch" style={{ background: c.fill }} /> {c.label}
            </li>
          ))}
          <li>
            <span class="swatch secret" /> moins de 11 (secret statistique)
          </li>
          <li>
            <span class="swatch" style={{ background: '#e4e4e4' }} /> hors de portée
          </li>
          <li>
            <span class="swatch site" /> intercommunalité du site
          </li>
        </ul>
        <p class="hint">Contours : IGN GEOFLA 2016 (Pyrénées-Atlantiques et Hautes-Pyrénées), simplifiés.</p>
      </figcaption>
    </figure>
  );
}
