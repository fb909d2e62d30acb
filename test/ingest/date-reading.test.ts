import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/ingest/date-reading.js';

describe('readDate', () => {
  it.each([
    ['2021-05-04', '2021-05-04', 'day'],
    ['2021-05-04T23:30:00-05:00', '2021-05-04', 'day'],
    ['2021-05-04 08:00', '2021-05-04', 'day'],
    ['2021-05', '2021-05', 'month'],
    ['2021', '2021', 'year'],
    ['Tue, 04 May 2021 21:30:00 -0500', '2021-05-04', 'day'],
    ['4 May 2021', '2021-05-04', 'day'],
    ['Tue, 04 May 99 10:00:00 GMT', '1999-05-04', 'day'],
    ['14-MAR-1987 09:12:44.10', '1987-03-14', 'day'],
    [' 2-APR-1987 16:40:03.55&#5;&#5;&#5;RM', '1987-04-02', 'day'],
    ['November 2022', '2022-11', 'month'],
    ['Sept. 2022', '2022-09', 'month'],
    ['25.12.2020', '2020-12-25', 'day'],
    ['12/25/2020', '2020-12-25', 'day'],
    ['05/05/2021', '2021-05-05', 'day'],
    ['May 5, 2021', '2021-05-05', 'day'],
    ['Published on 3 March 2020 at noon', '2020-03-03', 'day'],
  ])('reads %j as %s (%s)', (raw, value, precision) => {
    const outcome = readDate(raw, 'field "date"');
    expect(outcome).toMatchObject({ kind: 'read', reading: { value, precision, raw } });
  });

  it.each([
    ['', 'the date is empty'],
    ['03/04/2021', '"03/04/2021" could be day-month or month-day'],
    ['2021-13-01', 'month 13 does not exist'],
    ['2021-02-29', 'day 29 does not exist in 2021-02'],
    ['Mar 3', '"Mar 3" has no year, and no reference date is assumed'],
    ['yesterday', '"yesterday" is not a date'],
    ['sometime next week', '"sometime next week" is not a date'],
    ['10 Junk 2003', '"10 Junk 2003" is not a date'],
  ])('does not read %j: %s', (raw, problem) => {
    expect(readDate(raw, '<pubDate>')).toEqual({ kind: 'unread', problem });
  });

  it('says where the date came from, and when chrono-node read it', () => {
    expect(readDate('2021-05-04', '<pubDate>')).toMatchObject({ reading: { reason: 'from <pubDate>' } });
    expect(readDate('25.12.2020', '<pubDate>')).toMatchObject({ reading: { reason: 'from <pubDate>, read as day-month' } });
    expect(readDate('Published on 3 March 2020', 'field "date"')).toMatchObject({
      reading: { reason: 'from field "date", free-form "on 3 March 2020" read by chrono-node' },
    });
  });

  it('keeps a leap day that exists', () => {
    expect(readDate('2020-02-29', 'x')).toMatchObject({ reading: { value: '2020-02-29' } });
  });
});
