'use server';

import { z } from 'zod';
import { defineJsonAction } from '@/lib/action';
import { getPricing } from '@/lib/cost/pricing';

/** Prices, burn and credits for the cost estimates (no key, no ids: figures only). */
export const loadPricingAction = defineJsonAction(
  z.object({}),
  async (_input, { conn }) => getPricing(conn),
  { permission: 'catalog.read' },
);
