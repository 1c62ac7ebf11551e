import type { App } from '../app';
import { formatShare, h } from '../dom';
import { KindStyles, type Kind } from '../kinds';
import { rememberName } from '../names';
import { nodeLink } from './common';
import { twoRoleForm } from './connect';

type Ref = { id: string; name: string };
type GapItem = { kind: Kind; importance: number | null; level: number | null; node: Ref };
interface GapAnswer {
  skillGap: { coverage: number; from: Ref; to: Ref; carriesOver: GapItem[]; missing: GapItem[] } | null;
}

function bars(title: string, items: GapItem[], className: string): HTMLElement {
  return h(
    'section',
    { class: `bars ${className}` },
    h('h3', { text: `${title} (${items.length})` }),
    items.length === 0
      ? h('p', { class: 'muted', text: 'None.' })
      : h(
          'ul',
          { 'aria-label': title },
          ...items.map((item) => {
            const importance = item.importance ?? 1;
            return h(
              'li',
              { class: 'bar-row', 'data-id': item.node.id },
              h('span', { class: 'bar-label' }, nodeLink(item.node.id, item.node.name, item.kind)),
              h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: `width: ${Math.round(importance * 100)}%` })),
              h('span', { class: 'score', text: item.importance === null ? '–' : item.importance.toFixed(2), title: `importance to the target role${item.level !== null ? `, level ${item.level.toFixed(2)}` : ''}` }),
            );
          }),
        ),
  );
}

/** Skill gap: the target role's skills and tools as bars of importance, split into what to learn and what carries over. */
export async function renderGap(app: App, from: string | undefined, to: string | undefined): Promise<void> {
  const ids = [from, to].filter((id): id is string => !!id).map(decodeURIComponent);
  app.useGraph(false);
  if (ids.length < 2) {
    app.chart.replaceChildren();
    app.controls.replaceChildren(twoRoleForm(app, 'gap', 'Skill gap from one role to another', 'Show the gap', ids));
    app.panel.replaceChildren(h('p', { class: 'muted', text: 'Pick the role you have and the role you want.' }));
    (app.controls.querySelector('input') as HTMLInputElement | null)?.focus();
    return;
  }

  const [fromRoleId, toRoleId] = ids as [string, string];
  const answer = await app.run<GapAnswer>('gap', { fromRoleId, toRoleId });
  const gap = answer.skillGap!;
  rememberName(gap.from.id, gap.from.name);
  rememberName(gap.to.id, gap.to.name);
  app.controls.replaceChildren(twoRoleForm(app, 'gap', 'Skill gap from one role to another', 'Show the gap', ids));
  app.cy.elements().remove();
  app.chart.replaceChildren(
    h('h2', { text: `From ${gap.from.name} to ${gap.to.name}` }),
    h('p', { class: 'figure' }, h('span', { class: 'big', 'data-testid': 'coverage', text: formatShare(gap.coverage) }), ` of what ${gap.to.name} needs carries over. Bars show importance to ${gap.to.name}.`),
    bars('To learn', gap.missing, 'missing'),
    bars('Carries over', gap.carriesOver, 'carries'),
  );
  const legend = (['SKILL', 'TOOL'] as Kind[]).map((k) => `${KindStyles[k].symbol} ${KindStyles[k].label}`).join(', ');
  app.panel.replaceChildren(
    h('h2', { text: 'Skill gap' }),
    h('p', { text: `${gap.missing.length} skills and tools to learn, ${gap.carriesOver.length} carry over (${legend}).` }),
    h('p', { class: 'actions' }, h('a', { href: `#/connect/${encodeURIComponent(fromRoleId)}/${encodeURIComponent(toRoleId)}`, text: 'Connect these roles' }), h('a', { href: `#/compare/${encodeURIComponent(fromRoleId)},${encodeURIComponent(toRoleId)}`, text: 'Compare them' })),
  );
  app.setStatus(`Skill gap from ${gap.from.name} to ${gap.to.name}: ${formatShare(gap.coverage)} carries over.`);
}
