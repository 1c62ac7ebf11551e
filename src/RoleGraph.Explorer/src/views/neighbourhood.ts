import type { App } from '../app';
import { h } from '../dom';
import { edgeElement, nodeElement, runForceLayout } from '../graph';
import { KindStyles, kindOf, type Kind } from '../kinds';
import { nodeLink } from './common';

/** How many linked nodes of one relation are drawn at first and per "show more": O*NET hubs link to hundreds. */
export const PageSize = 15;

/** Property values longer than this are folded. */
const LongValue = 160;

type Ref = { id: string; name: string };
type Typed = Ref & { __typename: string };

interface NodeAnswer {
  node:
    | (Typed & {
        description?: string | null;
        aliases?: string[];
        primaryFocus?: string | null;
        properties?: { key: string; value: string }[];
        skills?: { importance: number | null; level: number | null; skill: Ref }[];
        tools?: ({ importance: number | null; tool: Ref } | Ref)[];
        responsibilities?: Ref[];
        roles?: ({ importance?: number | null; level?: number | null; role: Ref } | Ref)[];
        related?: Ref[];
        categories?: Ref[];
        supports?: Ref[];
        members?: Typed[];
        parents?: Ref[];
        subcategories?: Ref[];
      })
    | null;
}

interface Item {
  id: string;
  name: string;
  kind: Kind;
  weight: number | null;
}

/** The nodes linked by one relation, heaviest first; `outgoing` when the stored link leaves the centre. */
interface Group {
  key: string;
  title: string;
  relation: string;
  outgoing: boolean;
  items: Item[];
}

function byWeightThenName(a: Item, b: Item): number {
  return (b.weight ?? -1) - (a.weight ?? -1) || a.name.localeCompare(b.name);
}

function group(key: string, title: string, relation: string, outgoing: boolean, items: Item[]): Group {
  return { key, title, relation, outgoing, items: items.sort(byWeightThenName) };
}

const plain = (kind: Kind) => (ref: Ref): Item => ({ id: ref.id, name: ref.name, kind, weight: null });

function groupsOf(node: NonNullable<NodeAnswer['node']>): Group[] {
  const kind = kindOf(node.__typename);
  const groups: Group[] = [];
  if (kind === 'ROLE') {
    groups.push(group('skills', 'Skills it requires', 'REQUIRES', true, (node.skills ?? []).map((s) => ({ id: s.skill.id, name: s.skill.name, kind: 'SKILL', weight: s.importance }))));
    groups.push(group('tools', 'Tools it uses', 'USES', true, (node.tools ?? []).map((t) => ('tool' in t ? { id: t.tool.id, name: t.tool.name, kind: 'TOOL', weight: t.importance } : plain('TOOL')(t)))));
    groups.push(group('responsibilities', 'Responsibilities', 'RESPONSIBLE_FOR', true, (node.responsibilities ?? []).map(plain('RESPONSIBILITY'))));
  } else if (kind === 'SKILL') {
    groups.push(group('roles', 'Roles that require it', 'REQUIRES', false, (node.roles ?? []).map((r) => ('role' in r ? { id: r.role.id, name: r.role.name, kind: 'ROLE', weight: r.importance ?? null } : plain('ROLE')(r)))));
    groups.push(group('tools', 'Tools that support it', 'SUPPORTS', false, ((node.tools ?? []) as Ref[]).map(plain('TOOL'))));
    groups.push(group('related', 'Related skills', 'RELATED_TO', true, (node.related ?? []).map(plain('SKILL'))));
    groups.push(group('categories', 'Categories', 'IN_CATEGORY', true, (node.categories ?? []).map(plain('CATEGORY'))));
  } else if (kind === 'TOOL') {
    groups.push(group('roles', 'Roles that use it', 'USES', false, (node.roles ?? []).map((r) => ('role' in r ? { id: r.role.id, name: r.role.name, kind: 'ROLE', weight: r.importance ?? null } : plain('ROLE')(r)))));
    groups.push(group('supports', 'Skills it supports', 'SUPPORTS', true, (node.supports ?? []).map(plain('SKILL'))));
    groups.push(group('categories', 'Categories', 'IN_CATEGORY', true, (node.categories ?? []).map(plain('CATEGORY'))));
  } else if (kind === 'RESPONSIBILITY') {
    groups.push(group('roles', 'Roles responsible for it', 'RESPONSIBLE_FOR', false, ((node.roles ?? []) as Ref[]).map(plain('ROLE'))));
  } else {
    groups.push(group('members', 'Members', 'IN_CATEGORY', false, (node.members ?? []).map((m) => ({ id: m.id, name: m.name, kind: kindOf(m.__typename), weight: null }))));
    groups.push(group('parents', 'Parent categories', 'SUBCATEGORY_OF', true, (node.parents ?? []).map(plain('CATEGORY'))));
    groups.push(group('subcategories', 'Subcategories', 'SUBCATEGORY_OF', false, (node.subcategories ?? []).map(plain('CATEGORY'))));
  }
  return groups.filter((g) => g.items.length > 0);
}

