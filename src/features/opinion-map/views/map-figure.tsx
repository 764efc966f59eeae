import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Table } from "../../../core/views/components/table/table.js";
import { usePage } from "../../../core/views/context.js";
import { groupLabel, type Statement } from "../queries.js";
import type { MapSnapshot } from "../snapshot.js";

const percent = (n: number) => Math.round(n * 100);

/** The SVG map: one hull per group, the participants as dots, each group's letter at its centre. */
function MapSvg({ snapshot }: { snapshot: MapSnapshot }) {
  const { t } = usePage();
  const [minX, minY, maxX, maxY] = snapshot.bounds;
  const pad = Math.max(maxX - minX, maxY - minY, 1) * 0.08;
  const viewBox = [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad]
    .map((n) => n.toFixed(3))
    .join(" ");
  const unit = Math.max(maxX - minX, maxY - minY, 1) / 100;
  return (
    <svg
      class="sh-opinion-map__svg"
      viewBox={viewBox}
      role="img"
      aria-labelledby="opinion-map-svg-title"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id="opinion-map-svg-title">
        {t("opinion-map.map.svgTitle", { groups: snapshot.groups.length, count: snapshot.included })}
      </title>
      {snapshot.groups.map((g) => {
        const hullClass = `sh-opinion-map__hull sh-opinion-map__hull--${g.id % 5}`;
        if (g.hull.length >= 3)
          return (
            <polygon
              key={`hull-${g.id}`}
              class={hullClass}
              points={g.hull.map(([x, y]) => `${x},${y}`).join(" ")}
              stroke-width={unit * 0.6}
            />
          );
        // Everyone in the group sits on one or two spots: a disc around them stands for the hull.
        const radius =
          Math.max(0, ...g.hull.map(([x, y]) => Math.hypot(x - g.centre[0], y - g.centre[1]))) + unit * 4;
        return (
          <circle
            key={`hull-${g.id}`}
            class={hullClass}
            cx={g.centre[0]}
            cy={g.centre[1]}
            r={radius}
            stroke-width={unit * 0.6}
          />
        );
      })}
      {snapshot.points.map(([x, y, g], i) => (
        <circle
          key={i}
          class={`sh-opinion-map__dot sh-opinion-map__dot--${g < 0 ? "none" : g % 5}`}
          cx={x}
          cy={y}
          r={unit * 0.9}
        />
      ))}
      {snapshot.groups.map((g) => (
        <text
          key={`label-${g.id}`}
          class="sh-opinion-map__label"
          x={g.centre[0]}
          y={g.centre[1]}
          font-size={unit * 7}
          text-anchor="middle"
          dominant-baseline="middle"
        >
          {groupLabel(g.id)}
        </text>
      ))}
    </svg>
  );
}

/**
 * The map with its accessible alternative (a table of the groups), each group's representative
 * statements and the consensus statements. Used on the opinion map page and in the synthesis.
 */
export function MapFigure({
  snapshot,
  statements,
  headingLevel = 2,
}: {
  snapshot: MapSnapshot;
  statements: Statement[];
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = usePage();
  const H = `h${headingLevel}` as "h2";
  const H2 = `h${headingLevel + 1}` as "h3";
  const text = (id: string) => {
    const s = statements.find((x) => x.id === id);
    return s ? pickLocalized(s.body as LocalizedText, locale).text : "";
  };
  const figures = new Map(snapshot.statements.map((s) => [s.id, s]));
  return (
    <div class="sh-opinion-map">
      <H class="sh-heading-m">{t("opinion-map.map.title")}</H>
      <p class="sh-body-text">
        {t("opinion-map.map.summary", {
          count: snapshot.participants,
          included: snapshot.included,
          groups: snapshot.groups.length,
        })}
      </p>
      {snapshot.groups.length > 0 && (
        <figure class="sh-opinion-map__figure">
          <MapSvg snapshot={snapshot} />
          <figcaption class="sh-hint">{t("opinion-map.map.caption")}</figcaption>
        </figure>
      )}
      {snapshot.groups.length > 0 && (
        <Table
          id="opinion-map-groups"
          caption={t("opinion-map.groups.caption")}
          head={[
            { text: t("opinion-map.groups.group") },
            { text: t("opinion-map.groups.people"), numeric: true },
            { text: t("opinion-map.groups.share"), numeric: true },
          ]}
          firstCellIsHeader
          rows={snapshot.groups.map((g) => [
            t("opinion-map.groups.name", { label: groupLabel(g.id) }),
            String(g.size),
            `${percent(g.size / Math.max(snapshot.included, 1))}%`,
          ])}
        />
      )}
      {snapshot.groups.map((g) => (
        <section key={g.id} class="sh-opinion-map__group" aria-labelledby={`opinion-group-${g.id}`}>
          <H2 id={`opinion-group-${g.id}`} class="sh-heading-s">
            {t("opinion-map.groups.heading", { label: groupLabel(g.id), count: g.size })}
          </H2>
          {g.representative.length === 0 ? (
            <p class="sh-body-text">{t("opinion-map.groups.noneYet")}</p>
          ) : (
            <ul class="sh-list">
              {g.representative.map((r) => (
                <li key={r.statementId}>
                  <q>{text(r.statementId)}</q>{" "}
                  <span class="sh-hint">
                    {t(r.side === "agree" ? "opinion-map.groups.agreed" : "opinion-map.groups.disagreed", {
                      percent: percent(r.count / Math.max(r.seen, 1)),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {snapshot.consensus.length > 0 && (
        <section aria-labelledby="opinion-consensus">
          <H2 id="opinion-consensus" class="sh-heading-s">
            {t("opinion-map.consensus.title")}
          </H2>
          <p class="sh-hint">{t("opinion-map.consensus.lead")}</p>
          <ul class="sh-list">
            {snapshot.consensus.map((id) => {
              const f = figures.get(id);
              const seen = f ? f.agree + f.disagree + f.pass : 0;
              return (
                <li key={id}>
                  <q>{text(id)}</q>{" "}
                  <span class="sh-hint">
                    {t("opinion-map.consensus.agreed", {
                      percent: percent((f?.agree ?? 0) / Math.max(seen, 1)),
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
