/** The contract of what a company shares on its relay: the customer directory, recipes, message templates. */
import { z } from 'zod';
import { zCustomerInput, zCustomerView } from '../api-schemas';
import { zRecipeInput, zRecipeView } from '../recipe-schemas';
import { zTemplateInput, zTemplateKey, zTemplateList, zTemplateScope, zTemplateView } from '../template-schemas';
import { listOf, route } from './route-contract';

const templateQuery = z.object({
  scope: zTemplateScope.optional().meta({ description: '`company` (admins; the default for them) or `personal` (your own version; the default for members).' }),
});

export const COMPANY_ROUTES = {
  findCustomers: route({
    method: 'get',
    path: '/v1/customers',
    query: z.object({
      number: z.string().optional().meta({ description: 'The customer number as the document shows it (spaces, `#`, `-` do not matter)' }),
      name: z.string().optional().meta({ description: "The customer's name (case and spacing do not matter); give this or `number`" }),
    }),
    success: { status: 200, schema: listOf('customers', zCustomerView) },
  }),
  rememberCustomer: route({
    method: 'put',
    path: '/v1/customers',
    body: { schema: zCustomerInput },
    success: [
      { status: 200, schema: zCustomerView },
      { status: 201, schema: zCustomerView },
    ],
  }),
  correctCustomer: route({ method: 'put', path: '/v1/customers/{id}', body: { schema: zCustomerInput }, success: { status: 200, schema: zCustomerView } }),
  forgetCustomer: route({ method: 'delete', path: '/v1/customers/{id}', success: { status: 204 } }),

  listRecipes: route({ method: 'get', path: '/v1/recipes', success: { status: 200, schema: listOf('recipes', zRecipeView) } }),
  publishRecipe: route({ method: 'post', path: '/v1/recipes', body: { schema: zRecipeInput }, success: { status: 201, schema: zRecipeView } }),
  deleteRecipe: route({ method: 'delete', path: '/v1/recipes/{id}', success: { status: 204 } }),

  listTemplates: route({ method: 'get', path: '/v1/templates', success: { status: 200, schema: zTemplateList } }),
  putTemplate: route({
    method: 'put',
    path: '/v1/templates/{kind}/{language}',
    params: zTemplateKey,
    query: templateQuery,
    body: { schema: zTemplateInput },
    success: { status: 200, schema: zTemplateView },
  }),
  resetTemplate: route({
    method: 'delete',
    path: '/v1/templates/{kind}/{language}',
    params: zTemplateKey,
    query: templateQuery,
    success: { status: 200, schema: zTemplateView },
  }),
};
