import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { playerView } from "../../src/pages/player-view.js";
import { renderClubPage } from "../../src/pages/render-club-page.js";
import { renderIndexPage, renderMessagePage } from "../../src/pages/render-index-page.js";
import { renderPlayerPage } from "../../src/pages/render-player-page.js";
import { htmlProblems } from "../helpers/html-check.js";
import { at, buildRumour, buildSighting, HOSTILE, kimSightings, tiers } from "../helpers/page-fixtures.js";

const now = Date.parse(at(14));
const kimPage = (lang: "it" | "en" = "en") => {
  const inter = buildRumour({
    club: "Inter",
    stage: "collapsed",
    history: [
      { stage: "interest", at: at(12, 9) },
      { stage: "collapsed", at: at(13, 9) },
    ],
  });
  const view = playerView(
    [buildRumour(), inter],
    new Map([
      ["Milan", kimSightings],
      ["Inter", [buildSighting({ stage: "interest", at: at(12, 9) })]],
    ]),
    tiers,
    now,
  );
  return renderPlayerPage(view!, lang);
};
const dom = (page: string) => parseHTML(page).document;
const cells = (row: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }) =>
  [...row.querySelectorAll("td")].map((td) => td.textContent?.trim());

describe("renderPlayerPage", () => {
  it("should be a well-formed page for a phone, in the language asked", () => {
    expect(htmlProblems(kimPage("en"))).toEqual([]);
    expect(htmlProblems(kimPage("it"))).toEqual([]);
    expect(dom(kimPage("it")).documentElement.getAttribute("lang")).toBe("it");
  });

  it("should draw one lane per club and one dot per article above the tables", () => {
    const doc = dom(kimPage());
    const svg = doc.querySelector("svg.timeline");
    expect(svg).not.toBeNull();
    const lanes = [...doc.querySelectorAll("svg.timeline g.lane")];
    expect(lanes.map((g) => g.getAttribute("data-club"))).toEqual(["Milan", "Inter"]);
    expect(lanes.map((g) => g.querySelectorAll("circle.dot").length)).toEqual([3, 1]);
    // The stage is the dot's colour and height: the agreement sits above the talks.
    const [talks, , agreement] = [...lanes[0]!.querySelectorAll("circle.dot")];
    expect(Number(agreement?.getAttribute("cy"))).toBeLessThan(Number(talks?.getAttribute("cy")));
    expect(agreement?.getAttribute("fill")).not.toBe(talks?.getAttribute("fill"));
    const order = [...doc.querySelectorAll("svg.timeline, table.days")].map((e) => e.tagName.toLowerCase());
    expect(order[0]).toBe("svg");
  });

  it("should list each club's days: stage, outlets with their count, cited sources with tier, evidence", () => {
    const doc = dom(kimPage());
    const milan = doc.querySelector('section.link[data-club="Milan"]')!;
    expect(milan.querySelector("h2")?.textContent).toContain("agreement");
    expect(milan.querySelector(".badge")?.textContent).toBe("alive");
    const rows = [...milan.querySelectorAll("table.days tbody tr")];
    expect(cells(rows[0]!).slice(0, 4)).toEqual([
      "12 Jan 2026",
      "talks",
      "2: Radar Milano, Mercato Live",
      "Sport Bild (tier 1), Tuttosport (tier 2)",
    ]);
    expect(cells(rows[1]!)[1]).toBe("agreement");
    const move = rows[1]!.querySelector(".move");
    expect(move?.querySelector("blockquote")?.textContent).toBe("«trovato l'accordo»");
    expect(move?.querySelector("a")?.getAttribute("href")).toBe("https://radar.test/kim-3");
    const inter = doc.querySelector('section.link[data-club="Inter"]')!;
    expect(inter.querySelector(".badge")?.textContent).toBe("collapsed");
  });

  it("should speak Italian when asked", () => {
    const doc = dom(kimPage("it"));
    const milan = doc.querySelector('section.link[data-club="Milan"]')!;
    expect(milan.querySelector("h2")?.textContent).toContain("accordo");
    expect(milan.querySelector(".badge")?.textContent).toBe("viva");
    expect(doc.querySelector("h2")?.textContent).toBe("Cronologia");
    expect(cells(milan.querySelectorAll("table.days tbody tr")[0]!)[0]).toBe("12 gen 2026");
    // Club names as Italian fans write them, like the chats do.
    expect(doc.querySelector(".sub")?.textContent).toBe("Squadra: Bayern Monaco");
    expect(dom(kimPage("en")).querySelector(".sub")?.textContent).toBe("Club: Bayern Munich");
  });

  it("should escape every feed string and link no script URL", () => {
    const rumour = buildRumour({
      playerName: HOSTILE.title,
      playerClub: HOSTILE.outlet,
      club: HOSTILE.club,
      outlets: [HOSTILE.outlet, HOSTILE.title],
      cited: [HOSTILE.club],
      history: [
        { stage: "talks", at: at(12), url: HOSTILE.url, evidence: HOSTILE.evidence, outlet: HOSTILE.title },
      ],
    });
    const sighting = buildSighting({ outlet: HOSTILE.title, url: HOSTILE.url, cited: [HOSTILE.evidence] });
    const page = renderPlayerPage(
      playerView([rumour], new Map([[HOSTILE.club, [sighting]]]), tiers, now)!,
      "en",
    );
    expect(htmlProblems(page)).toEqual([]);
    const doc = dom(page);
    expect(doc.querySelectorAll("script, img")).toHaveLength(0);
    expect(doc.querySelector("h1")?.textContent).toBe(HOSTILE.title);
    expect(doc.querySelector(".sub")?.textContent).toContain("@everyone");
    expect(doc.querySelector("blockquote")?.textContent).toBe(`«${HOSTILE.evidence}»`);
    expect(doc.querySelector("section.link")?.getAttribute("data-club")).toBe(HOSTILE.club);
    expect([...doc.querySelectorAll("a")].map((a) => a.getAttribute("href"))).not.toContain(HOSTILE.url);
  });
});

