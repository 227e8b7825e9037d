import type { z } from 'zod';
import type { ExtensionResponses, zExtensionRequest } from '../../shared/extension-messages';
import type { Runtime } from '../lib/browser';

/** A message to the background as it is once validated (defaults filled in). */
export type ValidRequest = z.output<typeof zExtensionRequest>;
export type RequestType = ValidRequest['type'];
export type RequestOf<T extends RequestType> = Extract<ValidRequest, { type: T }>;

/** Answers one message type: its request in, the answer shared/extension-messages.ts declares for it out. */
export type RequestHandler<T extends RequestType> = (request: RequestOf<T>, sender: Runtime.MessageSender) => ExtensionResponses[T] | Promise<ExtensionResponses[T]>;

/** A handler for every message type of `T` (all of them by default), so a missing one fails to compile. */
export type RequestHandlers<T extends RequestType = RequestType> = { [K in T]: RequestHandler<K> };
