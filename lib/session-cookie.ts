/** The session cookie's name; separate from lib/session.ts so proxy.ts can read it without iron-session. */
export const SESSION_COOKIE_NAME = 'gandi_panel_session';
