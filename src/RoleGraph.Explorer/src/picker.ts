import { runQuery } from './api';
import { h } from './dom';
import { KindStyles, type Kind } from './kinds';
import { rememberName } from './names';

export interface Picked {
  id: string;
  name: string;
  kind: Kind;
}

interface SearchAnswer {
  search: { kind: Kind; match: string; matchedText: string; node: { id: string; name: string } }[] | null;
}

let pickerCount = 0;

/**
 * A search-as-you-type combobox (the WAI-ARIA combobox pattern: the input keeps focus, arrows move through the
 * options, Enter picks, Escape closes). Each pause in typing sends the search query.
 */
export function createPicker(options: {
  label: string;
  kinds?: Kind[];
  placeholder?: string;
  onPick: (picked: Picked) => void;
  onResults?: (hits: Picked[], text: string) => void;
  onSend?: (variables: Record<string, unknown>) => void;
}): { element: HTMLElement; input: HTMLInputElement } {
  const id = `picker-${++pickerCount}`;
  const input = h('input', {
    id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    placeholder: options.placeholder ?? 'Type a name…',
  });
  const list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'options', 'aria-label': options.label, hidden: true });
  const element = h('div', { class: 'picker' }, h('label', { for: id, text: options.label }), input, list);

  let hits: Picked[] = [];
  let active = -1;
  let timer: number | undefined;
  let inFlight: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-option-${index}`);
      (list.children[index] as HTMLElement).scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) {
      return;
    }
    close();
    input.value = '';
    options.onPick(hit);
  };

  const search = async (text: string) => {
    inFlight?.abort();
    if (!text.trim()) {
      hits = [];
      list.replaceChildren();
      close();
      options.onResults?.([], text);
      return;
    }
    inFlight = new AbortController();
    try {
      const variables = { text, kinds: options.kinds ?? null };
      options.onSend?.(variables);
      const answer = await runQuery<SearchAnswer>('search', variables, inFlight.signal);
      hits = (answer.search ?? []).map((hit) => ({ id: hit.node.id, name: hit.node.name, kind: hit.kind }));
      hits.forEach((hit) => rememberName(hit.id, hit.name));
      list.replaceChildren(
        ...hits.map((hit, i) => {
          const li = h(
            'li',
            { id: `${id}-option-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.id },
            h('span', { class: `kind kind-${hit.kind.toLowerCase()}`, 'aria-hidden': 'true', text: KindStyles[hit.kind].symbol }),
            ` ${hit.name} `,
            h('span', { class: 'muted', text: KindStyles[hit.kind].label }),
          );
          li.addEventListener('mousedown', (event) => {
            event.preventDefault();
            pick(i);
          });
          return li;
        }),
      );
      if (hits.length === 0) {
        list.append(h('li', { class: 'muted', role: 'option', 'aria-disabled': 'true', text: `Nothing matches “${text}”.` }));
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(hits.length ? 0 : -1);
      options.onResults?.(hits, text);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') {
        list.replaceChildren(h('li', { class: 'error', role: 'option', 'aria-disabled': 'true', text: String((error as Error).message) }));
        list.hidden = false;
      }
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(input.value), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      if (list.hidden) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      highlight((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));

  return { element, input };
}
