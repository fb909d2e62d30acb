import { describe, expect, it } from 'vitest';
import { recordAsMention } from '../../src/records/link-article.js';
import { type MentionFeatures, type RecordFeatures, scoreMerge } from '../../src/records/link-events.js';

// An Example Wire report: "Six rockets were fired at the airport on Tuesday" (the record), then
// "Later, police found the truck used to launch the missiles" (a mention that started a record of
// its own, since its sentence names no actors and shares few words), then "Two missiles struck
// near the runway" (which joined the first record after it).
const launch: MentionFeatures = {
  eventId: 'e_launch',
  articleId: 'a1',
  published: '2024-05-08',
  start: 600,
  code: '195',
  rootCode: '19',
  plover: 'ASSAULT',
  date: null,
  dateEnd: null,
  datePrecision: null,
  place: null,
  sources: [],
  targets: [],
  words: ['find', 'launch', 'later', 'missile', 'police', 'truck', 'use'],
  definites: ['missile', 'truck'],
};

const rockets: RecordFeatures = {
  id: 'r1',
  code: '190',
  rootCode: '19',
  plover: 'ASSAULT',
  date: '2024-05-07',
  dateEnd: '2024-05-07',
  datePrecision: 'day',
  place: null,
  sources: [],
  targets: ['name:airport'],
  articleIds: ['a1'],
  spans: [
    { articleId: 'a1', start: 100 },
    { articleId: 'a1', start: 1300 },
  ],
  mentionWords: [
    ['airport', 'fire', 'rocket', 'six', 'tuesday'],
    ['missile', 'near', 'runway', 'strike', 'two'],
  ],
};

describe('a record compared again as one mention', () => {
  it('keeps its mentions’ pointers back, so a retelling that names the weapon joins the record that tells it', () => {
    const asMention = recordAsMention([launch], 's1', false);
    expect(asMention.definites).toEqual(['missile', 'truck']);
    const merge = scoreMerge(asMention, rockets);
    expect(merge.linkable).toBe(true);
    expect(merge.reason).toContain('retelling 500 characters on ("the missile")');
  });

  it('takes its canonical fields and the words of all its mentions', () => {
    const other = { ...launch, eventId: 'e_other', start: 700, words: ['driver', 'flee'], definites: ['driver'], date: '2024-05-07', dateEnd: '2024-05-07', datePrecision: 'day' };
    const asMention = recordAsMention([launch, other], null, true);
    expect(asMention).toMatchObject({ eventId: 'e_launch', articleId: 'a1', start: 600, date: '2024-05-07', lead: true, story: null });
    expect(asMention.words).toEqual(['driver', 'find', 'flee', 'later', 'launch', 'missile', 'police', 'truck', 'use']);
    expect(asMention.definites).toEqual(['driver', 'missile', 'truck']);
  });
});
