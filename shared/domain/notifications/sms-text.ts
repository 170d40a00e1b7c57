/**
 * Employer text goes into SMS sent in Bassin's name, so it must not carry a link (a phishing
 * page under our sender id) nor characters that make it read otherwise than it is stored:
 * direction overrides (a title reversed to disguise a link or a file name) and invisible
 * characters. Links are removed: with a scheme or `www.`, and bare domains — which phones
 * turn into links — are defused by making each dot between letters a middle dot, as French
 * inclusive writing does anyway ("Soudeur.se" becomes "Soudeur·se").
 */
const directionControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const invisible = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]|\u034F/gu;
const links = /(?:\b[a-z][a-z\d+.-]*:\/\/|\bwww\.|\b(?:mailto|tel|sms|intent|javascript|data):)\S*/giu;
const dotBetweenLetters = /(?<=[\p{L}\p{N}])[.\u2024\uFE52\uFF0E\u3002](?=[\p{L}\p{N}])/gu;

export function smsSafe(text: string): string {
  return text
    .replace(directionControls, '')
    .replace(invisible, '')
    .replace(links, '')
    .replace(dotBetweenLetters, '·')
    .replace(/\s+/g, ' ')
    .trim();
}
