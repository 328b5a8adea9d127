import { z } from 'zod';

export const API_KEY_PATTERN = /^[a-z0-9]{24}$/;
export const API_KEY_FORMAT_MESSAGE = 'An API key is 24 lowercase letters and digits';

export const signInSchema = z.object({
  // Trimmed: a key pasted with a trailing newline or space is still the same key.
  apiKey: z.string().trim().regex(API_KEY_PATTERN, API_KEY_FORMAT_MESSAGE),
  endpointId: z.string().min(1, 'Choose an endpoint'),
});

export type SignInInput = z.output<typeof signInSchema>;
