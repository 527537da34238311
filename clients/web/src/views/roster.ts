/** The trainer's roster (sorted by flags, each flag explained) and invitations. */
import { api, unwrap, type Schemas } from "../api.js";
import { field, h, replace, select, setStatus, statusLine } from "../dom.js";
import { ago, BAND_LABEL, dateTime, FLAG_LABEL, num, regionLabel, shownFlags } from "../format.js";
import type { View, ViewContext } from "../router.js";
import { volumeBandText } from "./volume.js";

type RosterEntry = Schemas["RosterEntry"];
type RosterSort = Schemas["RosterSort"];
type Invitation = Schemas["InvitationRead"];

const SORTS: readonly (readonly [RosterSort, string])[] = [
  ["flags", "Most flags first"],
  ["name", "Name"],
  ["last_workout", "Last workout"],
  ["balance", "Balance index"],
];

export const rosterView: View = async (root, ctx) => {
  const [roster, invitations] = await Promise.all([
    unwrap(api().GET("/v1/trainer/clients", { params: { query: { sort: "flags", limit: 500 } } }), "The roster"),
    unwrap(api().GET("/v1/trainer/invitations"), "The invitations"),
  ]);
  const list = h("div", { class: "roster" });
  const sort = select("sort", SORTS, "flags");
  sort.addEventListener("change", () => {
    unwrap(
      api().GET("/v1/trainer/clients", {
        params: { query: { sort: sort.value as RosterSort, limit: 500 } },
      }),
      "The roster",
    )
      .then((page) => {
        if (!ctx.stale) replace(list, rosterItems(page.items));
      })
      .catch((err: unknown) => replace(list, h("p", { class: "status error" }, String(err))));
  });
  replace(list, rosterItems(roster.items));

  root.append(
    h("h1", {}, "Clients"),
    h(
      "section",
      { class: "card", "aria-labelledby": "roster-title" },
      h("div", { class: "view-head" }, h("h2", { id: "roster-title" }, `Roster (${roster.items.length})`), field("Sort by", sort)),
      list,
    ),
    invitationsCard(ctx, invitations.items),
  );
};

function rosterItems(items: RosterEntry[]): HTMLElement | HTMLElement[] {
  if (!items.length) {
    return h("p", {}, "No clients yet. Create an invitation below and give the code to your client.");
  }
  return h("ul", { class: "roster-list" }, items.map(rosterItem));
}

function rosterItem(entry: RosterEntry): HTMLElement {
  const name = entry.client.display_name ?? "Unnamed client";
  const balance = entry.balance;
  const pain = entry.pain;
  const href = `#/clients/${encodeURIComponent(entry.client.id)}`;
  const flags = shownFlags(entry.flag_details, entry.last_workout_at);
  return h(
    "li",
    { class: `roster-item${flags.length ? " flagged" : ""}` },
    h(
      "div",
      { class: "roster-head" },
      h("h3", {}, h("a", { href }, name)),
      h(
        "span",
        { class: "flag-count" },
        flags.length ? `${flags.length} flag${flags.length === 1 ? "" : "s"}` : "no flags",
      ),
    ),
    flags.length
      ? h(
          "ul",
          { class: "flag-list", "aria-label": `Flags of ${name}` },
          flags.map((flag) =>
            h("li", {}, h("span", { class: `flag flag-${flag.code}` }, FLAG_LABEL[flag.code]), " ", flag.detail),
          ),
        )
      : null,
    h(
      "dl",
      { class: "pairs compact" },
      h("dt", {}, "Strength balance"),
      h(
        "dd",
        {},
        balance.index === null || balance.index === undefined
          ? "not yet"
          : `${num(balance.index)} ${balance.band ? BAND_LABEL[balance.band].toLowerCase() : ""}` +
              (balance.direction_4w ? `, ${balance.direction_4w.replace(/_/g, " ")}` : ""),
      ),
      h("dt", {}, "Volume balance"),
      h("dd", { "data-testid": "roster-volume" }, volumeBandText(balance.volume_band, balance.volume_marked)),
      h("dt", {}, "Pain, last 7 days"),
      h(
        "dd",
        {},
        pain.max_last_7d === null || pain.max_last_7d === undefined
          ? "none logged"
          : `max ${pain.max_last_7d}/10` +
              (pain.region_of_max ? ` (${regionLabel(pain.region_of_max).toLowerCase()})` : "") +
              (pain.rising ? ", rising" : ""),
      ),
      h("dt", {}, "Last workout"),
      h("dd", {}, ago(entry.last_workout_at)),
      h("dt", {}, "Workouts, 28 days"),
      h("dd", {}, String(entry.adherence)),
    ),
    h(
      "p",
      { class: "actions" },
      h("a", { href, class: "button secondary", "aria-label": `Open dashboard: ${name}` }, "Open dashboard"),
      entry.can_log
        ? h("a", { href: `${href}/log`, class: "button secondary", "aria-label": `Log a session for ${name}` }, "Log a session")
        : null,
    ),
  );
}

