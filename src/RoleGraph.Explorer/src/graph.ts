import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { KindStyles, type Kind } from './kinds';

cytoscape.use(fcose);

/** Width of a link drawn for a weight in 0..1 (an unweighted link is drawn thin). */
export function widthOf(weight: number | null | undefined): number {
  return weight === null || weight === undefined ? 1.5 : 1 + 7 * weight;
}

/** Longer names (O*NET tasks are sentences) are cut on the canvas; the panel lists them whole. */
const LabelLength = 36;

export function nodeElement(id: string, name: string, kind: Kind, extra: Record<string, unknown> = {}): ElementDefinition {
  const label = name.length > LabelLength ? `${name.slice(0, LabelLength - 1).trimEnd()}…` : name;
  return { group: 'nodes', data: { id, name, label, kind, ...extra } };
}

export function edgeElement(source: string, target: string, relation: string, weight?: number | null, extra: Record<string, unknown> = {}): ElementDefinition {
  return {
    group: 'edges',
    data: { id: `${source}|${relation}|${target}`, source, target, relation, weight: weight ?? null, width: widthOf(weight), ...extra },
  };
}

const kindSelectors: cytoscape.StylesheetStyle[] = Object.entries(KindStyles).map(([kind, style]) => ({
  selector: `node[kind = "${kind}"]`,
  style: { 'background-color': style.colour, shape: style.shape as cytoscape.Css.NodeShape },
}));

/** The one graph canvas of the page; views replace its elements. */
export function createGraph(container: HTMLElement): Core {
  return cytoscape({
    container,
    minZoom: 0.15,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 22,
          height: 22,
          'font-size': 11,
          'font-family': 'system-ui, sans-serif',
          color: '#111',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '120px',
          'text-background-color': '#fff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
          'border-width': 1,
          'border-color': '#fff',
        },
      },
      ...kindSelectors,
      { selector: 'node.focus', style: { width: 40, height: 40, 'font-size': 14, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#111' } },
      { selector: 'node.role-anchor', style: { width: 44, height: 30, 'font-size': 13, 'font-weight': 'bold' } },
      { selector: 'node.shared', style: { 'border-width': 2, 'border-color': '#111' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#D55E00' } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': '#8a96a3',
          'curve-style': 'bezier',
          opacity: 0.8,
        },
      },
      { selector: 'edge.faint', style: { opacity: 0.25 } },
      {
        selector: 'edge.labelled',
        style: {
          label: 'data(relation)',
          'font-size': 9,
          color: '#333',
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.9,
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#8a96a3',
        },
      },
    ],
  });
}

/** A force layout for neighbourhoods (fcose); deterministic enough for a person, never asserted on by tests. */
export function runForceLayout(cy: Core): void {
  cy.layout({
    name: 'fcose',
    animate: false,
    randomize: true,
    quality: 'default',
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 130,
    nodeSeparation: 80,
    // Room for the labels too, not only the shapes, so names overlap less.
    nodeDimensionsIncludeLabels: true,
    fit: true,
    padding: 30,
  } as cytoscape.LayoutOptions).run();
}

export function runPresetLayout(cy: Core): void {
  cy.layout({ name: 'preset', fit: true, padding: 30 }).run();
}
