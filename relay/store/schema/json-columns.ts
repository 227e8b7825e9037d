/**
 * The store's JSON columns, each with one schema: read once, when a row leaves the database, so callers get typed records, never text
 * to parse; a stored value not of its column's shape is a StoredDataError. Schemas of values a domain module owns live beside their types.
 */
import { z } from 'zod';
import type { zRecipeInput } from '../../../shared/recipe-schemas';
import { deliverySettingsDataSchema } from '../../delivery/delivery-settings';
import { messageSummarySchema } from '../../delivery/message-summary';
import { signInDetailsSchema, signInResultSchema, signInSealedSchema } from '../../oauth/sign-in-data';
import { grantStateSchema, profileDataSchema, sealedSecretsSchema } from '../../profiles/profile-data';
import { StoredDataError } from '../store-errors';

interface JsonColumn<T> {
  read(text: string, where: string): T;
  write(value: T): string;
}

const NOT_JSON = Symbol('not JSON');
/** How many texts a remembered column keeps; it forgets them all when full. */
const REMEMBERED_TEXTS = 256;

/**
 * `remember`: for a column read at every accepted send, a text read before is not validated again (the schemas check every address:
 * a tenth of the store's share of an accept). Keyed by the whole text, so a changed row is read afresh; the value is shared, so frozen
 * all the way down.
 */
function jsonColumn<T>(schema: z.ZodType<T>, { remember = false } = {}): JsonColumn<T> {
  const remembered = new Map<string, T>();
  const parse = (text: string, where: string): T => {
    let json: unknown = NOT_JSON;
    try {
      json = JSON.parse(text);
    } catch {
      // A schema with a fallback (`.catch`) still reads it.
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw new StoredDataError(where, json === NOT_JSON ? 'it is not JSON' : parsed.error.issues.map((i) => `${i.path.join('.') || 'the value'}: ${i.message}`).join('; '));
  };
  return {
    read(text, where) {
      if (!remember) return parse(text, where);
      const known = remembered.get(text);
      if (known !== undefined) return known;
      const value = deepFreeze(parse(text, where));
      if (remembered.size >= REMEMBERED_TEXTS) remembered.clear();
      remembered.set(text, value);
      return value;
    },
    write: (value) => JSON.stringify(value),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

const envelopeSchema = z.object({
  from: z.string(),
  to: z.array(z.string()),
  /**
   * The bytes are not 7-bit (an SMTP front-door message sent as 8bit): delivery announces BODY=8BITMIME
   * (RFC 6152). Optional, so rows written before it read as they were; older relays ignore it.
   */
  eightBit: z.literal(true).optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

const fallbackSchema = z.object({ fromProfileId: z.string(), reason: z.string().optional(), code: z.string().optional(), problemCode: z.string().optional(), fromProfileName: z.string().optional() });
/** The message goes out through another profile than the one asked for. */
export type MessageFallback = z.infer<typeof fallbackSchema>;

/** `recipes.data` in a format this relay knows. */
export type RecipeData = z.output<typeof zRecipeInput>;
/** Loose: a recipe published under older rules is shown as it was published. */
const recipeDataSchema = z.looseObject({ formatVersion: z.number(), name: z.string(), urlPattern: z.string(), fields: z.record(z.string(), z.string()) }).transform((data) => data as RecipeData);

const rememberedSealedSecrets = jsonColumn(sealedSecretsSchema, { remember: true });

/** Every JSON column, by table. */
export const JSON_COLUMNS = {
  // An OAuth2 grant state that cannot be read (another version) means "sign in again".
  profiles: { data: jsonColumn(profileDataSchema, { remember: true }), secrets: rememberedSealedSecrets, oauthState: jsonColumn(grantStateSchema.nullable().catch(null)) },
  profile_delivery_settings: { data: jsonColumn(deliverySettingsDataSchema, { remember: true }), secrets: rememberedSealedSecrets },
  oauth_access_tokens: { secrets: jsonColumn(sealedSecretsSchema) },
  oauth_sign_ins: { sealed: jsonColumn(signInSealedSchema), details: jsonColumn(signInDetailsSchema), result: jsonColumn(signInResultSchema) },
  messages: {
    envelope: jsonColumn(envelopeSchema),
    summary: jsonColumn(messageSummarySchema),
    fallback: jsonColumn(fallbackSchema),
    documents: jsonColumn(z.array(z.object({ ref: z.string(), title: z.string().optional() }))),
  },
  recipes: { data: jsonColumn(recipeDataSchema) },
  customers: { recipients: jsonColumn(z.array(z.string())) },
} satisfies Record<string, Record<string, JsonColumn<unknown>>>;

type JsonTable = keyof typeof JSON_COLUMNS;

/** A row as written: the JSON columns of `T` as text. */
export type Written<T extends JsonTable, R> = { [K in keyof R]: K extends keyof (typeof JSON_COLUMNS)[T] ? string | Extract<R[K], null | undefined> : R[K] };

/** A row of `table` as the store returns it, its JSON columns read in place (null stays null): `row` is the caller's to change. */
export function readRow<R>(table: JsonTable, row: object, id: unknown = (row as { id?: unknown }).id): R {
  const out = row as Record<string, unknown>;
  for (const [name, column] of Object.entries(JSON_COLUMNS[table]) as [string, JsonColumn<unknown>][]) {
    const text = out[name];
    if (typeof text === 'string') out[name] = column.read(text, `${table}.${name} of ${String(id)}`);
  }
  return out as R;
}

/** A row (or part of one) of `table` as it is written: its JSON columns as JSON (null stays null). */
export function writeRow<T extends JsonTable, R extends object>(table: T, row: R): Written<T, R> {
  const out = { ...row } as Record<string, unknown>;
  for (const [name, column] of Object.entries(JSON_COLUMNS[table]) as [string, JsonColumn<unknown>][]) {
    if (out[name] !== undefined && out[name] !== null) out[name] = column.write(out[name]);
  }
  return out as Written<T, R>;
}
