/** One statement's rows, and its first row (@olp/persistence; the names this service's queries use). */
export { queryRows as rows, queryRow as row } from '@olp/persistence';
