/** Profile (bodyweight, sex, time zone) and trainers (accept a code, allow logging, end a link). */
import { api, me, setMe, unwrap, type Schemas } from "../api.js";
import { field, h, replace, select, setStatus, statusLine } from "../dom.js";
import { dateTime, fromUnit, unitInputValue, UNITS, type Unit } from "../format.js";
import type { View, ViewContext } from "../router.js";

type TrainerLink = Schemas["TrainerLinkRead"];

export const accountView: View = async (root, ctx) => {
  const trainers = await unwrap(api().GET("/v1/users/me/trainers"), "Your trainers");
  root.append(h("h1", {}, "Account"), h("div", { class: "grid" }, profileCard(), trainersCard(ctx, trainers.items)));
};

function profileCard(): HTMLElement {
  const user = me();
  const name = h("input", { type: "text", name: "display_name", maxlength: "100", value: user.display_name ?? "" });
  const sex = select(
    "sex",
    [
      ["unspecified", "Prefer not to say"],
      ["female", "Female"],
      ["male", "Male"],
      ["other", "Other"],
    ],
    user.sex,
  );
  const unit = select("unit_preference", UNITS, user.unit_preference);
  let shown: Unit = user.unit_preference;
  const bodyweight = h("input", {
    type: "number",
    name: "bodyweight",
    min: "0",
    step: "any",
    inputmode: "decimal",
    value: unitInputValue(user.bodyweight_kg, shown),
  });
  const bodyweightField = field(
    `Bodyweight (${shown})`,
    bodyweight,
    "Used when no bodyweight entry is near a set.",
  );
  // Switching the unit converts what is in the field, so nothing is saved in the wrong unit.
  unit.addEventListener("change", () => {
    const next = unit.value as Unit;
    if (bodyweight.value) bodyweight.value = unitInputValue(fromUnit(Number(bodyweight.value), shown), next);
    shown = next;
    const label = bodyweightField.querySelector("label");
    if (label) label.textContent = `Bodyweight (${next})`;
  });
  const timezone = h("input", { type: "text", name: "timezone", value: user.timezone, required: true });
  const status = statusLine();
  const submit = h("button", { type: "submit" }, "Save profile");
  const form = h(
    "form",
    { class: "card", "aria-labelledby": "profile-title" },
    h("h2", { id: "profile-title" }, "Profile"),
    h("p", { class: "hint" }, `Signed in as ${user.email}.`),
    field("Name", name),
    field("Sex", sex, "Chooses the reference strength norms."),
    field("Units", unit, "Weights are shown and entered in this unit."),
    bodyweightField,
    field("Time zone", timezone, "IANA name, e.g. Europe/Berlin."),
    submit,
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body: Schemas["UserUpdate"] = {
      display_name: name.value.trim() || null,
      sex: sex.value as Schemas["Sex"],
      timezone: timezone.value.trim(),
      unit_preference: shown,
      bodyweight_kg: !bodyweight.value
        ? null
        : bodyweight.value === unitInputValue(user.bodyweight_kg, shown)
          ? user.bodyweight_kg // untouched: no rounding drift through the other unit
          : fromUnit(Number(bodyweight.value), shown),
    };
    submit.disabled = true;
    unwrap(api().PATCH("/v1/users/me", { body }), "Saving the profile")
      .then((updated) => {
        setMe(updated);
        setStatus(status, "Profile saved.", "ok");
      })
      .catch((err: unknown) => setStatus(status, err instanceof Error ? err.message : String(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}

function trainersCard(ctx: ViewContext, initial: TrainerLink[]): HTMLElement {
  const code = h("input", { type: "text", name: "code", required: true, autocomplete: "off", spellcheck: "false" });
  const status = statusLine();
  const list = h("ul", { class: "trainer-list" });
  const submit = h("button", { type: "submit" }, "Accept invitation");

  const refresh = async (): Promise<void> => {
    const page = await unwrap(api().GET("/v1/users/me/trainers"), "Your trainers");
    if (!ctx.stale) render(page.items);
  };

  const render = (items: TrainerLink[]): void => {
    if (!items.length) {
      replace(list, h("li", { class: "empty" }, "No trainer can see your data."));
      return;
    }
    replace(
      list,
      items.map((link) => {
        const name = link.trainer.display_name ?? "Your trainer";
        const allow = h("input", { type: "checkbox", checked: link.can_log });
        allow.id = `can-log-${link.trainer.id}`;
        allow.addEventListener("change", () => {
          unwrap(
            api().PATCH("/v1/users/me/trainers/{trainer_id}", {
              params: { path: { trainer_id: link.trainer.id } },
              body: { can_log: allow.checked },
            }),
            "Changing the permission",
          )
            .then(() => setStatus(status, `${name} ${allow.checked ? "may now log" : "may no longer log"} for you.`, "ok"))
            .catch((err: unknown) => setStatus(status, String(err), "error"));
        });
        const end = h("button", { type: "button", class: "secondary danger" }, `End link with ${name}`);
        end.addEventListener("click", () => {
          end.disabled = true;
          unwrap(
            api().DELETE("/v1/users/me/trainers/{trainer_id}", { params: { path: { trainer_id: link.trainer.id } } }),
            "Ending the link",
          )
            .then(() => {
              setStatus(status, `${name} can no longer see your data.`, "ok");
              return refresh();
            })
            .catch((err: unknown) => setStatus(status, String(err), "error"));
        });
        return h(
          "li",
          { class: "trainer" },
          h("strong", {}, name),
          h("span", { class: "hint" }, ` since ${dateTime(link.since)}`),
          h("div", { class: "check" }, allow, h("label", { for: allow.id }, `Allow ${name} to log workouts for me`)),
          end,
        );
      }),
    );
  };
  render(initial);

  const form = h(
    "form",
    { class: "accept-form" },
    field("Invitation code", code, "From your trainer; it works once."),
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    unwrap(api().POST("/v1/users/me/trainers", { body: { code: code.value.trim() } }), "Accepting the invitation")
      .then((link) => {
        setStatus(status, `You are now linked with ${link.trainer.display_name ?? "your trainer"}.`, "ok");
        code.value = "";
        return refresh();
      })
      .catch((err: unknown) => setStatus(status, err instanceof Error ? err.message : String(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });

  return h(
    "section",
    { class: "card", "aria-labelledby": "trainers-title" },
    h("h2", { id: "trainers-title" }, "Trainers"),
    h("p", {}, "A linked trainer can read your workouts, pain and balance; you see every access in the access log."),
    form,
    status,
    list,
  );
}