// ------------------------------------------------------------------ invitations

function invitationsCard(ctx: ViewContext, initial: Invitation[]): HTMLElement {
  const note = h("input", { type: "text", name: "note", maxlength: "500", placeholder: "e.g. Tuesday group" });
  const canLog = h("input", { type: "checkbox", name: "can_log", id: "invite-can-log" });
  const days = h("input", { type: "number", name: "expires_in_days", min: "1", max: "30", value: "7", inputmode: "numeric" });
  const status = statusLine();
  const codeBox = h("div", { class: "code-box", hidden: true });
  const list = h("ul", { class: "invitation-list" });
  const submit = h("button", { type: "submit" }, "Create invitation");

  const refresh = async (): Promise<void> => {
    const page = await unwrap(api().GET("/v1/trainer/invitations"), "The invitations");
    if (!ctx.stale) renderList(page.items);
  };

  const renderList = (items: Invitation[]): void => {
    if (!items.length) {
      replace(list, h("li", { class: "empty" }, "No invitations yet."));
      return;
    }
    replace(
      list,
      items.map((inv) => {
        const label = inv.note ? `“${inv.note}”` : "Invitation";
        const revoke =
          inv.status === "pending"
            ? h("button", { type: "button", class: "secondary danger", "aria-label": `Revoke ${label}` }, "Revoke")
            : null;
        revoke?.addEventListener("click", () => {
          revoke.disabled = true;
          unwrap(
            api().DELETE("/v1/trainer/invitations/{invitation_id}", {
              params: { path: { invitation_id: inv.id } },
            }),
            "Revoking",
          )
            .then(() => {
              setStatus(status, `Revoked ${label}.`, "ok");
              return refresh();
            })
            .catch((err: unknown) => setStatus(status, String(err), "error"));
        });
        return h(
          "li",
          { class: `invitation status-${inv.status}` },
          h("span", { class: "inv-label" }, label),
          h("span", { class: `pill pill-${inv.status}` }, inv.status),
          h(
            "span",
            { class: "hint" },
            `${inv.can_log ? "may log" : "read only"} · ${inv.status === "pending" ? "expires" : "created"} ${dateTime(inv.status === "pending" ? inv.expires_at : inv.created_at)}`,
          ),
          revoke,
        );
      }),
    );
  };
  renderList(initial);

  const showCode = (code: string): void => {
    const copy = h("button", { type: "button" }, "Copy code");
    const copied = h("span", { class: "status", role: "status", "aria-live": "polite" });
    const codeEl = h("code", { class: "code", "data-testid": "invitation-code" }, code);
    copy.addEventListener("click", () => {
      copyText(code, codeEl)
        .then((ok) => setStatus(copied, ok ? "Copied." : "Select the code and copy it.", ok ? "ok" : "info"))
        .catch(() => setStatus(copied, "Select the code and copy it.", "info"));
    });
    replace(
      codeBox,
      h("p", {}, h("strong", {}, "Give this code to your client."), " It is shown only once; they enter it under Account → Trainers."),
      h("p", { class: "code-row" }, codeEl, copy),
      copied,
    );
    codeBox.hidden = false;
  };

  const form = h(
    "form",
    { class: "invite-form" },
    field("Note (optional)", note),
    field("Valid for (days)", days),
    h("div", { class: "check" }, canLog, h("label", { for: canLog.id }, "Ask to log workouts for this client")),
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    const body: Schemas["InvitationCreate"] = {
      can_log: canLog.checked,
      expires_in_days: Number(days.value) || 7,
    };
    if (note.value.trim()) body.note = note.value.trim();
    unwrap(api().POST("/v1/trainer/invitations", { body }), "Creating the invitation")
      .then((created) => {
        showCode(created.code);
        setStatus(status, "Invitation created.", "ok");
        note.value = "";
        return refresh();
      })
      .catch((err: unknown) => setStatus(status, err instanceof Error ? err.message : String(err), "error"))
      .finally(() => {
        submit.disabled = false;
      });
  });

  return h(
    "section",
    { class: "card", "aria-labelledby": "invite-title" },
    h("h2", { id: "invite-title" }, "Invitations"),
    h("p", {}, "Invite a client: they accept with the code and can end the link at any time."),
    form,
    codeBox,
    status,
    h("h3", {}, "Sent invitations"),
    list,
  );
}

async function copyText(text: string, fallbackTarget: HTMLElement): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return true;
  }
  // Plain http on another host: select the code so the user can copy it.
  const range = document.createRange();
  range.selectNodeContents(fallbackTarget);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return document.execCommand("copy");
}
