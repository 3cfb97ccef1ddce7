import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/auth/form-data";

describe("formDataToObject", () => {
  it("keeps single fields as strings and makes checkbox groups arrays", () => {
    const f = new FormData();
    f.append("name", "Asha");
    f.append("roles[]", "admin");
    f.append("roles[]", "auditor");
    f.append("scopes[]", "members:read");
    expect(formDataToObject(f)).toEqual({ name: "Asha", roles: ["admin", "auditor"], scopes: ["members:read"] });
  });

  it("turns a repeated plain name into an array and drops React's action fields and files", () => {
    const f = new FormData();
    f.append("tag", "a");
    f.append("tag", "b");
    f.append("$ACTION_ID_abc", "");
    f.append("upload", new Blob(["x"]), "x.csv");
    expect(formDataToObject(f)).toEqual({ tag: ["a", "b"] });
  });
});
