/**
 * The schemas `/openapi.json` names in `components.schemas`: the contract's zod schemas (shared/),
 * each with its name and what it is. A route that uses one refers to it (`$ref`) instead of
 * repeating it.
 */
import { z } from '@hono/zod-openapi';
import {
  zAppPasswordInput,
  zAppPasswordView,
  zCustomerInput,
  zCustomerView,
  zDeviceView,
  zDiscoveryResult,
  zErrorBody,
  zHealthResponse,
  zMeView,
  zMessageView,
  zNewAppPasswordView,
  zPairingCodeView,
  zPairResponse,
  zPersonInput,
  zProfileView,
  zSendAcceptedView,
  zUserPatch,
  zUserView,
  zUserWithAllowancesView,
} from '../../shared/api-schemas';
import { zDiagnoseRequest, zDiagnosisResult, zProfileTestRequest } from '../../shared/diagnosis-schemas';
import { zOAuthProvidersView, zOAuthSignInComplete, zOAuthSignInStart, zOAuthSignInView } from '../../shared/oauth-schemas';
import { zRecipeInput, zRecipeView } from '../../shared/recipe-schemas';
import { zDeliverySettings, zDeliverySettingsView, zMessageInput, zPairRequest, zProfileInput, zProfilePatch } from '../../shared/schemas';
import { zTemplateInput, zTemplateList, zTemplateView } from '../../shared/template-schemas';

/** The named schemas by the contract's schema they name: a route's contract (shared/api/) holds the latter. */
const COMPONENTS = new Map<z.ZodType, z.ZodType>();

/**
 * `schema` named `name` in the document. Called through the prototype: zod 4 gives each schema its
 * methods when it is made, so a schema of shared/ made before @hono/zod-openapi added `.openapi()`
 * to zod does not have it. `.openapi()` returns a copy; a route whose contract holds `schema` is
 * described with the copy (`documented()`).
 */
const named = <S extends z.ZodType>(schema: S, name: string, description: string): S => {
  const component = z.ZodType.prototype.openapi.call(schema, name, { description }) as S;
  COMPONENTS.set(schema, component);
  return component;
};

export const ErrorSchema = named(zErrorBody, 'Error', 'Every error: a stable `code` to branch on, a message, and often a hint.');
export const Health = named(zHealthResponse, 'Health', 'The relay is up.');

export const PairRequest = named(zPairRequest, 'PairRequest', 'A pairing code from `ownpost pair <email>`.');
export const PairResponse = named(zPairResponse, 'PairResponse', 'The device token (keep it secret) and its user.');
export const User = named(zUserView, 'User', 'A user of this relay.');
export const Me = named(zMeView, 'Me', 'The current user; for admins also the reminders that need them (client secrets about to expire).');
export const UserWithAllowances = named(zUserWithAllowancesView, 'UserWithAllowances', 'A user and the senders an admin allowed them.');
export const UserPatch = named(zUserPatch, 'UserPatch', 'What an admin may change about a user.');
export const PersonInput = named(zPersonInput, 'PersonInput', 'A person to add: their address, name and role (`member` unless said).');
export const PairingCode = named(zPairingCodeView, 'PairingCode', 'A one-time pairing code (60 bits; works once, for 10 minutes).');
export const Device = named(zDeviceView, 'Device', "A paired browser or a script's token (the token itself is never shown again).");

export const ProfileInput = named(zProfileInput, 'ProfileInput', 'A new sender profile. The password is write-only: it is encrypted at rest and never returned.');
export const ProfilePatch = named(zProfilePatch, 'ProfilePatch', 'Changes to a sender profile; absent fields keep their value, `null` removes an optional one.');
export const Profile = named(zProfileView, 'Profile', 'A sender profile as the API shows it (`hasPassword` instead of the password).');
export const DeliverySettingsInput = named(zDeliverySettings, 'DeliverySettingsInput', "A sender's delivery settings; absent fields use the defaults.");
export const DeliverySettings = named(zDeliverySettingsView, 'DeliverySettings', 'Delivery settings as set, and what delivery really uses.');
export const DiscoveryResult = named(zDiscoveryResult, 'DiscoveryResult', 'Suggested server settings for an address.');
export const DiagnoseRequest = named(zDiagnoseRequest, 'DiagnoseRequest', 'Server settings to test before saving them, and where the test message goes.');
export const ProfileTestRequest = named(zProfileTestRequest, 'ProfileTestRequest', 'Where the test message of a saved sender goes.');
export const DiagnosisResult = named(zDiagnosisResult, 'DiagnosisResult', 'Every stage of the test and, when one failed, the problem and its fix.');

export const OAuthSignInStart = named(zOAuthSignInStart, 'OAuthSignInStart', "Google only: the extension's redirect URL.");
export const OAuthSignInComplete = named(zOAuthSignInComplete, 'OAuthSignInComplete', 'The URL the provider redirected to.');
export const OAuthSignIn = named(zOAuthSignInView, 'OAuthSignIn', 'A delegated OAuth2 sign-in and how far it got.');
export const OAuthProviders = named(zOAuthProvidersView, 'OAuthProviders', 'For which providers the relay has its own app registration.');

export const MessageInput = named(zMessageInput, 'MessageInput', 'A message to send through a sender profile.');
export const Message = named(zMessageView, 'Message', 'A message and its delivery status.');
export const SendAccepted = named(zSendAcceptedView, 'SendAccepted', 'A send taken into the outbox (committed to disk).');

export const TemplateInput = named(zTemplateInput, 'TemplateInput', 'A subject and message; `[…]` marks a phrase left out when a value inside it is missing.');
export const Template = named(zTemplateView, 'Template', 'A message template as it applies to the caller, with the company’s and their own underneath.');
export const TemplateList = named(zTemplateList, 'TemplateList', 'Every document kind in every language.');

export const RecipeInput = named(zRecipeInput, 'RecipeInput', "A recipe: where the send button goes on a site and where the document's fields are.");
export const Recipe = named(zRecipeView, 'Recipe', 'A company recipe and who published it.');

export const AppPasswordInput = named(zAppPasswordInput, 'AppPasswordInput', 'A name for a new app password (the app it is for).');
export const AppPassword = named(zAppPasswordView, 'AppPassword', 'An app password for the SMTP front door; the password itself is never shown again.');
export const NewAppPassword = named(
  zNewAppPasswordView,
  'NewAppPassword',
  "A new app password: `password` is in this answer only. In the app, the SMTP username is `username` (the user's e-mail address).",
);

export const CustomerInput = named(zCustomerInput, 'CustomerInput', 'A customer of the company and the addresses its documents go to.');
export const Customer = named(zCustomerView, 'Customer', "An entry of the company's customer directory.");

/**
 * How the document shows a schema of a route's contract: as its named component (`$ref`), a list of
 * them (`{ profiles: Profile[] }`, shared/api/route-contract.ts `listOf`) with its items named, else as
 * it is.
 */
export function documented(schema: z.ZodType): z.ZodType {
  const component = COMPONENTS.get(schema);
  if (component) return component;
  if (schema instanceof z.ZodObject) {
    const entries = Object.entries(schema.shape as Record<string, z.ZodType>);
    const [key, value] = entries[0] ?? [];
    if (entries.length === 1 && key && value instanceof z.ZodArray && COMPONENTS.has(value.element as z.ZodType)) {
      return z.object({ [key]: z.array(COMPONENTS.get(value.element as z.ZodType)!) });
    }
  }
  return schema;
}
