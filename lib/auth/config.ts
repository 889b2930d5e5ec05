// next-auth: email + password, optional OIDC, JWT sessions. The token holds
// only the user id; role, organisation and teams are read from the database
// on every request (lib/auth/viewer.ts), so a revoked role takes effect at once.
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { oidcConfig } from "@/lib/env";
import { authorizeCredentials, findMemberByEmail } from "./authorize-credentials";

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => authorizeCredentials(credentials?.email, credentials?.password),
    }),
  ];
  const oidc = oidcConfig();
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  pages: { signIn: "/login", error: "/login" },
  providers: providers(),
  logger: {
    // a wrong password is not a server error: keep the log quiet about it
    error: (error) => {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      return (await findMemberByEmail(user.email)) !== null;
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === "oidc") {
        const member = await findMemberByEmail(user.email);
        if (member) token.sub = member.id;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

export function oidcEnabled(): boolean {
  return oidcConfig() !== null;
}
