-- CreateIndex
CREATE INDEX "reservations_org_id_trace_id_idx" ON "reservations"("org_id", "trace_id");
