import type { EventWording } from '../../src/records/event-sentence.js';
import { ApiError, MissingError } from './api-client.js';
import { clear, h, link, withQuery } from './dom.js';
import { checkQuery, type InvalidFilter, invalidFromServer } from './filter-checks.js';
import { matchRoute, patchQuery } from './route-match.js';

export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  /** Every filter of the page; the URL is the state, so a view can be shared. */
  readonly query: URLSearchParams;
  /** Filters of the URL that are not valid, left out of `query`: the form marks them and keeps their text. */
  readonly invalid: ReadonlyMap<string, InvalidFilter>;
  /** Changes filters: a new history entry and a fresh render. */
  setQuery(patch: Record<string, string | number | null | undefined>): void;
  navigate(url: string): void;
  /** The words of event types, for the sentences every event and record is told in. */
  readonly wording: EventWording;
  /** Names the page's subject in the tab title ("Qais al-Khazali · Dossier"). */
  title(subject: string): void;
}

export interface Route {
  readonly pattern: string;
  readonly name: string;
  readonly render: (ctx: RouteContext) => Promise<Node>;
}

export function startRouter(routes: readonly Route[], main: HTMLElement, wording: EventWording, onRoute: (name: string) => void): { navigate(url: string): void } {
  let generation = 0;

  const render = async (): Promise<void> => {
    const mine = ++generation;
    const { pathname, search } = window.location;
    const query = new URLSearchParams(search);
    let found: { route: Route; params: Record<string, string> } | null = null;
    for (const route of routes) {
      const params = matchRoute(route.pattern, pathname);
      if (params) {
        found = { route, params };
        break;
      }
    }
    document.body.dataset.state = 'loading';
    const name = found?.route.name ?? 'not-found';
    document.body.dataset.page = name;
    onRoute(name);
    main.setAttribute('aria-busy', 'true');
    const { valid, invalid } = checkQuery(query);
    const attempt = (valid: URLSearchParams, invalid: ReadonlyMap<string, InvalidFilter>): Promise<Node> =>
      found!.route.render({
        params: found!.params,
        query: valid,
        invalid,
        setQuery: (patch) => navigate(`${pathname}${qs(patchQuery(query, patch))}`),
        navigate,
        wording,
        title: (subject) => {
          if (mine === generation) document.title = `${subject} · Dossier`;
        },
      });
    let node: Node;
    try {
      if (!found) {
        node = notFoundView('No such page', `Nothing lives at ${pathname}.`);
        document.title = 'Not found · Dossier';
      } else {
        try {
          node = await attempt(valid, invalid);
        } catch (err) {
          // A filter only the server could judge: marked on its field like the others, and the page loads without it.
          const named = err instanceof ApiError && err.status === 400 ? invalidFromServer(err.message) : new Map<string, string>();
          if (named.size === 0 || ![...named.keys()].every((k) => valid.has(k))) throw err;
          const fewer = new URLSearchParams([...valid].filter(([k]) => !named.has(k)));
          const more = new Map(invalid);
          for (const [k, message] of named) more.set(k, { value: valid.get(k)!, message });
          node = await attempt(fewer, more);
        }
      }
    } catch (err) {
      if (err instanceof MissingError) {
        node = notFoundView(`No ${err.what} “${err.id}”`, `This ${err.what} is not in the store: the link may be old, or the id mistyped.`, err.id);
        if (mine === generation) {
          document.body.dataset.page = 'not-found';
          document.title = 'Not found · Dossier';
        }
      } else {
        node = h(
          'section',
          { class: 'card error', role: 'alert', 'data-testid': 'page-error' },
          h('h1', {}, 'Could not load this page'),
          h('p', {}, err instanceof Error ? err.message : String(err)),
          wayBack(),
        );
        if (mine === generation) document.body.dataset.state = 'error';
      }
    }
    // A slower, older render must not replace a newer page.
    if (mine !== generation) return;
    clear(main);
    main.appendChild(node);
    main.removeAttribute('aria-busy');
    if (document.body.dataset.state !== 'error') document.body.dataset.state = 'ready';
    main.dispatchEvent(new CustomEvent('rendered'));
  };

  const navigate = (url: string): void => {
    if (url !== `${window.location.pathname}${window.location.search}`) history.pushState(null, '', url);
    void render();
  };

  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = (ev.target as Element | null)?.closest?.('a[data-internal]');
    if (!(a instanceof HTMLAnchorElement)) return;
    ev.preventDefault();
    navigate(`${a.pathname}${a.search}${a.hash}`);
  });
  window.addEventListener('popstate', () => void render());
  void render();
  return { navigate };
}

/** Back where the reader came from, or to the overview or a search. */
function wayBack(searchFor?: string): HTMLElement {
  return h(
    'p',
    { class: 'way-back', 'data-testid': 'way-back' },
    history.length > 1 ? h('button', { type: 'button', class: 'secondary', onclick: () => history.back() }, '← Back') : null,
    ' ',
    link('/', 'Overview'),
    ' · ',
    link(searchFor ? withQuery('/search', { q: searchFor }) : '/search', searchFor ? `Search for “${searchFor}”` : 'Search'),
  );
}

/** A page for what is not there (an unknown id, a path of no page), with a way back. */
export function notFoundView(title: string, detail: string, searchFor?: string): HTMLElement {
  return h('section', { class: 'card not-found', 'data-testid': 'not-found' }, h('h1', {}, title), h('p', {}, detail), wayBack(searchFor));
}

const qs = (q: URLSearchParams): string => {
  const s = q.toString();
  return s ? `?${s}` : '';
};
