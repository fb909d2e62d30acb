/**
 * Invented reports from fictional outlets about a fictional country, written for these
 * tests. The Plains Courier report reuses the Harbor Gazette one the way digests do: a lead
 * lightly rewritten, a quote paragraph copied with other typography, one sentence lifted
 * into a paragraph of its own, and a paragraph that only shares common phrases.
 */

import type { InventedArticle } from './article-passages.js';

export const HARBOR_GAZETTE: InventedArticle = {
  id: 'harbor-gazette/2031-03-02',
  paragraphs: [
    'Velmaria orders new ferries',
    'By Tam Ostrava | Harbor Gazette | March 2, 2031',
    "The Velmarian parliament's transport committee has submitted a detailed study to the acting prime minister, requesting the purchase of twelve river ferries for the northern provinces.",
    '“The committee has presented a complete study to the prime minister, asking for approval of the ferry purchase. The matter now awaits the premier’s signature,” said Orla Demsky, a member of the committee.',
    'Ferry services on the Anselm river were suspended in March after two vessels ran aground near the port of Kessow. The port authority blamed low water.',
    'The committee said on Monday.',
  ],
};

export const PLAINS_COURIER: InventedArticle = {
  id: 'plains-courier/2031-03-09',
  paragraphs: [
    'Ferry purchase awaits premier',
    'Plains Courier – March 9, 2031',
    "Last week, the Velmarian parliament's transport committee submitted a detailed study to the acting prime minister, requesting the purchase of twelve river ferries for the northern provinces.",
    '"The committee has presented a complete study to the prime minister, asking for approval of the ferry purchase. The matter now awaits the premier\'s signature," said Orla Demsky - a member of the committee.',
    'Officials in Kessow said repairs to the damaged quay would take at least four months. Ferry services on the Anselm river were suspended in March after two vessels ran aground near the port of Kessow. Traders have since moved grain by road.',
    'The Velmarian parliament said on Monday that the prime minister would address the northern provinces next week about the budget.',
    'The committee said on Monday.',
  ],
};

/** Same country, same institutions, no shared passage. */
export const UPLAND_HERALD: InventedArticle = {
  id: 'upland-herald/2031-03-10',
  paragraphs: [
    'The Velmarian parliament said on Monday that new taxes on fuel would start in June, and the prime minister defended the plan.',
    'Critics in the northern provinces said the acting prime minister had not consulted the transport committee before the vote.',
  ],
};
