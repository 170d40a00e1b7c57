import { describe, expect, it } from 'vitest';
import {
  changedFields,
  fieldErrors,
  forecastSeries,
  formatCount,
  indicatorSeries,
  mercator,
  monthToSeconds,
  tilesFor,
} from '../../web/src/format';

describe('web display rules', () => {
  it('shows suppressed counts as "< 11", never the number; missing as a dash', () => {
    expect(formatCount(7, true)).toBe('< 11');
    expect(formatCount(null, true)).toBe('< 11');
    expect(formatCount(null, false)).toBe('–');
    expect(formatCount(1234, false)).toBe('1\u202f234');
    expect(formatCount(1234, false, 'en-GB')).toBe('1,234');
  });

  it('charts suppressed months as gaps, not zeros', () => {
    const rows = [
      { month: '2026-01', suppressed: [], vacancies_posted: 12, seekers_active: 40 },
      { month: '2026-02', suppressed: ['seekers_active'], vacancies_posted: 9, seekers_active: null },
    ];
    expect(indicatorSeries(rows, ['vacancies_posted', 'seekers_active'])).toEqual([
      [monthToSeconds('2026-01'), monthToSeconds('2026-02')],
      [12, 9],
      [40, null],
    ]);
  });

  it('joins the forecast and its bands to the last observed month', () => {
    const data = forecastSeries({
      history: [
        { month: '2026-09', value: 10, suppressed: false },
        { month: '2026-10', value: 12, suppressed: false },
      ],
      points: [{ month: '2026-11', forecast: 13, lower80: 11, upper80: 15, lower95: 10, upper95: 16 }],
    });
    expect(data[0]).toHaveLength(3);
    expect(data[1]).toEqual([10, 12, null]);
    expect(data[2]).toEqual([null, 12, 13]);
    expect(data[3]).toEqual([null, 12, 11]);
    expect(data[6]).toEqual([null, 12, 16]);
  });

  it('maps problem+json fields to form fields', () => {
    expect(
      fieldErrors({
        errors: [
          { field: 'body.site.commune', detail: 'unknown INSEE commune code' },
          { field: 'query.minutes', detail: 'too big' },
        ],
      }),
    ).toEqual({ 'site.commune': 'unknown INSEE commune code', minutes: 'too big' });
  });

  it('places map tiles and markers with the same Web Mercator maths, fitting the box', () => {
    // Pau's tile at zoom 10 by the OpenStreetMap "slippy map tilenames" formula (tan/sec form).
    const lat = (43.2951 * Math.PI) / 180;
    const osmY = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** 10);
    const osmX = Math.floor(((-0.3708 + 180) / 360) * 2 ** 10);
    const pau = mercator({ lat: 43.2951, lon: -0.3708 }, 10);
    expect([Math.floor(pau.x / 256), Math.floor(pau.y / 256)]).toEqual([osmX, osmY]);
    expect([osmX, osmY]).toEqual([510, 375]);
    const box = { minLat: 43.0, maxLat: 43.6, minLon: -0.9, maxLon: 0.2 };
    const { zoom, tiles, place } = tilesFor(box, { width: 420, height: 320 });
    const corner = place({ lat: box.minLat, lon: box.maxLon });
    expect(corner.x).toBeLessThanOrEqual(420);
    expect(corner.y).toBeLessThanOrEqual(320);
    expect(place({ lat: box.maxLat, lon: box.minLon })).toEqual({ x: 0, y: 0 });
    expect(tiles.every((t) => t.z === zoom && t.left <= 0 + 420 && t.top <= 320)).toBe(true);
    expect(tiles.some((t) => t.left <= 0 && t.top <= 0)).toBe(true);
  });

  it('lists what someone else changed, field by field', () => {
    expect(
      changedFields(
        { title: 'Soudeur', openings: 1, skills: ['TIG'] },
        { title: 'Soudeur', openings: 3, skills: ['TIG', 'MIG'] },
        { title: 'Intitulé', openings: 'Postes', skills: 'Compétences' },
      ),
    ).toEqual([
      { field: 'openings', label: 'Postes', from: '1', to: '3' },
      { field: 'skills', label: 'Compétences', from: 'TIG', to: 'TIG, MIG' },
    ]);
  });
});
