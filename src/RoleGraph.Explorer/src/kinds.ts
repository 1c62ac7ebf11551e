/** How each kind of node is drawn: told apart by shape as well as colour (Okabe-Ito colours, safe for colour blindness). */
export type Kind = 'ROLE' | 'SKILL' | 'TOOL' | 'RESPONSIBILITY' | 'CATEGORY';

export const KindStyles: Record<Kind, { label: string; plural: string; colour: string; shape: string; symbol: string }> = {
  ROLE: { label: 'Role', plural: 'Roles', colour: '#0072B2', shape: 'round-rectangle', symbol: '▬' },
  SKILL: { label: 'Skill', plural: 'Skills', colour: '#009E73', shape: 'ellipse', symbol: '●' },
  TOOL: { label: 'Tool', plural: 'Tools', colour: '#E69F00', shape: 'diamond', symbol: '◆' },
  RESPONSIBILITY: { label: 'Responsibility', plural: 'Responsibilities', colour: '#CC79A7', shape: 'triangle', symbol: '▲' },
  CATEGORY: { label: 'Category', plural: 'Categories', colour: '#6E6E6E', shape: 'hexagon', symbol: '⬢' },
};

/** The kind of a node from its GraphQL __typename. */
export function kindOf(typename: string): Kind {
  const kind = typename.toUpperCase() as Kind;
  return kind in KindStyles ? kind : 'CATEGORY';
}
