// briefmap-bench store [--events N]: the PostGIS event store at scale. A synthetic briefing of N events
// (1,000,000 by default; a tenth more as flows) is pushed into a private cluster (scripts/pg-cluster.sh,
// or $BRIEFMAP_BENCH_PG), then the queries the window and export make are timed: a one-month window over
// the whole world and over one country's area, and that window read into a briefing as --data PG: does.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "core/read_file.hpp"
#include "geo/geocoder.hpp"
#include "model/briefing_loader.hpp"
#include "model/synthetic_briefing.hpp"
#include "store/briefing_pull.hpp"
#include "store/briefing_push.hpp"
#include "store/store_source.hpp"

namespace briefmap::bench {

namespace {

std::string runCapture(const std::string& command) {
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        char buf[512];
        while (fgets(buf, sizeof buf, p)) out += buf;
        if (pclose(p) != 0) return {};
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

struct Cluster {
    std::string dir;
    ~Cluster() {
        if (!dir.empty()) (void)std::system(("bash " + std::string(BRIEFMAP_SOURCE_DIR) + "/scripts/pg-cluster.sh destroy " + dir).c_str());
    }
};

}  // namespace

int benchStore(size_t events) {
    Cluster cluster;
    std::string base;
    if (const char* env = std::getenv("BRIEFMAP_BENCH_PG"); env && *env) {
        base = env;
    } else {
        cluster.dir = "/tmp/briefmap-bench-pg-" + std::to_string(getpid());
        base = runCapture("bash " + std::string(BRIEFMAP_SOURCE_DIR) + "/scripts/pg-cluster.sh start " + cluster.dir);
        if (base.empty()) {
            std::fprintf(stderr, "briefmap-bench store: cannot start a private PostgreSQL cluster (make deps)\n");
            return 1;
        }
    }
    const std::string schema = "bench" + std::to_string(getpid());
    Result<store::StoreAddress> admin = store::parseStoreAddress(base);
    if (!admin) return std::fprintf(stderr, "briefmap-bench store: %s\n", admin.error().message.c_str()), 1;
    {
        Result<store::Connection> c = store::Connection::open(*admin);
        if (!c || !c->execScript("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema))
            return std::fprintf(stderr, "briefmap-bench store: cannot prepare a schema\n"), 1;
    }
    const std::string address = base + " options='-csearch_path=" + schema + ",public'";
    Result<store::StoreAddress> parsed = store::parseStoreAddress(address);
    Result<store::Connection> conn = store::Connection::open(*parsed);
    if (!conn) return std::fprintf(stderr, "briefmap-bench store: %s\n", conn.error().message.c_str()), 1;

    const std::string dir = (std::filesystem::temp_directory_path() / ("briefmap-bench-store-" + std::to_string(getpid()))).string();
    model::SyntheticOptions options;
    options.events = events;
    options.flows = events / 10;
    Result<std::string> path = model::writeSyntheticBriefing(dir, options);
    if (!path) return std::fprintf(stderr, "briefmap-bench store: %s\n", path.error().message.c_str()), 1;
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gaz) return std::fprintf(stderr, "briefmap-bench store: %s\n", gaz.error().message.c_str()), 1;
    const geo::Geocoder geocoder(*gaz);
    // Read through loadBriefingText: a million events is a file past the 256 MiB limit for --data files.
    Result<std::string> text = readWholeFile(*path, size_t{4} << 30);
    if (!text) return std::fprintf(stderr, "briefmap-bench store: %s\n", text.error().message.c_str()), 1;
    model::LoadedBriefing loaded = model::loadBriefingText(*path, *text, geocoder);
    text = std::string();
    if (!loaded.ok()) return std::fprintf(stderr, "briefmap-bench store: %s\n", loaded.problems.front().text().c_str()), 1;
    const size_t total = loaded.briefing.events.size();

    store::PushOptions push;
    push.name = "bench";
    push.briefingDir = std::filesystem::path(*path).parent_path().string();
    auto t = std::chrono::steady_clock::now();
    Result<store::PushReport> pushed = store::pushBriefing(*conn, loaded.briefing, {}, push);
    const double pushMs = msSince(t);
    if (!pushed) return std::fprintf(stderr, "briefmap-bench store: %s\n", pushed.error().message.c_str()), 1;
    (void)conn->execScript("ANALYZE");

    // One-month windows across the synthetic range (2019–2025), the whole world and one area.
    std::vector<double> worldMs, areaMs, loadMs, sqlMs;
    size_t worldEvents = 0, areaEvents = 0;
    const int months[][2] = {{2019, 6}, {2020, 11}, {2022, 3}, {2023, 8}, {2025, 1}};
    for (const auto& m : months) {
        store::StoreQuery q;
        q.from = model::dayNumber(m[0], m[1], 1);
        q.to = model::dayNumber(m[0], m[1], 28);
        t = std::chrono::steady_clock::now();
        Result<store::PulledBriefing> world = store::pullBriefing(*conn, "bench", q);
        worldMs.push_back(msSince(t));
        if (!world) return std::fprintf(stderr, "briefmap-bench store: %s\n", world.error().message.c_str()), 1;
        worldEvents += world->events;
        // The SQL alone (the index scan and the rows' bodies sent), without turning them into a briefing.
        t = std::chrono::steady_clock::now();
        Result<store::PgResult> rows = conn->exec("SELECT body FROM briefmap_events WHERE briefing = 'bench' AND days && daterange($1::date, $2::date, '[]')",
                                                  {model::formatDay(*q.from), model::formatDay(*q.to)});
        sqlMs.push_back(msSince(t));
        if (!rows) return std::fprintf(stderr, "briefmap-bench store: %s\n", rows.error().message.c_str()), 1;
        q.area = GeoBounds{22, 44, 41, 53};  // Ukraine and its neighbours
        t = std::chrono::steady_clock::now();
        Result<store::PulledBriefing> area = store::pullBriefing(*conn, "bench", q);
        areaMs.push_back(msSince(t));
        if (!area) return std::fprintf(stderr, "briefmap-bench store: %s\n", area.error().message.c_str()), 1;
        areaEvents += area->events;
        // What --data PG:… costs for that view: the query, the article texts, and the briefing reader.
        store::registerStoreDataSource();
        model::ImportOptions view;
        view.query.from = q.from;
        view.query.to = q.to;
        view.query.area = q.area;
        t = std::chrono::steady_clock::now();
        const model::LoadedBriefing opened = model::loadBriefingFile(address + " briefing=bench", geocoder, view);
        loadMs.push_back(msSince(t));
        if (!opened.ok()) return std::fprintf(stderr, "briefmap-bench store: %s\n", opened.problems.front().text().c_str()), 1;
    }
    Result<store::PgResult> plan = conn->exec(
        "EXPLAIN SELECT id FROM briefmap_events WHERE briefing = 'bench' AND days && daterange('2023-08-01', '2023-08-28', '[]')");
    std::string planText;
    if (plan)
        for (int i = 0; i < plan->rows(); ++i) planText += std::string(plan->text(i, 0)) + " ";
    Result<store::PgResult> size = conn->exec(
        "SELECT pg_total_relation_size('briefmap_events') + pg_total_relation_size('briefmap_flows') + "
        "pg_total_relation_size('briefmap_sources') + pg_total_relation_size('briefmap_places')");
    const double bytes = size ? static_cast<double>(size->integer(0, 0)) : 0;
    std::filesystem::remove_all(dir);
    {
        Result<store::Connection> c = store::Connection::open(*admin);
        if (c) (void)c->execScript("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    std::printf("{\"bench\":\"store\",\"events\":%zu,\"push_ms\":%.0f,\"push_events_per_s\":%.0f,"
                "\"month_world_sql_ms\":%.1f,\"month_world_query_ms\":%.1f,\"month_world_events\":%zu,\"month_area_query_ms\":%.1f,\"month_area_events\":%zu,"
                "\"month_area_open_ms\":%.1f,\"uses_days_index\":%s,\"bytes_per_event\":%.0f}\n",
                total, pushMs, static_cast<double>(total) / (pushMs / 1000.0), median(sqlMs), median(worldMs), worldEvents / 5, median(areaMs), areaEvents / 5,
                median(loadMs), planText.find("briefmap_events_days") != std::string::npos ? "true" : "false", bytes / static_cast<double>(total));
    return 0;
}

}  // namespace briefmap::bench
