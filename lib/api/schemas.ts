import { z } from "zod";

/** Schemas shared by several endpoint modules (an endpoint module exports only endpoints). */
export const memberRef = z.string().min(1).max(140).meta({ description: "A member id, or `ext:<external_id>`.", example: "ext:CUST-10042" });
