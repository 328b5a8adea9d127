import { signOutAction, signOutEverywhereAction } from '@/app/login/actions';

const BUTTON =
  'rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';

/** Plain forms so sign-out works before (and without) JavaScript. */
export function SignOutButton() {
  return (
    <div className="flex items-center gap-1">
      <form action={signOutAction}>
        <button type="submit" className={BUTTON}>
          Sign out
        </button>
      </form>
      <form action={signOutEverywhereAction}>
        <button
          type="submit"
          className={BUTTON}
          title="Signs this account out everywhere: every browser, every copied cookie"
        >
          End every session
        </button>
      </form>
    </div>
  );
}
