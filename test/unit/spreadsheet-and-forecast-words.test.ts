import { describe, expect, it } from 'vitest';
import { seekerProfileInput } from '../../shared/domain/seeker-input';
import { toCsv, wantsCsv } from '../../shared/http/csv';
import { forecastErrorText, forecastMethodText } from '../../shared/messages/forecast';
import { paluSeekerProfile } from '../support/samples';

describe('CSV dialects', () => {
  it('reads the dialect from Accept: programs by default, French spreadsheets on request', () => {
    expect(wantsCsv('text/csv')).toBe('machine');
    expect(wantsCsv('application/json, text/csv;q=0.5')).toBe('machine');
    expect(wantsCsv('text/csv; profile=spreadsheet-fr')).toBe('spreadsheet-fr');
    expect(wantsCsv('text/csv;profile="spreadsheet-fr"')).toBe('spreadsheet-fr');
    expect(wantsCsv('application/json')).toBeUndefined();
    expect(wantsCsv(undefined)).toBeUndefined();
  });

  const rows = [
    {
      month: '2026-03',
      ratio: 0.25,
      seekers_active: null,
      noSeekerInReach: false,
      suppressed: ['seekers_active'],
    },
    { month: '2026-04', ratio: 1234.5, seekers_active: 12, noSeekerInReach: true, suppressed: [] },
    { month: '=HYPERLINK("x")', ratio: -1, seekers_active: 0, noSeekerInReach: false, suppressed: [] },
  ];

  it('writes French spreadsheets: BOM, semicolons, French headers, decimal commas, oui/non, figure names', () => {
    const csv = toCsv(rows, 'spreadsheet-fr');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Mois;Offres par candidat;Candidats actifs;Aucun candidat à portée;Non publié (secret statistique)',
      '2026-03;0,25;;non;Candidats actifs',
      '2026-04;1234,5;12;oui;',
      `"'=HYPERLINK(""x"")";-1;0;non;`,
      '',
    ]);
  });

  it('keeps the machine dialect as it was: commas, field names, dots, true/false', () => {
    expect(toCsv(rows).split('\r\n').slice(0, 3)).toEqual([
      'month,ratio,seekers_active,noSeekerInReach,suppressed',
      '2026-03,0.25,,false,seekers_active',
      '2026-04,1234.5,12,true,',
    ]);
  });
});

describe('forecasts in words', () => {
  it('names the method and explains its backtest error in one French sentence', () => {
    expect(forecastMethodText('seasonal naive', 'fr')).toBe(
      'Prévision par le même mois de l’année précédente',
    );
    expect(forecastMethodText('mean', 'fr')).not.toMatch(/\bmean\b/);
    const sentence = forecastErrorText({ mase: 0.82, smape: 14.25, origins: 12 }, 'fr');
    expect(sentence).toBe(
      'Essayée sur le passé à partir de 12 points de départ, elle s’est trompée de 14,3 % en moyenne (sMAPE) ; son erreur vaut 0,8 fois celle de « même mois l’an dernier » (MASE : sous 1, elle fait mieux).',
    );
    expect(sentence.split(/[.!?](\s|$)/).filter((part) => part.trim()).length).toBe(1);
    expect(forecastErrorText({ mase: null, smape: 3, origins: 2 }, 'en')).toMatch(/^Tried on the past/);
  });
});

describe('the seeker’s first name', () => {
  it('is optional, trimmed, bounded and plain text', () => {
    const parse = (firstName: unknown) => seekerProfileInput.safeParse({ ...paluSeekerProfile(), firstName });
    expect(parse(undefined).success).toBe(true);
    expect(parse('  Inès ').data?.firstName).toBe('Inès');
    expect(parse('').success).toBe(false);
    expect(parse('x'.repeat(61)).success).toBe(false);
    expect(parse('Inès\u0007').success).toBe(false);
  });
});
