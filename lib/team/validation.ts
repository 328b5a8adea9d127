import { z } from 'zod';
import { API_KEY_FORMAT_MESSAGE, API_KEY_PATTERN } from '@/lib/validation/auth';
import { INVITABLE_ROLES } from './roles';

const email = z.email('Enter an email address').trim().toLowerCase().max(254);
/** Long enough to resist guessing; no composition rules (NIST 800-63B). */
const newPassword = z.string().min(12, 'At least 12 characters').max(200, 'At most 200 characters');

export const teamSignInSchema = z.object({
  // Sign-in names the workspace (its sign-in link carries it): one email, one workspace.
  workspace: z.uuid('Use your team’s sign-in link, or paste its workspace ID'),
  email,
  password: z.string().min(1, 'Enter your password').max(200),
});

export const createWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the workspace').max(80),
    email,
    password: newPassword,
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'The passwords differ',
  });

export const replaceKeySchema = z.object({
  apiKey: z.string().trim().regex(API_KEY_PATTERN, API_KEY_FORMAT_MESSAGE),
});

export const inviteSchema = z.object({
  email,
  role: z.enum(INVITABLE_ROLES, 'Choose a role'),
});

export const memberIdSchema = z.object({ member_id: z.string().min(1).max(64) });

export const changeRoleSchema = memberIdSchema.extend({
  role: z.enum(INVITABLE_ROLES, 'Choose a role'),
});

export const acceptInviteSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'The passwords differ',
  });

export const inviteIdSchema = z.object({ invite_id: z.string().min(1).max(64) });