function linkElements(centre: string, g: Group, items: Item[]) {
  return items.flatMap((item) => [
    nodeElement(item.id, item.name, item.kind, { group: g.key }),
    g.outgoing ? edgeElement(centre, item.id, g.relation, item.weight) : edgeElement(item.id, centre, g.relation, item.weight),
  ]);
}

function facts(node: NonNullable<NodeAnswer['node']>): HTMLElement {
  const kind = kindOf(node.__typename);
  const rows: HTMLElement[] = [];
  const row = (term: string, value: string | HTMLElement) => rows.push(h('dt', { text: term }), h('dd', {}, value));
  row('Kind', KindStyles[kind].label);
  row('Id', h('code', { text: node.id }));
  if (node.aliases?.length) {
    row('Also known as', node.aliases.join(', '));
  }
  if (node.primaryFocus) {
    row('Primary focus', node.primaryFocus);
  }
  for (const property of node.properties ?? []) {
    if (property.key !== 'primaryFocus') {
      // Some O*NET properties are long lists of codes; they open on demand instead of filling the panel.
      row(
        property.key,
        property.value.length > LongValue
          ? h('details', {}, h('summary', { text: `${property.value.slice(0, 40)}… (${property.value.length} characters)` }), property.value)
          : property.value,
      );
    }
  }
  return h(
    'section',
    { class: 'facts', 'aria-labelledby': 'facts-heading' },
    h('h2', { id: 'facts-heading' }, h('span', { class: `kind kind-${kind.toLowerCase()}`, 'aria-hidden': 'true', text: KindStyles[kind].symbol }), ` ${node.name}`),
    node.description ? h('p', { text: node.description }) : null,
    h('dl', {}, ...rows),
  );
}

