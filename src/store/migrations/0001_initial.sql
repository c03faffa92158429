-- briefmap event store, schema 1: briefings with their articles, places, events, flows and sources.
-- Every element is kept as the briefing file writes it (`body`, JSON) so that pull gives back the
-- briefing pushed, byte for byte where nothing changed; the typed columns beside it are derived from
-- the body on every write and exist for queries (the window and export push area and time down here)
-- and for other GIS tools (QGIS opens briefmap_events and briefmap_flows as layers).
CREATE TABLE briefmap_briefings (
    name        text PRIMARY KEY,
    version     integer NOT NULL DEFAULT 1,       -- bumped by every change to `head`
    head        json NOT NULL,                    -- the briefing's own members; articles, places, events empty
    head_digest text NOT NULL,
    file_text   text,                             -- the file as last pushed: pulls patch it (formatting kept)
    file_json   text,                             -- that file read and written canonically (the patch's base)
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT current_user
);

CREATE TABLE briefmap_articles (
    briefing    text NOT NULL REFERENCES briefmap_briefings ON DELETE CASCADE,
    id          text NOT NULL,
    ord         integer NOT NULL,                 -- position in the briefing's articles
    body        json NOT NULL,
    digest      text NOT NULL,
    title       text,
    published   text,                             -- YYYY, YYYY-MM or YYYY-MM-DD
    text        text NOT NULL,                    -- the article's text: sources' byte offsets refer to it
    original    bytea,                            -- the file it was extracted from (an HTML page), if any
    PRIMARY KEY (briefing, id)
);

CREATE TABLE briefmap_places (
    briefing    text NOT NULL REFERENCES briefmap_briefings ON DELETE CASCADE,
    name        text NOT NULL,
    ord         integer NOT NULL,
    declared    boolean NOT NULL,                 -- listed in the file's `places` (else named by events only)
    body        json,                             -- the declaration, when declared
    geom        geometry(Point, 4326),            -- where it resolved
    kind        text,                             -- city, region, country, …
    country     text,
    PRIMARY KEY (briefing, name)
);

CREATE TABLE briefmap_events (
    briefing    text NOT NULL REFERENCES briefmap_briefings ON DELETE CASCADE,
    id          text NOT NULL,
    ord         integer NOT NULL,                 -- position in the file's events
    version     integer NOT NULL DEFAULT 1,       -- bumped by every write; edits name the version they saw
    digest      text NOT NULL,                    -- of `body` as written, to skip unchanged events
    kind        text NOT NULL,
    review      text NOT NULL,                    -- reviewed | draft
    status      text NOT NULL,                    -- confirmed | claimed | disputed
    first_day   date,                             -- the interval the event covers; NULL: timeless
    last_day    date,
    days        daterange GENERATED ALWAYS AS (daterange(first_day, last_day, '[]')) STORED,
    geom        geometry(Geometry, 4326),         -- its places, flow ends and area; NULL when unplaced
    body        json NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT current_user,
    PRIMARY KEY (briefing, id)
);
CREATE INDEX briefmap_events_geom ON briefmap_events USING gist (geom);
-- Time windows are interval overlaps (`days && window`): a GiST index on the range answers them
-- without scanning every event that started before the window.
CREATE INDEX briefmap_events_days ON briefmap_events USING gist (days);
CREATE INDEX briefmap_events_order ON briefmap_events (briefing, ord, id);
-- "Everything up to day t" and the store's first day (the window's slider) by B-tree.
CREATE INDEX briefmap_events_start ON briefmap_events (briefing, first_day);

CREATE TABLE briefmap_flows (
    briefing    text NOT NULL,
    event_id    text NOT NULL,
    cargo       text NOT NULL,
    geom        geometry(LineString, 4326),       -- from → via… → to, straight in lon/lat
    PRIMARY KEY (briefing, event_id),
    FOREIGN KEY (briefing, event_id) REFERENCES briefmap_events ON DELETE CASCADE
);
CREATE INDEX briefmap_flows_geom ON briefmap_flows USING gist (geom);

CREATE TABLE briefmap_sources (
    briefing    text NOT NULL,
    event_id    text NOT NULL,
    n           integer NOT NULL,                 -- position in the event's sources
    article_id  text,                             -- NULL for imported rows (see citation)
    start_byte  integer,
    end_byte    integer,
    quote       text,
    citation    text,
    PRIMARY KEY (briefing, event_id, n),
    FOREIGN KEY (briefing, event_id) REFERENCES briefmap_events ON DELETE CASCADE
);
CREATE INDEX briefmap_sources_article ON briefmap_sources (briefing, article_id);

