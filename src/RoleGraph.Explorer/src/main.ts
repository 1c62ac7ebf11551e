import './style.css';
import { createApp, createQueryBox, type ExplorerHooks } from './app';
import { GraphQLRequestError } from './api';
import { h } from './dom';
import { createGraph } from './graph';
import { KindStyles } from './kinds';
import { renderCompare } from './views/compare';
import { renderConnect } from './views/connect';
import { renderFind } from './views/find';
import { renderGap } from './views/gap';
import { renderNeighbourhood } from './views/neighbourhood';
import { renderSimilar } from './views/similar';

const byId = (id: string) => document.getElementById(id) as HTMLElement;

const cy = createGraph(byId('graph'));
const hooks: ExplorerHooks = { cy, view: 'find', ready: false, renders: 0, sent: [] };
window.__explorer = hooks;

const app = createApp({
  cy,
  controls: byId('controls'),
  panel: byId('panel'),
  stage: byId('stage'),
  chart: byId('chart'),
  status: byId('status'),
  showQuery: createQueryBox(byId('query')),
  hooks,
});

byId('legend').append(
  ...Object.values(KindStyles).map((style) =>
    h('li', {}, h('span', { class: 'swatch', style: `color: ${style.colour}`, 'aria-hidden': 'true', text: style.symbol }), ` ${style.label}`),
  ),
);

/** The address names the view and its arguments, so every view can be bookmarked, shared and opened by tests. */
let routeGeneration = 0;

async function route(): Promise<void> {
  // A newer address may arrive while this one still loads; only the newest may finish the page's state.
  const generation = ++routeGeneration;
  const [view = 'find', ...args] = location.hash.replace(/^#\/?/, '').split('/');
  const known = ['find', 'node', 'compare', 'connect', 'similar', 'gap'];
  const name = known.includes(view) ? view : 'find';
  hooks.view = name;
  hooks.ready = false;
  document.body.dataset.view = name;
  document.body.dataset.state = 'loading';
  document.querySelectorAll<HTMLAnchorElement>('#views a').forEach((a) => {
    if (a.dataset.view === name) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  app.setStatus('');
  cy.removeAllListeners();
  try {
    switch (name) {
      case 'node':
        await renderNeighbourhood(app, decodeURIComponent(args[0] ?? ''));
        break;
      case 'compare':
        await renderCompare(app, args[0]);
        break;
      case 'connect':
        await renderConnect(app, args[0], args[1]);
        break;
      case 'similar':
        await renderSimilar(app, args[0]);
        break;
      case 'gap':
        await renderGap(app, args[0], args[1]);
        break;
      default:
        await renderFind(app);
        break;
    }
    if (generation !== routeGeneration) {
      return;
    }
    if (!app.stage.hidden) {
      // The panel's new content may have changed the canvas's size since the layout ran.
      cy.resize();
      cy.fit(undefined, 30);
    }
    document.body.dataset.state = 'ready';
    hooks.ready = true;
  } catch (error) {
    if (generation !== routeGeneration) {
      return;
    }
    const message = error instanceof GraphQLRequestError ? error.message : `The request failed: ${(error as Error).message}`;
    app.setStatus(message, true);
    app.panel.replaceChildren(h('p', { class: 'error', role: 'alert', text: message }));
    document.body.dataset.state = 'error';
  } finally {
    if (generation === routeGeneration) {
      hooks.renders++;
    }
  }
}

window.addEventListener('hashchange', () => void route());
void route();
