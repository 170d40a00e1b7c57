/**
 * Bassin's sectors: stable slugs, each defined by NAF rév. 2 codes (INSEE, décret
 * n° 2007-1888; codes and labels checked against @socialgouv/codes-naf in the tests).
 * A code is a division ("10"), a class ("25.40") or a sub-class ("30.30Z"); an
 * establishment's NAF code belongs to the sector with the longest matching code, so
 * 33.16Z (aircraft maintenance) is aeronautics while the rest of 33 is maintenance.
 * The four sectors of the pilot territory come first.
 */
export const sectors = [
  { slug: 'aeronautics', label: 'Aéronautique et spatial', naf: ['30.30Z', '33.16Z'] },
  { slug: 'agrifood', label: 'Agroalimentaire', naf: ['10', '11'] },
  { slug: 'chemistry', label: 'Chimie et pharmacie', naf: ['20', '21', '22'] },
  {
    slug: 'geoscience',
    label: 'Géosciences (sous-sol, forage, études)',
    naf: ['06', '08', '09', '71.12B', '71.20B'],
  },
  { slug: 'energy', label: 'Énergie', naf: ['19', '35'] },
  { slug: 'metalworking', label: 'Métallurgie et travail des métaux', naf: ['24', '25', '28'] },
  { slug: 'materials', label: 'Matériaux (céramiques techniques, verre, minéraux)', naf: ['23'] },
  { slug: 'electronics', label: 'Électronique et équipements électriques', naf: ['26', '27'] },
  { slug: 'defence', label: 'Défense', naf: ['25.40Z', '30.40Z'] },
  { slug: 'rail', label: 'Ferroviaire', naf: ['30.20Z'] },
  { slug: 'industrial-maintenance', label: 'Maintenance et installation industrielles', naf: ['33'] },
  { slug: 'wood-paper', label: 'Bois et papier', naf: ['16', '17'] },
  { slug: 'logistics', label: 'Transport et logistique', naf: ['49', '52', '53'] },
  { slug: 'construction', label: 'Bâtiment et travaux publics', naf: ['41', '42', '43'] },
  { slug: 'water-waste', label: 'Eau, assainissement et déchets', naf: ['36', '37', '38', '39'] },
  { slug: 'health', label: 'Santé et médico-social', naf: ['86', '87', '88'] },
  { slug: 'digital', label: 'Numérique', naf: ['58.2', '62', '63'] },
  { slug: 'agriculture', label: 'Agriculture', naf: ['01', '02', '03'] },
] as const;

export type SectorSlug = (typeof sectors)[number]['slug'];
export const sectorSlugs = sectors.map((s) => s.slug) as [SectorSlug, ...SectorSlug[]];

/** The sector an establishment with this NAF code (e.g. "30.30Z") belongs to, if any. */
export function sectorOfNaf(nafCode: string): SectorSlug | undefined {
  let best: { slug: SectorSlug; length: number } | undefined;
  for (const sector of sectors) {
    for (const code of sector.naf) {
      if (nafCode.startsWith(code) && code.length > (best?.length ?? 0)) {
        best = { slug: sector.slug, length: code.length };
      }
    }
  }
  return best?.slug;
}
