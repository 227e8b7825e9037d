/**
 * What one route of the relay's HTTP API is, as both sides need it: its method, its path template, the
 * zod schemas of what it takes (path parameters, query, headers, a JSON body) and of what it answers
 * when it works. The relay declares and serves every route from its contract (relay/api/operation.ts
 * adds only the documentation: summary, tag, error codes), and the extension calls the relay through a
 * client typed from the same contract (extension/background/relay-client.ts), so a path, a body or an
 * answer cannot differ between the two.
 */
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A schema of named values: path parameters, a query, headers. */
export type ObjectSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export interface RouteAnswer {
  status: number;
  /** Absent: the answer has no body (204). */
  schema?: z.ZodType;
  /** @default 'application/json' */
  contentType?: string;
  /** Headers of the answer. */
  headers?: ObjectSchema;
}

export interface RouteContract<P extends string = string> {
  method: HttpMethod;
  /** OpenAPI form: `/v1/profiles/{id}`. */
  path: P;
  /** Needs `Authorization: Bearer <token>`. @default true */
  auth?: boolean;
  /** Path parameters; without them every `{name}` of the path is a string. */
  params?: ObjectSchema;
  query?: ObjectSchema;
  headers?: ObjectSchema;
  /** A JSON body, described as clients send it. */
  body?: { schema: z.ZodType; required?: boolean };
  /** The answer when it works; a few routes have two (200 updated, 201 created). */
  success: RouteAnswer | readonly RouteAnswer[];
}

/** A route's contract, with its literal path and statuses kept for the types below. */
export const route = <const C extends RouteContract>(contract: C): C => contract;

/**
 * `T` without the index signatures of loose objects (`z.looseObject`): the fields a schema documents.
 * A loose view (a message) is documented as allowing more fields, but code on either side uses only
 * those it names, and an answer is checked against them.
 */
export type KnownFields<T> = T extends readonly (infer Item)[] ? KnownFields<Item>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: KnownFields<T[K]> } : T;

/** `{ [key]: item[] }`, the shape of every list the API answers. */
export const listOf = <K extends string, S extends z.ZodType>(key: K, item: S) => z.object({ [key]: z.array(item) } as { [Key in K]: z.ZodArray<S> });

// ------------------------------------------------------------------------------ types for a client

/** `'id' | 'signInId'` for `/v1/profiles/{id}/oauth/sign-ins/{signInId}`. */
export type PathNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathNames<Rest> : never;

/** A route's answers when it works, as a union. */
export type RouteAnswers<C extends RouteContract> = C['success'] extends readonly RouteAnswer[] ? C['success'][number] : C['success'];
type AnswerBody<A> = A extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The statuses a route answers with when it works. */
export type RouteStatus<C extends RouteContract> = RouteAnswers<C> extends { status: infer S extends number } ? S : never;
/** What a route answers when it works; `undefined` for a route without an answer body. */
export type RouteResult<C extends RouteContract> = AnswerBody<RouteAnswers<C>>;

export type RouteParams<C extends RouteContract> = C extends { params: infer S extends z.ZodType } ? z.input<S> : { [Name in PathNames<C['path']>]: string };
type Part<Key extends string, T> = [T] extends [undefined] ? { [K in Key]?: never } : object extends T ? { [K in Key]?: T } : { [K in Key]: T };
type Schema<T> = T extends z.ZodType ? z.input<T> : undefined;
type BodyPart<C extends RouteContract, Also> = C['body'] extends { schema: infer S extends z.ZodType; required: false }
  ? { body?: z.input<S> | Also }
  : C['body'] extends { schema: infer S extends z.ZodType }
    ? { body: z.input<S> | Also }
    : { body?: never };

/**
 * What a call of the route takes: `params` for its path, `query`, `headers` and `body` as the contract
 * says; a client may take `Also` wherever a body goes.
 */
export type RouteInput<C extends RouteContract, Also = never> = (PathNames<C['path']> extends never ? { params?: never } : { params: RouteParams<C> }) &
  Part<'query', Schema<C['query']>> &
  Part<'headers', Schema<C['headers']>> &
  BodyPart<C, Also>;
