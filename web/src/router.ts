import type { EventWording } from '../../src/records/event-sentence.js';
import { clear, h } from './dom.js';
import { matchRoute, patchQuery } from './route-match.js';

export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  /** Every filter of the page; the URL is the state, so a view can be shared. */
  readonly query: URLSearchParams;
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
    let node: Node;
    try {
      node = found
        ? await found.route.render({
            params: found.params,
            query,
            setQuery: (patch) => navigate(`${pathname}${qs(patchQuery(query, patch))}`),
            navigate,
            wording,
            title: (subject) => {
              if (mine === generation) document.title = `${subject} · Dossier`;
            },
          })
        : h('section', { class: 'card' }, h('h1', {}, 'Not found'), h('p', {}, `No page at ${pathname}.`));
    } catch (err) {
      node = h('section', { class: 'card error', role: 'alert' }, h('h1', {}, 'Could not load this page'), h('p', {}, err instanceof Error ? err.message : String(err)));
      if (mine === generation) document.body.dataset.state = 'error';
    }
    // A slower, older render must not replace a newer page.
    if (mine !== generation) return;
    clear(main);
    main.appendChild(node);
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

const qs = (q: URLSearchParams): string => {
  const s = q.toString();
  return s ? `?${s}` : '';
};
