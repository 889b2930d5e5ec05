import { prisma } from "@/lib/db";
import { verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string };

/**
 * Email + password sign-in. Only users with a membership may sign in. A
 * missing user still costs one hash, so timing does not reveal who exists.
 */
export async function authorizeCredentials(email: unknown, password: unknown): Promise<SignedInUser | null> {
  if (typeof email !== "string" || typeof password !== "string" || !email || !password) return null;
  const user = await prisma().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    omit: { passwordHash: false },
    include: { memberships: { select: { orgId: true }, take: 1 } },
  });
  const stored = user?.passwordHash ?? "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$" + "A".repeat(86);
  const valid = await verifyPassword(password, stored);
  if (!user || !valid || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** OIDC sign-in is accepted only for an existing member with that email. */
export async function findMemberByEmail(email: string | null | undefined): Promise<SignedInUser | null> {
  if (!email) return null;
  const user = await prisma().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { memberships: { select: { orgId: true }, take: 1 } },
  });
  if (!user || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, name: user.name };
}
