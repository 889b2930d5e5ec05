import type { Prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { z } from "zod";
import type { BudgetScope } from "@/lib/schemas/budgets";

type Tx = Pick<Prisma, "team" | "apiKey">;

/**
 * The stored scope of a budget: teams by id (a slug or an id is accepted),
 * API keys by id. Unknown teams and keys are a 422 naming scope.value.
 */
export async function resolveScope(tx: Tx, orgId: string, scope: z.output<typeof BudgetScope>): Promise<{ scopeType: "org" | "team" | "feature" | "model" | "apiKey"; scopeValue: string | null }> {
  const missing = (what: string) => new AppError("validation_failed", `scope.value: no ${what} '${scope.value}' in this organisation`, [{ path: "scope.value", message: `no such ${what}` }]);
  switch (scope.type) {
    case "org":
      return { scopeType: "org", scopeValue: null };
    case "team": {
      const team = await tx.team.findFirst({ where: { orgId, OR: [{ slug: scope.value!.toLowerCase() }, { id: scope.value! }] }, select: { id: true } });
      if (!team) throw missing("team");
      return { scopeType: "team", scopeValue: team.id };
    }
    case "apiKey": {
      const key = await tx.apiKey.findUnique({ where: { orgId_id: { orgId, id: scope.value! } }, select: { id: true } });
      if (!key) throw missing("API key");
      return { scopeType: "apiKey", scopeValue: key.id };
    }
    default:
      return { scopeType: scope.type, scopeValue: scope.value! };
  }
}
