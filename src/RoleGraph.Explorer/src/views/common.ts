import { h } from '../dom';
import { KindStyles, type Kind } from '../kinds';
import { createPicker, type Picked } from '../picker';

/** A link to a node's neighbourhood, marked with its kind's symbol and colour. */
export function nodeLink(id: string, name: string, kind: Kind): HTMLElement {
  return h(
    'a',
    { href: `#/node/${encodeURIComponent(id)}`, class: 'node-link', 'data-id': id },
    h('span', { class: `kind kind-${kind.toLowerCase()}`, 'aria-hidden': 'true', text: KindStyles[kind].symbol }),
    ` ${name}`,
    h('span', { class: 'visually-hidden', text: ` (${KindStyles[kind].label})` }),
  );
}

export function nodeList(items: { id: string; name: string }[], kind: Kind, label: string): HTMLElement {
  if (items.length === 0) {
    return h('p', { class: 'muted', text: `No ${KindStyles[kind].plural.toLowerCase()}.` });
  }
  return h('ul', { class: 'node-list', 'aria-label': label }, ...items.map((item) => h('li', {}, nodeLink(item.id, item.name, kind))));
}

/** Role ids from a route segment ("a,b,c"). */
export function idsOf(segment: string | undefined): string[] {
  return (segment ?? '').split(',').map((id) => decodeURIComponent(id.trim())).filter((id) => id.length > 0);
}

/**
 * The form of the views that take roles: a picker per slot (or one picker filling a list of up to `max`), chips
 * for what is picked, and a button that goes to the view's route.
 */
export function roleForm(options: {
  legend: string;
  slots: string[];
  max?: number;
  picked: Picked[];
  submit: string;
  onSubmit: (roles: Picked[]) => void;
}): HTMLElement {
  const picked = [...options.picked];
  const chips = h('ul', { class: 'chips', 'aria-label': 'Picked roles' });
  const button = h('button', { type: 'submit', class: 'primary', text: options.submit });
  const min = options.max ? 2 : options.slots.length;
  const max = options.max ?? options.slots.length;
  const pickers: HTMLElement[] = [];

  const redraw = () => {
    chips.replaceChildren(
      ...picked.map((role, i) => {
        const remove = h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${role.name}`, text: '×' });
        remove.addEventListener('click', () => {
          picked.splice(i, 1);
          redraw();
        });
        const label = options.max ? role.name : `${options.slots[i]}: ${role.name}`;
        return h('li', { class: 'chip', 'data-id': role.id }, h('span', { text: label }), remove);
      }),
    );
    button.disabled = picked.length < min;
    pickers.forEach((p) => (p.hidden = picked.length >= max));
  };

  const label = options.max
    ? `Add a role (${options.max} at most)`
    : options.slots.length === 1
      ? 'Pick a role'
      : 'Pick the role to start from, then the role to reach';
  const picker = createPicker({
    label,
    kinds: ['ROLE'],
    placeholder: 'Type a role…',
    onPick: (role) => {
      if (!picked.some((p) => p.id === role.id) && picked.length < max) {
        picked.push(role);
        redraw();
      }
    },
  });
  pickers.push(picker.element);

  const form = h('form', { class: 'role-form', 'aria-label': options.legend }, h('fieldset', {}, h('legend', { text: options.legend }), chips, picker.element, button));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (picked.length >= min) {
      options.onSubmit(picked);
    }
  });
  redraw();
  return form;
}
