/**
 * ROME occupation sheets (Répertoire Opérationnel des Métiers et des Emplois, France
 * Travail, open data under Licence Ouverte 2.0) relevant to the pilot territory's
 * industries and to the demo data. Codes are ROME sheet codes (stable across ROME v3 and
 * ROME 4.0); labels are the sheet titles. A letter is a family (H industry, I maintenance,
 * N logistics, F construction, J health, M support functions), letter + 2 digits a domain.
 * Extend this list (or import the full ROME file) to run Bassin in another territory.
 */
export const occupations = [
  { code: 'F1105', label: 'Études géologiques' },
  { code: 'F1201', label: 'Conduite de travaux du BTP et de travaux paysagers' },
  { code: 'F1401', label: 'Extraction liquide et gazeuse' },
  { code: 'F1402', label: 'Extraction solide' },
  { code: 'F1602', label: 'Électricité bâtiment' },
  { code: 'F1703', label: 'Maçonnerie' },
  { code: 'H1203', label: 'Conception et dessin produits mécaniques' },
  { code: 'H1206', label: 'Management et ingénierie études, recherche et développement industriel' },
  { code: 'H1210', label: 'Intervention technique en études, recherche et développement' },
  { code: 'H1302', label: 'Management et ingénierie Hygiène Sécurité Environnement -HSE- industriels' },
  { code: 'H1303', label: 'Intervention technique en Hygiène Sécurité Environnement -HSE- industriel' },
  { code: 'H1402', label: 'Management et ingénierie méthodes et industrialisation' },
  { code: 'H1404', label: 'Intervention technique en méthodes et industrialisation' },
  { code: 'H1502', label: 'Management et ingénierie qualité industrielle' },
  { code: 'H1503', label: "Intervention technique en laboratoire d'analyse industrielle" },
  { code: 'H1506', label: 'Intervention technique qualité en mécanique et travail des métaux' },
  { code: 'H2101', label: 'Abattage et découpe des viandes' },
  { code: 'H2102', label: "Conduite d'équipement de production alimentaire" },
  { code: 'H2301', label: "Conduite d'équipement de production chimique ou pharmaceutique" },
  { code: 'H2502', label: 'Management et ingénierie de production' },
  { code: 'H2504', label: "Encadrement d'équipe en industrie de transformation" },
  { code: 'H2602', label: 'Câblage électrique et électromécanique' },
  { code: 'H2701', label: "Pilotage d'installation énergétique et pétrochimique" },
  { code: 'H2901', label: 'Ajustement et montage de fabrication' },
  { code: 'H2902', label: 'Chaudronnerie - tôlerie' },
  { code: 'H2903', label: "Conduite d'équipement d'usinage" },
  { code: 'H2909', label: 'Montage-assemblage mécanique' },
  { code: 'H2912', label: "Réglage d'équipement de production industrielle" },
  { code: 'H2913', label: 'Soudage manuel' },
  { code: 'H2914', label: 'Réalisation et montage en tuyauterie' },
  { code: 'H3203', label: 'Fabrication de pièces en matériaux composites' },
  { code: 'H3301', label: "Conduite d'équipement de conditionnement" },
  { code: 'H3302', label: "Opérations manuelles d'assemblage, tri ou emballage" },
  { code: 'H3404', label: 'Peinture industrielle' },
  { code: 'I1102', label: 'Management et ingénierie de maintenance industrielle' },
  { code: 'I1304', label: "Installation et maintenance d'équipements industriels et d'exploitation" },
  { code: 'I1309', label: 'Maintenance électrique' },
  { code: 'I1310', label: 'Maintenance mécanique industrielle' },
  { code: 'I1602', label: "Maintenance d'aéronefs" },
  { code: 'J1501', label: "Soins d'hygiène, de confort du patient" },
  { code: 'J1506', label: 'Soins infirmiers généralistes' },
  { code: 'M1805', label: 'Études et développement informatique' },
  { code: 'N1101', label: "Conduite d'engins de déplacement des charges" },
  { code: 'N1103', label: 'Magasinage et préparation de commandes' },
  { code: 'N4101', label: 'Conduite de transport de marchandises sur longue distance' },
] as const;

export type Occupation = (typeof occupations)[number];
const byCode = new Map<string, Occupation>(occupations.map((o) => [o.code, o]));

export const findOccupation = (code: string) => byCode.get(code);
export const isKnownOccupation = (code: string): boolean => byCode.has(code);
/** "H29" for H2913: the ROME domain, used to group occupations. */
export const occupationDomain = (code: string): string => code.slice(0, 3);
