import { describe, expect, it } from 'vitest';
import {
  changedFields,
  dateInWords,
  forecastSeries,
  formatCount,
  indicatorSeries,
  monthName,
  monthToSeconds,
  phoneForPeople,
  salaryInWords,
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

  it('writes phones, salaries, months and dates as people read them', () => {
    expect(phoneForPeople('+33612345678')).toBe('06 12 34 56 78');
    expect(phoneForPeople('+491701234567')).toBe('+491701234567');
    expect(phoneForPeople(undefined)).toBe('');
    expect(salaryInWords({ min: 2100, max: 2600, period: 'month' })).toBe(
      '2\u202f100\u00a0€ à 2\u202f600\u00a0€ brut par mois',
    );
    expect(salaryInWords({ min: 12.5, max: 12.5, period: 'hour' })).toBe('12,50\u00a0€ brut de l’heure');
    expect(monthName('2026-03')).toBe('mars 2026');
    expect(dateInWords('2027-01-04')).toBe('4 janvier 2027');
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
