import { describe, expect, it } from 'vitest';
import {
  changedFields,
  fieldErrors,
  forecastSeries,
  formatCount,
  indicatorSeries,
  monthToSeconds,
  project,
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

  it('maps problem+json fields to form fields and projects map points into the box', () => {
    expect(
      fieldErrors({
        errors: [
          { field: 'body.site.commune', detail: 'unknown INSEE commune code' },
          { field: 'query.minutes', detail: 'too big' },
        ],
      }),
    ).toEqual({ 'site.commune': 'unknown INSEE commune code', minutes: 'too big' });
    const box = { minLat: 43, maxLat: 44, minLon: -1, maxLon: 0 };
    expect(project({ lat: 44, lon: -1 }, box, { width: 100, height: 50 })).toEqual({ x: 0, y: 0 });
    expect(project({ lat: 43, lon: 0 }, box, { width: 100, height: 50 })).toEqual({ x: 100, y: 50 });
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
