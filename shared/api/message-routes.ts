/** The contract of sending and of the message history. */
import { z } from 'zod';
import { zMessageView, zSendAcceptedView } from '../api-schemas';
import { zMessageInput } from '../schemas';
import { listOf, route } from './route-contract';

export const MESSAGE_ROUTES = {
  send: route({
    method: 'post',
    path: '/v1/messages',
    headers: z.object({
      'idempotency-key': z.string().optional().meta({ description: 'Repeat it to retry the same request without sending twice (1 to 200 visible ASCII characters).' }),
    }),
    body: { schema: zMessageInput },
    success: {
      status: 202,
      schema: zSendAcceptedView,
      headers: z.object({ 'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'The answer to an earlier request with this key.' }) }),
    },
  }),
  getMessage: route({ method: 'get', path: '/v1/messages/{id}', success: { status: 200, schema: zMessageView } }),
  listMessages: route({
    method: 'get',
    path: '/v1/messages',
    query: z.object({
      documentRef: z.string().optional().meta({ description: 'Only messages of this document' }),
      limit: z.coerce.number().int().min(1).max(200).optional().meta({ description: '1 to 200, default 50' }),
    }),
    success: { status: 200, schema: listOf('messages', zMessageView) },
  }),
};
