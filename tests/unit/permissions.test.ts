import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES, sectionsFor } from "@/lib/auth/permissions";

describe("permission map", () => {
  describe("auditor", () => {
    it("reads everything and changes nothing", () => {
      for (const p of PERMISSIONS) expect(can(["auditor"], p)).toBe(p.endsWith(":read"));
    });
    it("sees every section", () => {
      expect(sectionsFor(["auditor"]).map((s) => s.label)).toEqual([
        "Offers", "Programmes", "Partners", "Point blocks", "Members", "Segments", "Reports", "Settings",
      ]);
    });
  });

  describe("sections per role", () => {
    it.each([
      ["admin", ["Reports", "Settings"]],
      ["program_manager", ["Offers", "Programmes", "Partners", "Members", "Segments", "Reports"]],
      ["partner_manager", ["Offers", "Programmes", "Partners", "Point blocks", "Members", "Segments", "Reports"]],
      ["member_care", ["Offers", "Programmes", "Partners", "Members", "Approvals"]],
    ] as const)("%s sees %j", (role, labels) => {
      expect(sectionsFor([role]).map((s) => s.label)).toEqual(labels);
    });
  });

  describe("who may change what", () => {
    it("only admins manage users and API keys", () => {
      for (const role of ROLES) {
        expect(can([role], "users:write")).toBe(role === "admin");
        expect(can([role], "api_keys:write")).toBe(role === "admin");
        expect(can([role], "settings:write")).toBe(role === "admin");
        expect(can([role], "settings:read")).toBe(role === "admin" || role === "auditor");
      }
    });
    it("only admins run jobs; auditors see them", () => {
      expect(ROLES.filter((r) => can([r], "jobs:run"))).toEqual(["admin"]);
      expect(ROLES.filter((r) => can([r], "jobs:read"))).toEqual(["admin", "auditor"]);
    });
    it("only program managers change segments; partner managers and auditors read them", () => {
      expect(ROLES.filter((r) => can([r], "segments:write"))).toEqual(["program_manager"]);
      expect(ROLES.filter((r) => can([r], "segments:read"))).toEqual(["program_manager", "partner_manager", "auditor"]);
    });
    it("only partner managers approve point blocks, only program managers approve offers", () => {
      expect(ROLES.filter((r) => can([r], "point_blocks:approve"))).toEqual(["partner_manager"]);
      expect(ROLES.filter((r) => can([r], "offers:approve"))).toEqual(["program_manager"]);
    });
  });

  describe("edge cases", () => {
    it("grants nothing to no roles or unknown roles", () => {
      expect(permissionsOf([]).size).toBe(0);
      expect(permissionsOf(["superuser", "ADMIN"]).size).toBe(0);
      expect(sectionsFor([])).toEqual([]);
    });
    it("unions the permissions of several roles", () => {
      const both = permissionsOf(["member_care", "partner_manager"]);
      for (const p of [...ROLE_PERMISSIONS.member_care, ...ROLE_PERMISSIONS.partner_manager]) expect(both.has(p)).toBe(true);
      expect(both.has("users:write")).toBe(false);
    });
  });
});
