/**
 * Words in class and id attributes that mark page furniture rather than article text. They
 * are matched as whole words of the attribute ("ad-slot" has "ad"; "header" and "load" do
 * not), after camelCase is split ("relatedLinks" has "related").
 */
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  // advertising
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adsbygoogle', 'adslot',
  'adunit', 'dfp', 'sponsor', 'sponsored', 'promo', 'promotion', 'outbrain', 'taboola', 'banner',
  // sharing and following
  'share', 'shares', 'sharing', 'sharebar', 'social', 'sociallinks', 'follow',
  // more to read elsewhere
  'related', 'recommended', 'recommendations', 'recirc', 'trending', 'popular', 'mostread',
  'readmore', 'morestories', 'upnext',
  // sign-up and reader chatter
  'newsletter', 'subscribe', 'subscription', 'signup', 'comment', 'comments', 'disqus', 'respond',
  // bylines and timestamps around the body (the date and author are read from metadata)
  'byline', 'dateline', 'timestamp', 'author', 'authors', 'date', 'time', 'published', 'updated',
  // pictures and their captions
  'caption', 'credit', 'credits', 'image', 'img', 'photo', 'gallery', 'slideshow',
  // page furniture around the body
  'copyright', 'breadcrumb', 'breadcrumbs', 'tags', 'taglist', 'sidebar', 'widget', 'rail', 'toolbar',
  'pagination', 'masthead',
  // overlays and things shown only on interaction
  'cookie', 'cookies', 'consent', 'gdpr', 'modal', 'popup', 'popover', 'tooltip', 'rollover',
  'overlay', 'lightbox',
  // page structure
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'skip',
]);

/** Whole class names of content that screens never show (only screen readers may). */
export const HIDDEN_CLASSES: ReadonlySet<string> = new Set([
  'hidden', 'hide', 'invisible', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text',
  'screen-reader-only', 'element-invisible', 'offscreen',
]);

/** Elements that are page furniture whatever their class. */
export const NOISE_TAGS: ReadonlySet<string> = new Set([
  'nav', 'aside', 'footer', 'form', 'button', 'figcaption', 'dialog', 'menu', 'select', 'textarea',
  'input', 'label',
]);
