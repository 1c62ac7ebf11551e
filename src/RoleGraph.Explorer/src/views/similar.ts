import type { App } from '../app';
import { formatScore, formatShare, h } from '../dom';
import { edgeElement, nodeElement, runPresetLayout } from '../graph';
import { kindOf } from '../kinds';
import { nameOf, rememberName } from '../names';
import { nodeLink, roleForm } from './common';

type Ref = { id: string; name: string };
interface SimilarAnswer {
  role: Ref | null;
  similarRoles: {
    score: number;
    role: Ref;
    facets: { facet: string; share: number; cosine: number; contribution: number }[];
    sharedItems: { facet: string; contribution: number; node: Ref & { __typename: string } }[];
    sharedTerms: { word: string; contribution: number }[];
  }[] | null;
}

/** Similar roles: a star of the most similar roles (closer and thicker when more similar), with scores and reasons. */
export async function renderSimilar(app: App, segment: string | undefined): Promise<void> {
  const id = segment ? decodeURIComponent(segment) : undefined;
  const form = (picked: string[]) =>
    roleForm({
      legend: 'Roles similar to',
      slots: ['Role'],
      picked: picked.map((p) => ({ id: p, name: nameOf(p), kind: 'ROLE' })),
      submit: 'Find similar roles',
      onSubmit: (roles) => app.navigate(`#/similar/${encodeURIComponent(roles[0]!.id)}`),
    });
  app.useGraph(true);
  const cy = app.cy;
  if (!id) {
    cy.elements().remove();
    app.controls.replaceChildren(form([]));
    app.panel.replaceChildren(h('p', { class: 'muted', text: 'Pick a role.' }));
    (app.controls.querySelector('input') as HTMLInputElement | null)?.focus();
    return;
  }

  const answer = await app.run<SimilarAnswer>('similar', { roleId: id });
  const similar = answer.similarRoles ?? [];
  if (answer.role) {
    rememberName(answer.role.id, answer.role.name);
  }
  similar.forEach((s) => rememberName(s.role.id, s.role.name));
  app.controls.replaceChildren(form([id]));

  cy.elements().remove();
  cy.add({ ...nodeElement(id, nameOf(id), 'ROLE', { group: 'centre' }), position: { x: 0, y: 0 } }).addClass('focus');
  similar.forEach((s, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(similar.length, 1);
    const distance = 140 + 260 * (1 - s.score);
    cy.add({ ...nodeElement(s.role.id, s.role.name, 'ROLE', { score: s.score }), position: { x: distance * Math.cos(angle), y: distance * Math.sin(angle) } });
    cy.add(edgeElement(id, s.role.id, 'SIMILAR', s.score));
  });
  runPresetLayout(cy);

  app.panel.replaceChildren(
    h('h2', { text: `Roles similar to ${nameOf(id)}` }),
    similar.length === 0 ? h('p', { class: 'muted', text: 'No role shares anything with it.' }) : '',
    h(
      'ol',
      { class: 'similar', 'aria-label': 'Similar roles, most similar first' },
      ...similar.map((s) =>
        h(
          'li',
          { 'data-id': s.role.id },
          h('div', { class: 'bar-row' }, nodeLink(s.role.id, s.role.name, 'ROLE'), h('meter', { min: 0, max: 1, value: s.score, 'aria-label': `Similarity of ${s.role.name}` }), h('span', { class: 'score', text: formatScore(s.score) })),
          h('p', { class: 'muted', text: 'Why: ' + s.facets.filter((f) => f.contribution > 0).map((f) => `${f.facet} ${formatShare(f.contribution / s.score)}`).join(', ') }),
          s.sharedItems.length
            ? h('p', {}, 'Shares: ', ...s.sharedItems.slice(0, 6).flatMap((item, i) => [i ? ', ' : '', nodeLink(item.node.id, item.node.name, kindOf(item.node.__typename))]))
            : '',
          s.sharedTerms.length ? h('p', { class: 'muted', text: `Words in common: ${s.sharedTerms.slice(0, 6).map((t) => t.word).join(', ')}` }) : '',
          h('p', { class: 'actions' }, h('a', { href: `#/compare/${encodeURIComponent(id)},${encodeURIComponent(s.role.id)}`, text: 'compare' }), h('a', { href: `#/gap/${encodeURIComponent(id)}/${encodeURIComponent(s.role.id)}`, text: 'skill gap' }), h('a', { href: `#/connect/${encodeURIComponent(id)}/${encodeURIComponent(s.role.id)}`, text: 'connect' })),
        ),
      ),
    ),
  );
  app.setStatus(`${similar.length} roles similar to ${nameOf(id)}.`);
}
