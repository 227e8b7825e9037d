/**
 * Every route of the relay's HTTP API by name (shared/api/route-contract.ts says what a route's
 * contract holds). The relay serves each one from its entry here (relay/routes/*, through
 * relay/api/operation.ts); the extension calls them by name (extension/background/relay-client.ts).
 */
import { COMPANY_ROUTES } from './company-routes';
import { MESSAGE_ROUTES } from './message-routes';
import { PEOPLE_ROUTES } from './people-routes';
import { RELAY_ROUTES } from './relay-routes';
import { SENDER_ROUTES } from './sender-routes';

export const RELAY_CONTRACT = { ...SENDER_ROUTES, ...MESSAGE_ROUTES, ...PEOPLE_ROUTES, ...COMPANY_ROUTES, ...RELAY_ROUTES };
export type RelayContract = typeof RELAY_CONTRACT;
export type RouteName = keyof RelayContract;