describe("renderClubPage", () => {
  const incoming = [
    buildRumour({ playerKey: "a", playerName: "Alpha", stage: "talks", lastSeen: at(10) }),
    buildRumour({ playerKey: "b", playerName: "Beta", stage: "talks", lastSeen: at(13) }),
    buildRumour({ playerKey: "c", playerName: "Gamma", stage: "official", lastSeen: at(2) }),
  ];
  const outgoing = [
    buildRumour({ playerKey: "t", playerName: "Tomori", playerClub: "Milan", club: "Chelsea" }),
  ];
  const page = renderClubPage({ name: "Milan", slug: "milan", incoming, outgoing }, "en", now);

  it("should group rumours by stage, furthest first, most recent first, each linking its player page", () => {
    expect(htmlProblems(page)).toEqual([]);
    const doc = dom(page);
    const inSection = doc.querySelector("section.incoming")!;
    expect([...inSection.querySelectorAll("h3")].map((h) => h.textContent)).toEqual(["official", "talks"]);
    expect([...inSection.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "/p/c?lang=en",
      "/p/b?lang=en",
      "/p/a?lang=en",
    ]);
    expect(doc.querySelector("section.incoming li")?.querySelector(".badge")?.textContent).toBe("stale");
    expect(doc.querySelector("section.outgoing li")?.textContent).toContain("Tomori → Chelsea");
  });

  it("should escape the club and player names", () => {
    const hostile = renderClubPage(
      { name: HOSTILE.club, slug: "x", incoming: [buildRumour({ playerName: HOSTILE.title })], outgoing: [] },
      "it",
      now,
    );
    expect(htmlProblems(hostile)).toEqual([]);
    expect(dom(hostile).querySelector("h1")?.textContent).toBe(HOSTILE.club);
  });
});

describe("renderIndexPage", () => {
  it("should list the players in the news with their article counts", () => {
    const page = renderIndexPage(
      [
        { key: "kim-min-jae", name: "Kim Min-Jae", articles: 4 },
        { key: "x", name: HOSTILE.title, articles: 1 },
      ],
      "it",
    );
    expect(htmlProblems(page)).toEqual([]);
    const items = [...dom(page).querySelectorAll("ol.players li")].map((li) => li.textContent);
    expect(items).toEqual(["Kim Min-Jae · 4 articoli", `${HOSTILE.title} · 1 articolo`]);
    expect(htmlProblems(renderIndexPage([], "en"))).toEqual([]);
    expect(htmlProblems(renderMessagePage("Not <found>", "en"))).toEqual([]);
  });
});
