import { h, link } from '../dom.js';
import type { RouteContext } from '../router.js';

/** Cross-article event records come with a later issue; the route exists so links can be shared. */
export async function recordPage(ctx: RouteContext): Promise<Node> {
  return h(
    'div',
    { class: 'page record card' },
    h('h1', {}, 'Event record'),
    h('p', {}, `Record ${ctx.params.id ?? ''}: cross-article records (outlets side by side, contradictions, independence) are not built yet.`),
    h('p', {}, link('/timeline', 'See the events on the timeline →')),
  );
}
