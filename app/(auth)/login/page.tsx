import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oidcEnabled } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { signInWithOidc, signInWithPassword } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "The email or password is not right, or this account has no access to an organisation.",
  AccessDenied: "This account has no access to an organisation. Ask an admin to invite you.",
};

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { error, callbackUrl = "/" } = await searchParams;
  if (await getViewer()) redirect(callbackUrl.startsWith("/") ? callbackUrl : "/");
  const message = error ? (ERRORS[error] ?? "Sign-in failed. Please try again.") : null;
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Sign in to AI FinOps</h1>
        {message && (
          <p className="error-text" data-testid="login-error">
            {message}
          </p>
        )}
        <form action={signInWithPassword}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <button className="btn btn-primary" type="submit">
            Sign in
          </button>
        </form>
        {oidcEnabled() && (
          <>
            <div className="divider">or</div>
            <form action={signInWithOidc}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button className="btn" type="submit">
                Continue with single sign-on
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
