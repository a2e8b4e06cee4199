// What completion offers beyond the contract itself: IANA zone names (from Intl) and the holiday
// countries of date-holidays, loaded the first time they are asked for (it costs ~90 ms).

import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { CompletionSources } from './handlers/completion';

export function defaultSources(): CompletionSources {
  let zones: string[] | undefined;
  let countries: Record<string, string> | undefined;
  return {
    zones: () => (zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]),
    countries: () => {
      if (!countries) {
        const required = createRequire(import.meta.url)('date-holidays') as typeof Holidays | { default: typeof Holidays };
        const H = typeof required === 'function' ? required : required.default;
        countries = new H().getCountries('en');
      }
      return countries;
    },
  };
}
