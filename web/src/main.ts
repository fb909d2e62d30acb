import { h } from './dom.js';
import { actorPage } from './pages/actor-page.js';
import { articlePage } from './pages/article-page.js';
import { articlesPage } from './pages/articles-page.js';
import { eventPage } from './pages/event-page.js';
import { mapPage } from './pages/map-page.js';
import { networkPage } from './pages/network-page.js';
import { outletPage } from './pages/outlet-page.js';
import { overviewPage } from './pages/overview-page.js';
import { quotesPage } from './pages/quotes-page.js';
import { repeatsPage } from './pages/repeats-page.js';
import { recordPage } from './pages/record-page.js';
import { recordsPage } from './pages/records-page.js';
import { reviewPage } from './pages/review-page.js';
import { searchPage } from './pages/search-page.js';
import { timelinePage } from './pages/timeline-page.js';
import { notFoundView, type Route, type RouteContext, startRouter } from './router.js';
import { loadWording } from './event-wording.js';

const routes: Route[] = [
  { pattern: '/', name: 'overview', render: overviewPage },
  { pattern: '/articles', name: 'articles', render: articlesPage },
  { pattern: '/timeline', name: 'timeline', render: timelinePage },
  { pattern: '/map', name: 'map', render: mapPage },
  { pattern: '/network', name: 'network', render: networkPage },
  { pattern: '/search', name: 'search', render: searchPage },
  { pattern: '/review', name: 'review', render: reviewPage },
  { pattern: '/article/:id', name: 'article', render: articlePage },
  { pattern: '/actor/:id', name: 'actor', render: actorPage },
  { pattern: '/event/:id', name: 'event', render: eventPage },
  { pattern: '/records', name: 'records', render: recordsPage },
  { pattern: '/record/:id', name: 'record', render: recordPage },
  { pattern: '/quotes', name: 'quotes', render: quotesPage },
  { pattern: '/repeats', name: 'repeats', render: repeatsPage },
  { pattern: '/outlet/:name', name: 'outlet', render: outletPage },
  { pattern: '/malformed-address', name: 'not-found', render: malformedAddressPage },
];

/** Where the server sends an address it could not decode ("/actor/%E0%A4%A"). */
async function malformedAddressPage(ctx: RouteContext): Promise<Node> {
  ctx.title('Malformed address');
  const address = ctx.query.get('address') ?? '';
  return notFoundView('This address cannot be read', `“${address.slice(0, 200)}” is not a well-formed address (a % not followed by two hex digits, or bytes that are not UTF-8). Check the link, or start again from here.`);
}

const NAV: Array<[string, string, string]> = [
  ['/', 'overview', 'Overview'],
  ['/articles', 'articles', 'Articles'],
  ['/records', 'records', 'Records'],
  ['/timeline', 'timeline', 'Timeline'],
  ['/map', 'map', 'Map'],
  ['/network', 'network', 'Network'],
  ['/quotes', 'quotes', 'Quotes'],
  ['/repeats', 'repeats', 'Repeats'],
  ['/search', 'search', 'Search'],
  ['/review', 'review', 'Review'],
];

const nav = document.getElementById('nav')!;
const navLinks = NAV.map(([href, name, label]) => {
  const a = h('a', { href, 'data-internal': true, 'data-nav': name }, label);
  nav.appendChild(a);
  return a;
});

const router = startRouter(routes, document.getElementById('main')!, loadWording(), (name) => {
  for (const a of navLinks) a.classList.toggle('active', a.dataset.nav === name);
  const title = NAV.find(([, n]) => n === name)?.[2];
  document.title = title ? `${title} · Dossier` : 'Dossier';
});

const quick = document.getElementById('quick-search') as HTMLFormElement;
quick.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = String(new FormData(quick).get('q') ?? '').trim();
  if (q) router.navigate(`/search?q=${encodeURIComponent(q)}`);
});
