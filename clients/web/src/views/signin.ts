import {
  ApiError,
  authErrorText,
  publicApi,
  resumeSignIn,
  signIn,
  takeEndedMessage,
  unwrap,
  type Schemas,
} from "../api.js";
import { field, h, select, setStatus, statusLine } from "../dom.js";
import { fromUnit, UNITS, type Unit } from "../format.js";
import { afterSignIn, type View } from "../router.js";

const SEXES: readonly (readonly [Schemas["Sex"], string])[] = [
  ["unspecified", "Prefer not to say"],
  ["female", "Female"],
  ["male", "Male"],
  ["other", "Other"],
];

function input(attrs: Record<string, string | boolean>): HTMLInputElement {
  return h("input", attrs);
}

export const signInView: View = async (root) => {
  // After a reload the refresh cookie may still hold the session: no password needed.
  if (await resumeSignIn()) {
    afterSignIn();
    return;
  }
  const email = input({ type: "email", name: "email", autocomplete: "username", required: true });
  const password = input({
    type: "password",
    name: "password",
    autocomplete: "current-password",
    required: true,
  });
  const status = statusLine();
  const ended = takeEndedMessage();
  if (ended) setStatus(status, ended, "info");
  const submit = h("button", { type: "submit" }, "Sign in");

  const form = h(
    "form",
    { class: "card narrow", "aria-labelledby": "signin-title" },
    h("h1", { id: "signin-title" }, "Sign in"),
    h("p", { class: "lead" }, "Track strength and pain; see whether your posterior chain is catching up."),
    field("Email", email),
    field("Password", password),
    submit,
    status,
    h("p", {}, "New here? ", h("a", { href: "#/signup" }, "Create an account")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    setStatus(status, "Signing in…");
    signIn(email.value.trim(), password.value)
      .then(() => afterSignIn())
      .catch((err: unknown) => setStatus(status, authErrorText(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });
  root.append(form);
};

export const signUpView: View = (root) => {
  const name = input({ type: "text", name: "display_name", autocomplete: "name", maxlength: "100" });
  const email = input({ type: "email", name: "email", autocomplete: "email", required: true });
  const password = input({
    type: "password",
    name: "password",
    autocomplete: "new-password",
    minlength: "10",
    maxlength: "128",
    required: true,
  });
  const sex = select("sex", SEXES, "unspecified");
  const unit = select("unit_preference", UNITS, "kg");
  const bodyweight = input({
    type: "number",
    name: "bodyweight",
    min: "20",
    max: "400",
    step: "any",
    inputmode: "decimal",
  });
  const bodyweightField = field(
    "Bodyweight (kg)",
    bodyweight,
    "Needed to compare lifts with each other; you can add it later.",
  );
  unit.addEventListener("change", () => {
    const chosen = unit.value as Unit;
    const label = bodyweightField.querySelector("label");
    if (label) label.textContent = `Bodyweight (${chosen})`;
    // 20–400 kg, in the unit chosen.
    bodyweight.min = chosen === "lb" ? "44" : "20";
    bodyweight.max = chosen === "lb" ? "882" : "400";
  });
  const timezone = input({
    type: "text",
    name: "timezone",
    value: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    required: true,
  });
  const status = statusLine();
  const submit = h("button", { type: "submit" }, "Create account");

  const form = h(
    "form",
    { class: "card narrow", "aria-labelledby": "signup-title" },
    h("h1", { id: "signup-title" }, "Create an account"),
    field("Name (shown to your trainer)", name),
    field("Email", email),
    field("Password", password, "At least 10 characters."),
    field("Sex", sex, "Chooses the reference strength norms; “prefer not to say” uses the default table."),
    field("Units", unit, "Weights are shown and entered in this unit; you can change it later."),
    bodyweightField,
    field("Time zone", timezone, "Your calendar days follow this zone."),
    submit,
    status,
    h("p", {}, "Already have an account? ", h("a", { href: "#/signin" }, "Sign in")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    setStatus(status, "Creating your account…");
    const body: Schemas["UserRegister"] = {
      email: email.value.trim(),
      password: password.value,
      sex: sex.value as Schemas["Sex"],
      timezone: timezone.value.trim() || "UTC",
      unit_preference: unit.value as Unit,
    };
    if (name.value.trim()) body.display_name = name.value.trim();
    if (bodyweight.value) body.bodyweight_kg = fromUnit(Number(bodyweight.value), unit.value as Unit);
    unwrap(publicApi().POST("/v1/auth/register", { body }), "Registration")
      .then(() => signIn(body.email, body.password))
      .then(() => afterSignIn())
      .catch((err: unknown) =>
        setStatus(status, err instanceof ApiError ? err.message : authErrorText(err), "error"),
      )
      .finally(() => {
        submit.disabled = false;
      });
  });
  root.append(form);
};
