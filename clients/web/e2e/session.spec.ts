/**
 * The session survives a reload: the access token lives in memory only, the refresh token in an
 * HttpOnly, Secure, SameSite=Strict cookie scoped to /v1/auth that the page cannot read (Chromium
 * treats http://127.0.0.1 as a secure context, so the Secure cookie is kept and sent). Signing out
 * revokes the sign-in and clears the cookie.
 */
import { expect, test } from "@playwright/test";

import { appUrl, origin, PHONE, settled } from "./helpers.js";

const run = Date.now().toString(36);
/** The cookie's path: `context.cookies(url)` lists only the cookies a request to `url` would send. */
const authUrl = (): string => `${origin()}/v1/auth/token`;
const user = { name: "Rae Reload", email: `rae-${run}@example.com`, password: "reload safe horse" };

test("a signed-in athlete reloads and is still signed in; signing out ends it", async ({ browser, request }) => {
  const registered = await request.post(`${origin()}/v1/auth/register`, {
    data: { email: user.email, password: user.password, display_name: user.name },
  });
  expect(registered.status()).toBe(201);

  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(String(err)));

  await page.goto(appUrl());
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `${user.name}’s dashboard` })).toBeVisible();
  await settled(page);

  // The refresh token is in the cookie jar, out of the page's reach; nothing in storage.
  const [cookie] = (await context.cookies(authUrl())).filter((c) => c.name === "backchain_refresh");
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/v1/auth" });
  expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
  const stored = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  expect(stored).toEqual({ local: 0, session: 0, cookie: "" });

  // A reload on another view: signed in again through the cookie, on the same view.
  await page.goto(appUrl("/data"));
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  const refreshed = page.waitForResponse(
    (r) => r.url().endsWith("/v1/auth/token") && r.request().postData() === "grant_type=refresh_token",
  );
  await page.reload();
  expect((await refreshed).status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in" })).toHaveCount(0);
  const [rotated] = (await context.cookies(authUrl())).filter((c) => c.name === "backchain_refresh");
  expect(rotated?.value).not.toBe(cookie?.value);

  // Signing out revokes the sign-in and clears the cookie: a reload asks for the password.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect.poll(async () => (await context.cookies(authUrl())).map((c) => c.name)).not.toContain("backchain_refresh");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // The revoked token is dead for good, even if someone had copied it.
  const replayed = await request.post(`${origin()}/v1/auth/token`, {
    form: { grant_type: "refresh_token", refresh_token: rotated?.value ?? "" },
  });
  expect(replayed.status()).toBe(400);
  expect(await replayed.json()).toMatchObject({ error: "invalid_grant" });

  expect(errors, "uncaught errors in the page").toEqual([]);
  await context.close();
});
