import "./styles.css";

import { ApiError, onSessionChange, SessionEnded, sessionEndedUnasked, signedIn, signOut } from "./api.js";
import { h, replace } from "./dom.js";
import {
  currentPath,
  matchRoute,
  navigate,
  rememberTarget,
  type Route,
  type ViewContext,
} from "./router.js";
import { accountView } from "./views/account.js";
import { athleteView, clientView } from "./views/athlete.js";
import { dataView } from "./views/data.js";
import { logView } from "./views/log.js";
import { rosterView } from "./views/roster.js";
import { signInView, signUpView } from "./views/signin.js";

const routes: Route[] = [
  { path: "/signin", view: signInView, auth: false },
  { path: "/signup", view: signUpView, auth: false },
  { path: "/", view: athleteView, auth: true },
  { path: "/log", view: logView, auth: true },
  { path: "/clients", view: rosterView, auth: true },
  { path: "/clients/:id", view: clientView, auth: true },
  { path: "/clients/:id/log", view: logView, auth: true },
  { path: "/data", view: dataView, auth: true },
  { path: "/account", view: accountView, auth: true },
];

const NAV: readonly (readonly [path: string, label: string])[] = [
  ["/", "Dashboard"],
  ["/log", "Log"],
  ["/clients", "Clients"],
  ["/data", "Data"],
  ["/account", "Account"],
];

const main = h("main", { id: "main", tabindex: "-1" });
const nav = h("nav", { "aria-label": "Main" });
const skip = h(
  "a",
  {
    class: "skip",
    href: "#main",
    onclick: ((event: Event) => {
      event.preventDefault();
      main.focus();
    }) as EventListener,
  },
  "Skip to content",
);
const header = h(
  "header",
  { class: "top" },
  h("a", { class: "brand", href: "#/" }, h("span", { "aria-hidden": "true" }, "◧ "), "Backchain"),
  nav,
);
replace(document.body, skip, header, main);

function renderNav(path: string): void {
  if (!signedIn()) {
    replace(nav);
    return;
  }
  const section = path === "/" ? "/" : `/${path.split("/")[1] ?? ""}`;
  replace(
    nav,
    h(
      "ul",
      {},
      NAV.map(([target, label]) =>
        h(
          "li",
          {},
          h("a", { href: `#${target}`, "aria-current": target === section ? "page" : null }, label),
        ),
      ),
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: () => void signOut(),
          },
          "Sign out",
        ),
      ),
    ),
  );
}

let disposers: (() => void)[] = [];
let generation = 0;

async function render(): Promise<void> {
  for (const dispose of disposers) dispose();
  disposers = [];
  generation += 1;
  const mine = generation;
  const path = currentPath();
  const matched = matchRoute(routes, path);
  if (!matched) {
    navigate(signedIn() ? "/" : "/signin");
    return;
  }
  if (matched.route.auth && !signedIn()) {
    rememberTarget(path);
    navigate("/signin");
    return;
  }
  if (!matched.route.auth && signedIn()) {
    navigate("/");
    return;
  }
  renderNav(path);
  replace(main, h("p", { class: "loading" }, "Loading…"));
  main.setAttribute("aria-busy", "true");
  const ctx: ViewContext = {
    params: matched.params,
    onDispose: (dispose) => disposers.push(dispose),
    get stale() {
      return mine !== generation;
    },
  };
  const root = h("div", { class: "view" });
  try {
    await matched.route.view(root, ctx);
    if (ctx.stale) return;
    replace(main, root);
  } catch (err) {
    if (ctx.stale) return;
    if (err instanceof SessionEnded) {
      rememberTarget(path);
      navigate("/signin");
      return;
    }
    const message = err instanceof ApiError || err instanceof Error ? err.message : String(err);
    replace(
      main,
      h("h1", { tabindex: "-1" }, "Something went wrong"),
      h("p", { class: "status error", role: "alert" }, message),
      h("p", {}, h("a", { href: "#/" }, "Back to the dashboard")),
    );
  } finally {
    if (!ctx.stale) main.removeAttribute("aria-busy");
  }
  const heading = main.querySelector("h1");
  document.title = heading ? `${heading.textContent ?? ""} · Backchain` : "Backchain";
  if (document.activeElement === document.body || !main.contains(document.activeElement)) {
    heading?.setAttribute("tabindex", "-1");
    heading?.focus({ preventScroll: true });
  }
}

onSessionChange(() => {
  const path = currentPath();
  renderNav(path);
  if (signedIn() || !matchRoute(routes, path)?.route.auth) return;
  // Signed out (or the refresh token was refused) on a page that needs a session.
  if (sessionEndedUnasked()) rememberTarget(path);
  navigate("/signin");
});
window.addEventListener("hashchange", () => void render());
void render();
