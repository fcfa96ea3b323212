import type { HouseStyle, TemplateContent } from '../contract.js';

/** The house style of a document without a municipality template of its own. */
export const DEFAULT_HOUSE_STYLE: HouseStyle = { primaryColor: '#1a4d80', fontFamily: 'Arial' };

/**
 * The built-in template of the council letter, after the Dordrecht raadsinformatiebrief of 29 August 2023
 * (seed 004): its header fields in its order, its five questions as section titles, its signature block. A
 * municipality saves its own version (report-templates) to change labels, titles, logo and house style.
 */
export function defaultTemplate(municipalityName: string): TemplateContent {
  return {
    documentName: 'Raadsinformatiebrief',
    municipalityName,
    fields: [
      { key: 'aan', label: 'Aan' },
      { key: 'datum', label: 'Datum' },
      { key: 'zaaknummer', label: 'Zaaknummer' },
      { key: 'betreft', label: 'Betreft' },
      { key: 'portefeuillehouder', label: 'Portefeuillehouder' },
      { key: 'begrotingsprogramma', label: 'Begrotingsprogramma' },
      { key: 'kernteam', label: 'Kernteam/Opgave' },
      { key: 'auteur', label: 'Auteur' },
      { key: 'email', label: 'E-mail' },
      { key: 'verantwoordelijke', label: 'Verantwoordelijke' },
      { key: 'openbaar', label: 'Openbaar' },
    ],
    sections: [
      { key: 'aanleiding', title: 'Wat is de aanleiding om deze informatie kenbaar te maken?' },
      { key: 'informatie', title: 'Wat is de te delen informatie?' },
      { key: 'vervolg', title: 'Hoe verder na deze raadsinformatiebrief?' },
      { key: 'kosten', title: 'Welke kosten zijn verbonden aan het proces?' },
      { key: 'besluiten', title: 'Wat zijn de belangrijkste gerelateerde besluiten?' },
    ],
    signature: { closing: 'Het college van Burgemeester en Wethouders', roles: ['secretaris', 'burgemeester'] },
    logo: null,
    style: DEFAULT_HOUSE_STYLE,
  };
}
