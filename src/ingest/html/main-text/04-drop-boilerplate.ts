import type { TextBlock } from '../block-text.js';

/**
 * Drops the lines that sites print around every story: labels of boxes whose links were
 * removed, prompts to follow, subscribe or share, bylines and timestamps, copyright
 * notices, and the page's own address (share widgets print it). Each pattern is matched
 * against one whole paragraph, and only a short one: a sentence that happens to start with
 * "Published" in the middle of a story is longer than these lines.
 */

const MAX_LENGTH = 300;

/** A paragraph that is nothing but a label: "Advertisement", "You may also like...", "DON'T MISS". */
const LABEL =
  /^(?:advert|advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicidade|publicidad|iklan|caption|close|comments?|read more|more|related(?: news| stories| articles| coverage| content)?|you may also like|you might also like|recommended(?: for you)?|don'?t miss|also read|see also|highlights|breaking news|share(?: this(?: article| story)?)?|print|email|top stories|most popular|most read|trending)\W*$/i;

const BOILERPLATE: readonly RegExp[] = [
  // "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube."
  /^follow\b.{0,80}\bon (?:twitter|facebook|instagram|youtube|linkedin)\b/i,
  /^(?:subscribe|sign up) (?:to|for) (?:our|the)\b.{0,80}\b(?:newsletter|channel|podcast)s?\b/i,
  /^subscribe to \S+ on youtube\b/i,
  /^get the latest\b.{0,80}\binbox\b/i,
  /^join (?:our|the) .{0,40}(?:forums?|community|conversation)\b/i,
  /^(?:copyright|©)|\ball rights reserved\b/i,
  /^this (?:document|material) (?:is subject to copyright|may not be)/i,
  /^this post (?:may )?contains? (?:affiliate|sponsored)/i,
  /^if you enjoyed this article\b/i,
  /^(?:citation|filed under|tags|tagged|categories|source|via):?\s/i,
  /^(?:additional reporting|compiled) by\b/i,
  // "Posted on March 30, 2015 by Admin", "Updated 11:21 pm CST, Tuesday, November 19, 2019"
  /^(?:posted|published|updated|last updated|first published)(?: on| at)?:?\s.{0,80}(?:\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b|\d+\/\d+\/\d+|\bago\b|[ap]\.m\.)/i,
  // A byline alone: "By Jane Doe -", "By Jane Doe | Example Wire"; not "By noon the quay was empty."
  /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[-–|,].{0,60})?$/u,
];

export function dropBoilerplate(blocks: readonly TextBlock[], pageUrl: string | null): TextBlock[] {
  return blocks.filter(({ text }) => !isBoilerplateLine(text) && !isPageUrl(text, pageUrl));
}

export function isBoilerplateLine(paragraph: string): boolean {
  if (paragraph.length > MAX_LENGTH) return false;
  return LABEL.test(paragraph) || BOILERPLATE.some((pattern) => pattern.test(paragraph));
}

// "https://www.example.com/story-1.php" alone on a line, when that is the page itself.
function isPageUrl(paragraph: string, pageUrl: string | null): boolean {
  if (pageUrl === null || !/^https?:\/\/\S+$/i.test(paragraph)) return false;
  const bare = (url: string): string => url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/[/?#]+$/, '');
  return bare(paragraph) === bare(pageUrl);
}
