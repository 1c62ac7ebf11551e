import type { Core } from 'cytoscape';
import { getUrl, ideUrl, runQuery, type SentQuery } from './api';
import { h } from './dom';
import { Queries, type QueryName } from './queries';

/** What a view gets to draw with: the graph, the form above it, the side panel and the query beneath. */
export interface App {
  cy: Core;
  controls: HTMLElement;
  panel: HTMLElement;
  /** Holds the graph canvas; views without a graph (the skill gap) draw HTML into `chart` instead. */
  stage: HTMLElement;
  chart: HTMLElement;
  /** Runs one of the page's queries and shows it beneath the view. */
  run<T>(name: QueryName, variables: Record<string, unknown>): Promise<T>;
  /** Shows a query sent by a helper (the search box) beneath the view. */
  showQuery(name: QueryName, variables: Record<string, unknown>): void;
  navigate(hash: string): void;
  setStatus(text: string, isError?: boolean): void;
  /** Shows the graph canvas (true) or the HTML chart (false). */
  useGraph(show: boolean): void;
}

/** The hooks the browser tests read (the graph library's model, not pixels). */
export interface ExplorerHooks {
  cy: Core;
  view: string;
  ready: boolean;
  /** How many views have finished rendering (or failed): a test waits for it to pass the count it saw before acting. */
  renders: number;
  sent: SentQuery[];
}

declare global {
  interface Window {
    __explorer: ExplorerHooks;
  }
}

export function createQueryBox(container: HTMLElement): (sent: SentQuery) => void {
  const code = h('code');
  const variables = h('code');
  const copy = h('button', { type: 'button', text: 'Copy query' });
  const ide = h('a', { href: ideUrl, target: '_blank', rel: 'noopener', text: 'Open in IDE' });
  const get = h('a', { href: '#', target: '_blank', rel: 'noopener', text: 'Run as GET (JSON)' });
  const note = h('span', { class: 'muted', role: 'status' });
  container.append(
    h(
      'details',
      {},
      h('summary', {}, 'GraphQL query of this view'),
      h('p', { class: 'muted', text: 'Every view is one query to the public endpoint; copy it into your own client.' }),
      h('pre', { class: 'query', tabindex: 0, 'aria-label': 'Query document' }, code),
      h('pre', { class: 'query', tabindex: 0, 'aria-label': 'Variables' }, variables),
      h('div', { class: 'actions' }, copy, ide, get, note),
    ),
  );

  let current: SentQuery | undefined;
  const text = () => (current ? `${current.document.trim()}\n\n# variables: ${JSON.stringify(current.variables)}\n` : '');
  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(text());
      return true;
    } catch {
      // Clipboard access needs a secure context and permission; say so rather than fail silently.
      return false;
    }
  };
  copy.addEventListener('click', async () => {
    note.textContent = (await copyText()) ? 'Copied.' : 'Copying is not allowed here; select the text above instead.';
  });
  ide.addEventListener('click', async () => {
    // The IDE has no way to receive a document in its URL; the query goes to the clipboard to paste there.
    note.textContent = (await copyText()) ? 'Copied: paste it into a new document in the IDE.' : '';
  });

  return (sent) => {
    current = sent;
    code.textContent = sent.document.trim();
    variables.textContent = JSON.stringify(sent.variables, null, 2);
    get.href = getUrl(sent);
    note.textContent = '';
  };
}

export function createApp(elements: {
  cy: Core;
  controls: HTMLElement;
  panel: HTMLElement;
  stage: HTMLElement;
  chart: HTMLElement;
  status: HTMLElement;
  showQuery: (sent: SentQuery) => void;
  hooks: ExplorerHooks;
}): App {
  const { cy, controls, panel, stage, chart, status, showQuery, hooks } = elements;
  return {
    cy,
    controls,
    panel,
    stage,
    chart,
    async run<T>(name: QueryName, variables: Record<string, unknown>) {
      this.showQuery(name, variables);
      return runQuery<T>(name, variables);
    },
    showQuery(name: QueryName, variables: Record<string, unknown>) {
      const sent = { name, document: Queries[name], variables };
      hooks.sent.push(sent);
      showQuery(sent);
    },
    navigate(hash: string) {
      if (location.hash === hash) {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } else {
        location.hash = hash;
      }
    },
    setStatus(text: string, isError = false) {
      status.textContent = text;
      status.classList.toggle('error', isError);
    },
    useGraph(show: boolean) {
      stage.hidden = !show;
      chart.hidden = show;
      if (show) {
        cy.resize();
      }
    },
  };
}
