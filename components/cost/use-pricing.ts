'use client';

import { useEffect, useState } from 'react';
import type { Pricing } from '@/lib/cost/pricing';
import { loadPricingAction } from './actions';

export type PricingState = { status: 'loading' } | Pricing;

const UNAVAILABLE: Pricing = { status: 'unknown', reason: 'The price list could not be loaded.' };

// Forms mounted together (a disk page has several) share one request.
let inFlight: Promise<Pricing> | null = null;

function fetchPricing(): Promise<Pricing> {
  inFlight ??= loadPricingAction({})
    .then((state) => (state.status === 'ok' ? state.data : UNAVAILABLE))
    .catch(() => UNAVAILABLE)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** The account's prices, burn and credits, loaded when the form appears (fresh after each change). */
export function usePricing(initial?: Pricing): PricingState {
  const [state, setState] = useState<PricingState>(initial ?? { status: 'loading' });
  useEffect(() => {
    if (initial) return;
    let live = true;
    void fetchPricing().then((pricing) => {
      if (live) setState(pricing);
    });
    return () => {
      live = false;
    };
  }, [initial]);
  return state;
}
