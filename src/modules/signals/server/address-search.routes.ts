import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AddressIdParams, AddressPoint, AddressSuggestions, AddressSuggestionsQuery } from '../contract.js';
import { lookupAddress, suggestAddresses, type AddressSearchDeps } from './address-search.service.js';

/**
 * Searches per user per minute (docs/limits.md). Typing asks about once per pause (the form waits 250 ms),
 * so 60 is generous for a person and stops a script from using us as a free geocoder.
 */
export const ADDRESS_SEARCHES_PER_MINUTE = 60;

/** Address search for the register form: only for who may register a signal. 404 when not configured. */
export async function addressSearchRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = (): AddressSearchDeps => ({ baseUrl: app.ctx.config.addressSearchUrl });
  const rateLimit = { max: ADDRESS_SEARCHES_PER_MINUTE, timeWindow: 60_000 };

  typed.get(
    '/api/v1/address-suggestions',
    {
      config: { access: 'signals.create', rateLimit },
      schema: { tags: ['signals'], summary: 'Addresses and streets matching typed text, from the configured address search (PDOK Locatieserver)', querystring: AddressSuggestionsQuery, response: { 200: AddressSuggestions } },
    },
    async (request) => suggestAddresses(deps(), request.query.q),
  );
  typed.get(
    '/api/v1/address-suggestions/:id',
    {
      config: { access: 'signals.create', rateLimit },
      schema: { tags: ['signals'], summary: 'The point (WGS84) of a suggested address and the buurt it lies in', params: AddressIdParams, response: { 200: AddressPoint } },
    },
    async (request) => lookupAddress(deps(), request.db, request.params.id),
  );
}
