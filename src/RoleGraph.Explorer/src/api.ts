import { Queries, type QueryName } from './queries';

/** The query a view sent last, shown beneath it with "copy" and "open in IDE". */
export interface SentQuery {
  name: QueryName;
  document: string;
  variables: Record<string, unknown>;
}

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** A GraphQL answer with errors, told as one line per error with its code and path. */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}${e.path ? ` at ${e.path.join('.')}` : ''}: ${e.message}`).join('\n'));
  }
}

// Relative to the page (served at <base>/explore/), so a service mounted under a path base still works.
export const endpoint = new URL('../graphql', document.baseURI).toString();
export const ideUrl = new URL('../graphql/', document.baseURI).toString();

/** The URL of the same query as a GraphQL-over-HTTP GET, which a browser can open to see the raw JSON. */
export function getUrl(sent: SentQuery): string {
  const url = new URL(endpoint);
  url.searchParams.set('query', sent.document);
  url.searchParams.set('variables', JSON.stringify(sent.variables));
  return url.toString();
}

export async function runQuery<T>(name: QueryName, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: Queries[name], variables }),
    signal,
  });
  let body: { data?: T; errors?: GraphQLError[] };
  try {
    body = await response.json();
  } catch {
    throw new Error(`The service answered ${response.status} ${response.statusText} without a GraphQL result.`);
  }

  if (body.errors?.length) {
    throw new GraphQLRequestError(body.errors);
  }

  if (!body.data) {
    throw new Error(`The service answered ${response.status} without data.`);
  }

  return body.data;
}
