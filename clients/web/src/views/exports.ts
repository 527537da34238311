/** Export buttons: the API wants the bearer token, so each file is fetched and saved from a Blob. */
import { api, unwrap, type Schemas } from "../api.js";
import { h, setStatus, statusLine } from "../dom.js";

type Dataset = Schemas["ExportDataset"];

const DATASETS: readonly (readonly [Dataset, string])[] = [
  ["sets", "one row per set, with e1RM"],
  ["workouts", "one row per workout"],
  ["pain-scores", "every pain score"],
  ["bodyweights", "every bodyweight entry"],
  ["benchmarks", "best e1RM per lift and day"],
  ["balance", "the balance index at each snapshot"],
];

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallback;
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A section of export buttons for `user` ("me" or a client's id). */
export function exportPanel(user: string, heading = "Export"): HTMLElement {
  const status = statusLine();
  const run = async (button: HTMLButtonElement, fetchFile: () => Promise<[Blob, string]>) => {
    button.disabled = true;
    setStatus(status, `Preparing ${button.dataset.file ?? "the file"}…`);
    try {
      const [blob, filename] = await fetchFile();
      save(blob, filename);
      setStatus(status, `Downloaded ${filename}.`, "ok");
    } catch (err) {
      setStatus(status, err instanceof Error ? err.message : String(err), "error");
    } finally {
      button.disabled = false;
    }
  };

  const csvButton = ([dataset, what]: readonly [Dataset, string]) => {
    const button: HTMLButtonElement = h(
      "button",
      { type: "button", class: "secondary", "data-file": `${dataset}.csv` },
      `${dataset}.csv`,
    );
    button.addEventListener("click", () =>
      void run(button, async () => {
        let name = `backchain-${dataset}.csv`;
        const blob = await unwrap(
          api()
            .GET("/v1/users/{user}/exports/{dataset}.csv", {
              params: { path: { user, dataset } },
              parseAs: "blob",
            })
            .then((answer) => {
              name = filenameOf(answer.response, name);
              return answer;
            }),
          `The ${dataset} export`,
        );
        return [blob as Blob, name];
      }),
    );
    return h("li", {}, button, h("span", { class: "hint" }, what));
  };

  const zip: HTMLButtonElement = h(
    "button",
    { type: "button", "data-file": "the zip" },
    "Everything (.zip)",
  );
  zip.addEventListener("click", () =>
    void run(zip, async () => {
      let name = "backchain-export.zip";
      const blob = await unwrap(
        api()
          .GET("/v1/users/{user}/export.zip", { params: { path: { user } }, parseAs: "blob" })
          .then((answer) => {
            name = filenameOf(answer.response, name);
            return answer;
          }),
        "The zip export",
      );
      return [blob as Blob, name];
    }),
  );

  return h(
    "section",
    { class: "card", "aria-labelledby": `export-${user}` },
    h("h2", { id: `export-${user}` }, heading),
    h("p", {}, "CSV files open in any spreadsheet; the zip holds all of them."),
    h("ul", { class: "exports" }, DATASETS.map(csvButton)),
    h("p", {}, zip),
    status,
  );
}
