/** Hash routes (#/clients/…): the static server needs no fallback and reloads keep the view. */

export interface ViewContext {
  /** Route parameters, e.g. `{ id }` of `#/clients/:id`. */
  params: Record<string, string>;
  /** Called when the user leaves the view (charts, timers). */
  onDispose(dispose: () => void): void;
  /** Whether the user has already left this view (an answer arrived late). */
  readonly stale: boolean;
}

export type View = (root: HTMLElement, ctx: ViewContext) => Promise<void> | void;

export interface Route {
  path: string;
  view: View;
  /** Needs a signed-in user. */
  auth: boolean;
}

export function matchRoute(
  routes: readonly Route[],
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const names: string[] = [];
    const pattern = route.path.replace(/:(\w+)/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match) {
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? "");
      });
      return { route, params };
    }
  }
  return undefined;
}

export function currentPath(): string {
  const path = window.location.hash.replace(/^#/, "");
  return path.startsWith("/") ? path : "/";
}

export function navigate(path: string): void {
  if (currentPath() === path) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else window.location.hash = `#${path}`;
}

let pendingPath: string | null = null;

/** Where to go after signing in (the view that asked for a session). */
export function rememberTarget(path: string): void {
  pendingPath = path;
}

export function afterSignIn(): void {
  const target = pendingPath ?? "/";
  pendingPath = null;
  navigate(target);
}
