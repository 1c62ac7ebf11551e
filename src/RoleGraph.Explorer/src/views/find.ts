import type { App } from '../app';
import { h } from '../dom';
import { KindStyles } from '../kinds';
import { createPicker } from '../picker';
import { nodeLink } from './common';

/** Find: search as you type over roles, skills and tools; each hit opens its neighbourhood. */
export async function renderFind(app: App): Promise<void> {
  app.useGraph(false);
  app.chart.replaceChildren(
    h('div', { class: 'intro' },
      h('h2', { text: 'Explore how roles connect' }),
      h('p', { text: 'Search for a role, skill or tool, then open it to see what it links to. Compare roles, connect two of them, or see the skills one needs to move to another.' }),
      h('p', {}, 'Every view is one GraphQL query to ', h('code', { text: '/graphql' }), '; open the box beneath a view to copy it.'),
    ),
  );
  const results = h('div', { class: 'results' });
  app.panel.replaceChildren(h('h2', { text: 'Matches' }), results);
  results.append(h('p', { class: 'muted', text: 'Type to search.' }));

  const picker = createPicker({
    label: 'Find a role, skill or tool',
    kinds: ['ROLE', 'SKILL', 'TOOL'],
    placeholder: 'e.g. data, Python, Excel',
    onSend: (variables) => app.showQuery('search', variables),
    onPick: (hit) => app.navigate(`#/node/${encodeURIComponent(hit.id)}`),
    onResults: (hits, text) => {
      app.cy.elements().remove();
      results.replaceChildren(
        h('p', { role: 'status', text: `${hits.length} ${hits.length === 1 ? 'match' : 'matches'} for “${text}”` }),
        h('ul', { class: 'node-list', 'aria-label': 'Matches' }, ...hits.map((hit) => {
          const extra = hit.kind === 'ROLE'
            ? [' ', h('a', { href: `#/similar/${encodeURIComponent(hit.id)}`, class: 'muted', text: 'similar' }), ' ', h('a', { href: `#/compare/${encodeURIComponent(hit.id)}`, class: 'muted', text: 'compare' })]
            : [' ', h('span', { class: 'muted', text: KindStyles[hit.kind].label })];
          return h('li', {}, nodeLink(hit.id, hit.name, hit.kind), ...extra);
        })),
      );
    },
  });
  app.controls.replaceChildren(picker.element);
  picker.input.focus();
}
