import type { App } from '../app';
import { formatShare, h } from '../dom';
import { edgeElement, nodeElement, runPresetLayout } from '../graph';
import type { Kind } from '../kinds';
import { nameOf, rememberName } from '../names';
import { idsOf, nodeList, roleForm } from './common';

/** The most shared items drawn in the middle, and own items drawn around each role; the panel lists them all. */
export const SharedCap = 30;
export const OwnCap = 15;

type Ref = { id: string; name: string };
interface Holdings {
  skills: Ref[];
  tools: Ref[];
  responsibilities: Ref[];
}
interface OverlapAnswer {
  overlap: (Holdings & { jaccard: number; roles: Ref[]; perRole: (Holdings & { role: Ref })[] }) | null;
}

function itemsOf(holdings: Holdings): { ref: Ref; kind: Kind }[] {
  return [
    ...holdings.skills.map((ref) => ({ ref, kind: 'SKILL' as Kind })),
    ...holdings.tools.map((ref) => ({ ref, kind: 'TOOL' as Kind })),
    ...holdings.responsibilities.map((ref) => ({ ref, kind: 'RESPONSIBILITY' as Kind })),
  ];
}

/** Positions on a sunflower spiral: evenly filled discs of any size around a centre. */
function spiral(count: number, cx: number, cy: number, spacing: number): { x: number; y: number }[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, k) => {
    const r = spacing * Math.sqrt(k + 0.5);
    return { x: cx + r * Math.cos(k * golden), y: cy + r * Math.sin(k * golden) };
  });
}

function lists(title: string, holdings: Holdings, labelPrefix: string): HTMLElement {
  return h(
    'section',
    { class: 'group' },
    h('h3', { text: title }),
    h('h4', { text: `Skills (${holdings.skills.length})` }), nodeList(holdings.skills, 'SKILL', `${labelPrefix} skills`),
    h('h4', { text: `Tools (${holdings.tools.length})` }), nodeList(holdings.tools, 'TOOL', `${labelPrefix} tools`),
    h('h4', { text: `Responsibilities (${holdings.responsibilities.length})` }), nodeList(holdings.responsibilities, 'RESPONSIBILITY', `${labelPrefix} responsibilities`),
  );
}

/** Compare 2 to 5 roles: shared items in the middle, each role's own items around it, the Jaccard figure and lists. */
export async function renderCompare(app: App, segment: string | undefined): Promise<void> {
  const ids = idsOf(segment).slice(0, 5);
  const form = (picked: Ref[]) =>
    roleForm({
      legend: 'Compare 2 to 5 roles',
      slots: [],
      max: 5,
      picked: picked.map((r) => ({ id: r.id, name: r.name, kind: 'ROLE' })),
      submit: 'Compare',
      onSubmit: (roles) => app.navigate(`#/compare/${roles.map((r) => encodeURIComponent(r.id)).join(',')}`),
    });

  if (ids.length < 2) {
    app.useGraph(true);
    app.cy.elements().remove();
    app.controls.replaceChildren(form(ids.map((id) => ({ id, name: nameOf(id) }))));
    app.panel.replaceChildren(h('p', { class: 'muted', text: 'Pick at least two roles to compare.' }));
    (app.controls.querySelector('input') as HTMLInputElement | null)?.focus();
    return;
  }

  app.useGraph(true);
  const answer = await app.run<OverlapAnswer>('compare', { roleIds: ids });
  const overlap = answer.overlap!;
  overlap.roles.forEach((r) => rememberName(r.id, r.name));
  app.controls.replaceChildren(form(overlap.roles));

  const cy = app.cy;
  cy.elements().remove();
  const shared = itemsOf(overlap);
  const spacing = 48;
  const sharedShown = shared.slice(0, SharedCap);
  const radius = 140 + spacing * Math.sqrt(sharedShown.length);
  const middle = spiral(sharedShown.length, 0, 0, spacing);
  sharedShown.forEach(({ ref, kind }, k) => {
    cy.add({ ...nodeElement(ref.id, ref.name, kind, { group: 'shared' }), position: middle[k] }).addClass('shared');
  });

  overlap.perRole.forEach((own, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / overlap.perRole.length;
    const rx = radius * Math.cos(angle);
    const ry = radius * Math.sin(angle);
    cy.add({ ...nodeElement(own.role.id, own.role.name, 'ROLE', { group: 'role' }), position: { x: rx, y: ry } }).addClass('role-anchor');
    const ownItems = itemsOf(own).slice(0, OwnCap);
    const reach = 70 + spacing * Math.sqrt(ownItems.length);
    const around = spiral(ownItems.length, rx + reach * Math.cos(angle), ry + reach * Math.sin(angle), spacing);
    ownItems.forEach(({ ref, kind }, k) => {
      cy.add({ ...nodeElement(ref.id, ref.name, kind, { group: `own:${own.role.id}` }), position: around[k] });
      cy.add(edgeElement(own.role.id, ref.id, kind === 'RESPONSIBILITY' ? 'RESPONSIBLE_FOR' : kind === 'TOOL' ? 'USES' : 'REQUIRES'));
    });
    sharedShown.forEach(({ ref, kind }) => {
      cy.add(edgeElement(own.role.id, ref.id, kind === 'RESPONSIBILITY' ? 'RESPONSIBLE_FOR' : kind === 'TOOL' ? 'USES' : 'REQUIRES')).addClass('faint');
    });
  });
  runPresetLayout(cy);

  const names = overlap.roles.map((r) => r.name).join(', ');
  app.panel.replaceChildren(
    h('h2', { text: 'Overlap' }),
    h('p', { class: 'figure' }, h('span', { class: 'big', 'data-testid': 'jaccard', text: overlap.jaccard.toFixed(2) }), ` Jaccard (${formatShare(overlap.jaccard)} of everything the roles hold is shared by all of them)`),
    h('p', { class: 'muted', text: `Drawn: up to ${SharedCap} shared items in the middle and ${OwnCap} own items around each role; all are listed here.` }),
    lists(`Shared by ${names}`, overlap, 'Shared'),
    ...overlap.perRole.map((own) => lists(`Only ${own.role.name}`, own, `Only ${own.role.name}`)),
  );
  app.setStatus(`Compared ${names}: ${shared.length} items shared, Jaccard ${overlap.jaccard.toFixed(2)}.`);
}
