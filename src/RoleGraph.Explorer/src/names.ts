/** Names of nodes the page has seen, so a form can label a role given only by id in the address. */
const names = new Map<string, string>();

export function rememberName(id: string, name: string): void {
  names.set(id, name);
}

export function nameOf(id: string): string {
  return names.get(id) ?? id;
}
