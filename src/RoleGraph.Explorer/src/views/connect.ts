import type { App } from '../app';
import { formatScore, formatShare, h } from '../dom';
import { edgeElement, nodeElement, runPresetLayout } from '../graph';
import { KindStyles, kindOf } from '../kinds';
import { nameOf, rememberName } from '../names';
import { nodeLink, roleForm } from './common';

type Ref = { id: string; name: string };
interface ConnectAnswer {
  shortestPaths: {
    length: number;
    score: number;
    nodes: (Ref & { __typename: string })[];
    steps: { relation: string; forward: boolean; from: { id: string }; to: { id: string } }[];
  }[] | null;
  careerPath: {
    length: number;
    score: number;
    roles: Ref[];
    steps: { score: number; gap: { coverage: number; missing: { kind: string; node: Ref }[] } }[];
  }[];
}

/** How many of a step's missing skills and tools are named in the career path list. */
const LearnShown = 5;

export function twoRoleForm(app: App, route: string, legend: string, submit: string, ids: string[]): HTMLElement {
  return roleForm({
    legend,
    slots: ['From', 'To'],
    picked: ids.map((id) => ({ id, name: nameOf(id), kind: 'ROLE' })),
    submit,
    onSubmit: (roles) => app.navigate(`#/${route}/${roles.map((r) => encodeURIComponent(r.id)).join('/')}`),
  });
}

/** Connect two roles: the ranked shortest paths drawn as chains, and the career paths with what to learn per step. */
export async function renderConnect(app: App, from: string | undefined, to: string | undefined): Promise<void> {
  const ids = [from, to].filter((id): id is string => !!id).map(decodeURIComponent);
  app.useGraph(true);
  const cy = app.cy;
  if (ids.length < 2) {
    cy.elements().remove();
    app.controls.replaceChildren(twoRoleForm(app, 'connect', 'Connect two roles', 'Draw the paths', ids));
    app.panel.replaceChildren(h('p', { class: 'muted', text: 'Pick the role to start from and the role to reach.' }));
    (app.controls.querySelector('input') as HTMLInputElement | null)?.focus();
    return;
  }

  const [fromId, toId] = ids as [string, string];
  const answer = await app.run<ConnectAnswer>('connect', { fromId, toId });
  const paths = answer.shortestPaths ?? [];
  paths.forEach((p) => p.nodes.forEach((n) => rememberName(n.id, n.name)));
  app.controls.replaceChildren(twoRoleForm(app, 'connect', 'Connect two roles', 'Draw the paths', ids));

  // Each path is a row of its own; the two ends are shared by all rows, so they sit at mid-height.
  cy.elements().remove();
  const columnWidth = 190;
  const rowHeight = 90;
  const middle = ((paths.length - 1) * rowHeight) / 2;
  paths.forEach((path, row) => {
    path.nodes.forEach((node, column) => {
      if (cy.getElementById(node.id).nonempty()) {
        return;
      }
      const end = column === 0 || column === path.nodes.length - 1;
      const element = cy.add({
        ...nodeElement(node.id, node.name, kindOf(node.__typename), { path: row }),
        position: { x: column * columnWidth, y: end ? middle : row * rowHeight },
      });
      if (end) {
        element.addClass('role-anchor');
      }
    });
    path.steps.forEach((step) => {
      const [source, target] = step.forward ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
      if (cy.getElementById(`${source}|${step.relation}|${target}`).empty()) {
        cy.add(edgeElement(source, target, step.relation, null, { path: row })).addClass('labelled');
      }
    });
  });
  runPresetLayout(cy);

  const pathList = h(
    'ol',
    { class: 'paths', 'aria-label': 'Shortest paths, most relevant first' },
    ...paths.map((path) =>
      h(
        'li',
        {},
        h('span', { class: 'muted', text: `score ${formatScore(path.score)} · ${path.length} steps: ` }),
        ...path.nodes.flatMap((node, i) => {
          const parts: (HTMLElement | string)[] = [nodeLink(node.id, node.name, kindOf(node.__typename))];
          const step = path.steps[i];
          if (step) {
            parts.push(h('span', { class: 'relation', text: step.forward ? ` —${step.relation}→ ` : ` ←${step.relation}— ` }));
          }
          return parts;
        }),
      ),
    ),
  );

  const careers = answer.careerPath;
  const careerList = h(
    'ol',
    { class: 'careers', 'aria-label': 'Career paths, best first' },
    ...careers.map((career) =>
      h(
        'li',
        {},
        h('p', {}, h('strong', { text: career.roles.map((r) => r.name).join(' → ') }), h('span', { class: 'muted', text: ` (score ${formatScore(career.score)})` })),
        h(
          'ol',
          { class: 'steps' },
          ...career.steps.map((step, i) => {
            const stepFrom = career.roles[i]!;
            const stepTo = career.roles[i + 1]!;
            const learn = step.gap.missing.slice(0, LearnShown);
            return h(
              'li',
              {},
              `${stepFrom.name} → ${stepTo.name}: similarity ${formatScore(step.score)}, ${formatShare(step.gap.coverage)} carries over. `,
              learn.length
                ? h('span', {}, 'Learn: ', ...learn.flatMap((item, i) => [i ? ', ' : '', nodeLink(item.node.id, item.node.name, kindOf(item.kind))]), step.gap.missing.length > LearnShown ? ` and ${step.gap.missing.length - LearnShown} more` : '')
                : 'Nothing new to learn.',
              ' ',
              h('a', { href: `#/gap/${encodeURIComponent(stepFrom.id)}/${encodeURIComponent(stepTo.id)}`, class: 'muted', text: 'skill gap' }),
            );
          }),
        ),
      ),
    ),
  );

  app.panel.replaceChildren(
    h('h2', { text: `${nameOf(fromId)} to ${nameOf(toId)}` }),
    h('h3', { text: `Shortest paths (${paths.length})` }),
    paths.length ? pathList : h('p', { class: 'muted', text: 'No path within 4 links.' }),
    h('h3', { text: `Career paths (${careers.length})` }),
    h('p', { class: 'muted', text: 'The two best sequences of roles, each step to one of the current role’s most similar roles, with what to learn (most important first).' }),
    careers.length ? careerList : h('p', { class: 'muted', text: 'No career path within 3 steps.' }),
    h('p', { class: 'legend-note', text: `Kinds: ${Object.values(KindStyles).map((s) => `${s.symbol} ${s.label}`).join(', ')}.` }),
  );
  app.setStatus(`${paths.length} shortest paths and ${careers.length} career paths from ${nameOf(fromId)} to ${nameOf(toId)}.`);
}
