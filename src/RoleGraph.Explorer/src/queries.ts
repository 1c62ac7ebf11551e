// Every GraphQL document the page can send, one per view, kept as .graphql files so that the integration tests
// validate exactly these texts against the served schema (tests/RoleGraph.IntegrationTests/Explorer).
import search from './queries/search.graphql?raw';
import neighbourhood from './queries/neighbourhood.graphql?raw';
import compare from './queries/compare.graphql?raw';
import connect from './queries/connect.graphql?raw';
import similar from './queries/similar.graphql?raw';
import gap from './queries/gap.graphql?raw';

export const Queries = { search, neighbourhood, compare, connect, similar, gap } as const;

export type QueryName = keyof typeof Queries;