/** Neighbourhood: a node with its linked nodes, capped per relation and paged, expandable and re-centrable. */
export async function renderNeighbourhood(app: App, id: string): Promise<void> {
  app.useGraph(true);
  const cy = app.cy;
  const answer = await app.run<NodeAnswer>('neighbourhood', { id });
  const node = answer.node;
  if (!node) {
    app.controls.replaceChildren();
    app.panel.replaceChildren(h('p', { class: 'error', text: `No node has the id “${id}”.` }));
    return;
  }

  const kind = kindOf(node.__typename);
  const groups = groupsOf(node);
  const shown = new Map(groups.map((g) => [g.key, Math.min(PageSize, g.items.length)]));

  cy.elements().remove();
  cy.add(nodeElement(node.id, node.name, kind, { group: 'centre' })).addClass('focus');
  for (const g of groups) {
    cy.add(linkElements(node.id, g, g.items.slice(0, shown.get(g.key))));
  }
  runForceLayout(cy);

  const selection = h('section', { class: 'selection', 'aria-live': 'polite', 'aria-label': 'Selected node' });
  const groupSections = h('div');
  const drawGroups = () => {
    groupSections.replaceChildren(
      ...groups.map((g) => {
        const count = shown.get(g.key)!;
        const more = h('button', { type: 'button', class: 'more', 'data-group': g.key, text: `Show ${Math.min(PageSize, g.items.length - count)} more` });
        more.addEventListener('click', () => {
          const next = Math.min(count + PageSize, g.items.length);
          cy.add(linkElements(node.id, g, g.items.slice(count, next).filter((item) => cy.getElementById(item.id).empty())));
          shown.set(g.key, next);
          runForceLayout(cy);
          drawGroups();
          (groupSections.querySelector(`[data-group="${g.key}"]`) as HTMLElement | null)?.focus();
        });
        const itemKind = g.items[0]!.kind;
        return h(
          'section',
          { class: 'group', 'data-group': g.key },
          h('h3', {}, `${g.title} `, h('span', { class: 'muted count', text: `${count} of ${g.items.length} shown` })),
          h(
            'ul',
            { class: 'node-list', 'aria-label': g.title },
            ...g.items.slice(0, count).map((item) =>
              h('li', {}, nodeLink(item.id, item.name, g.key === 'members' ? item.kind : itemKind), item.weight !== null ? h('span', { class: 'muted', text: ` ${item.weight.toFixed(2)}` }) : null),
            ),
          ),
          count < g.items.length ? more : null,
        );
      }),
    );
  };
  drawGroups();

  const expand = async (target: string) => {
    const next = await app.run<NodeAnswer>('neighbourhood', { id: target });
    if (!next.node) {
      return;
    }
    let added = 0;
    for (const g of groupsOf(next.node)) {
      const fresh = g.items.slice(0, PageSize);
      added += fresh.filter((item) => cy.getElementById(item.id).empty()).length;
      for (const element of linkElements(target, g, fresh)) {
        if (cy.getElementById(element.data.id!).empty()) {
          cy.add(element);
        }
      }
    }
    cy.getElementById(target).addClass('expanded');
    runForceLayout(cy);
    app.setStatus(`Expanded ${next.node.name}: ${added} more nodes (at most ${PageSize} per relation).`);
  };

  const select = (target: string) => {
    const element = cy.getElementById(target);
    if (element.empty()) {
      return;
    }
    cy.nodes().unselect();
    element.select();
    const targetKind = element.data('kind') as Kind;
    const expandButton = h('button', { type: 'button', text: 'Expand here' });
    expandButton.addEventListener('click', () => void expand(target));
    selection.replaceChildren(
      h('h3', { text: `Selected: ${element.data('name')}` }),
      h('p', { class: 'muted', text: `${KindStyles[targetKind].label} · ${element.connectedEdges().length} links drawn` }),
      h('div', { class: 'actions' }, h('a', { href: `#/node/${encodeURIComponent(target)}`, text: 'Re-centre here' }), target === node.id ? null : expandButton),
    );
  };

  cy.on('tap', 'node', (event) => select(event.target.id()));
  cy.on('dbltap', 'node', (event) => void expand(event.target.id()));

  const roleActions = kind === 'ROLE'
    ? h('p', { class: 'actions' },
        h('a', { href: `#/similar/${encodeURIComponent(node.id)}`, text: 'Similar roles' }),
        h('a', { href: `#/compare/${encodeURIComponent(node.id)}`, text: 'Compare with…' }),
        h('a', { href: `#/connect/${encodeURIComponent(node.id)}`, text: 'Connect to…' }))
    : null;
  app.controls.replaceChildren(
    h('p', { class: 'hint', text: 'Click a node to select it, double-click to expand it; links in the panel re-centre on a node. Thicker links weigh more.' }),
  );
  app.panel.replaceChildren(facts(node), roleActions ?? '', selection, groupSections);
  app.setStatus(`${node.name}: ${cy.nodes().length - 1} linked nodes drawn of ${groups.reduce((n, g) => n + g.items.length, 0)}.`);
}
