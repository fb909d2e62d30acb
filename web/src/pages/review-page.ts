import { ApiError, api, writeToken } from '../api-client.js';
import type { Correction } from '../api-types.js';
import { empty, h, link, path, section, table } from '../dom.js';
import type { RouteContext } from '../router.js';
import { filterForm, intParam, pager } from '../widgets.js';

/** Items of the queue a page shows: a long queue is read a page at a time. */
const PAGE = 50;

const FIXABLE: Record<'event' | 'quote', readonly string[]> = {
  event: ['code', 'modality', 'date', 'place', 'source', 'target'],
  quote: ['speaker', 'kind'],
};

const explain = (err: unknown): string => (err instanceof ApiError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err));

export async function reviewPage(ctx: RouteContext): Promise<Node> {
  const threshold = ctx.query.get('threshold');
  const offset = intParam(ctx.query, 'offset', 0);
  const queue = await api.review({ threshold, limit: PAGE, offset });
  const status = h('p', { class: 'status', role: 'status', 'data-testid': 'review-status' });
  // A decision changes the queue, so the page reloads it; a correction leaves it as it is.
  const run = async (what: string, work: () => Promise<unknown>, reload = false): Promise<void> => {
    status.textContent = `${what}…`;
    try {
      const result = await work();
      status.textContent = `${what}: done ${JSON.stringify(result)}`;
      if (reload) setTimeout(() => ctx.setQuery({}), 600);
    } catch (err) {
      status.textContent = `${what} failed — ${explain(err)}`;
    }
  };

  const tokenInput = h('input', { type: 'password', name: 'token', value: writeToken.get(), autocomplete: 'off', 'aria-label': 'write token' });
  const tokenForm = h(
    'form',
    { class: 'filters token' },
    h('label', {}, h('span', {}, 'Write token (kept in this tab only)'), tokenInput),
    h('button', { type: 'submit' }, 'Use token'),
  );
  tokenForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    writeToken.set(tokenInput.value.trim());
    status.textContent = tokenInput.value.trim() ? 'Token set for this tab.' : 'Token cleared.';
  });

  const rows = queue.items.map((item) => {
    const field = h('select', { 'aria-label': 'field to fix' }, FIXABLE[item.kind].map((f) => h('option', { value: f }, f)));
    const value = h('input', { type: 'text', placeholder: 'new value', 'aria-label': 'new value' });
    return [
      item.kind,
      `${Math.round(item.confidence * 100)}%`,
      h('span', { title: item.reason }, item.kind === 'event' ? link(path('event', item.id), item.summary) : item.summary),
      link(path('article', item.articleId), 'article'),
      h(
        'span',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => void run(`accept ${item.id}`, () => api.decide(item.id, { decision: 'accept' }), true) }, 'accept'),
        h('button', { type: 'button', class: 'danger', onclick: () => void run(`reject ${item.id}`, () => api.decide(item.id, { decision: 'reject' }), true) }, 'reject'),
        field,
        value,
        h('button', { type: 'button', onclick: () => void run(`fix ${item.id}`, () => api.decide(item.id, { decision: 'fix', field: field.value, value: value.value.trim() }), true) }, 'fix'),
      ),
    ];
  });

  return h(
    'div',
    { class: 'page review' },
    h('h1', {}, 'Review'),
    tokenForm,
    status,
    section(
      'Queue',
      filterForm(ctx, [{ name: 'threshold', label: 'Confidence below', type: 'number', placeholder: '0.5' }]),
      pager(ctx, queue.total, PAGE, offset),
      queue.items.length === 0 ? empty('Nothing to review below this confidence.') : table(['kind', 'conf.', 'item', '', 'decision'], rows, { class: 'queue', 'data-testid': 'queue' }),
      queue.total > PAGE ? pager(ctx, queue.total, PAGE, offset) : null,
      h('button', { type: 'button', class: 'secondary', onclick: () => void run('undo last decision', () => api.undoDecision(), true) }, 'Undo last decision'),
    ),
    section('Actor corrections', actorTools(ctx.query.get('actor') ?? '', run)),
  );
}

function actorTools(actor: string, run: (what: string, work: () => Promise<unknown>) => Promise<void>): HTMLElement {
  const tool = (title: string, fields: Array<[string, string, string]>, make: (v: Record<string, string>) => Correction): HTMLFormElement => {
    const inputs = fields.map(([name, label, value]) => h('label', {}, h('span', {}, label), h('input', { name, value, 'aria-label': label })));
    const form = h('form', { class: 'filters tool', 'data-tool': title }, h('strong', {}, title), inputs, h('button', { type: 'submit' }, title));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const data = new FormData(form);
      const v = Object.fromEntries(fields.map(([name]) => [name, String(data.get(name) ?? '').trim()]));
      void run(title, () => api.correct(make(v)));
    });
    return form;
  };
  return h(
    'div',
    { class: 'tools' },
    tool('merge', [['into', 'keep actor id', actor], ['from', 'merge actor id', '']], (v) => ({ op: 'merge', into: v.into ?? '', from: v.from ?? '' })),
    tool('rename', [['actor', 'actor id', actor], ['name', 'new name', '']], (v) => ({ op: 'rename', actor: v.actor ?? '', name: v.name ?? '' })),
    tool('split', [['actor', 'actor id', actor], ['surface', 'spelling to split off', ''], ['name', 'name of the new actor', '']], (v) =>
      v.name ? { op: 'split', actor: v.actor ?? '', surface: v.surface ?? '', name: v.name } : { op: 'split', actor: v.actor ?? '', surface: v.surface ?? '' },
    ),
    tool('add alias', [['actor', 'actor id', actor], ['alias', 'alias', '']], (v) => ({ op: 'alias-add', actor: v.actor ?? '', alias: v.alias ?? '' })),
    tool('remove alias', [['actor', 'actor id', actor], ['alias', 'alias', '']], (v) => ({ op: 'alias-remove', actor: v.actor ?? '', alias: v.alias ?? '' })),
    h('button', { type: 'button', class: 'secondary', onclick: () => void run('undo last correction', () => api.undoCorrection()) }, 'Undo last correction'),
  );
}
