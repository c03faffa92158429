// The store as a data source: the query the caller set (area, time, limit) is pushed down to SQL;
// what comes back is read by the same reader as a briefing file, so the map cannot tell the two apart.
#include "store/store_source.hpp"

#include <cstdlib>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "core/user_dirs.hpp"
#include "model/briefing_loader.hpp"
#include "store/store_rows.hpp"

namespace briefmap::store {

namespace {

model::LoadedBriefing openStore(const std::string& address, const geo::Geocoder& geocoder, const model::ImportOptions& options) {
    model::LoadedBriefing loaded;
    loaded.format = model::DataFormat::Store;
    const auto fail = [&](std::string message) {
        // The problem's file is the address: don't say it twice.
        if (size_t colon = message.find(": "); message.rfind("PG:", 0) == 0 && colon != std::string::npos) message.erase(0, colon + 2);
        loaded.problems.push_back({address, 0, 0, {}, std::move(message)});
        return std::move(loaded);
    };
    Result<StoreAddress> parsed = parseStoreAddress(address);
    if (!parsed) return fail(parsed.error().message);
    Result<Connection> conn = Connection::open(*parsed);
    if (!conn) return fail(conn.error().message);
    Result<std::string> name = resolveBriefingName(*conn, parsed->briefing);
    if (!name) return fail(name.error().message);
    StoreQuery query;
    query.area = options.query.area;
    query.from = options.query.from;
    query.to = options.query.to;
    query.limit = options.query.limit;
    Result<PulledBriefing> pulled = pullBriefing(*conn, *name, query);
    if (!pulled) return fail(pulled.error().message);
    const std::string dir = storeCacheDir(*parsed, *name);
    if (Status s = writeStoredFiles(*pulled, dir); !s) return fail("cannot keep article texts in " + dir + ": " + s.error().message);
    const std::string path = (std::filesystem::path(dir) / (*name + ".json")).string();
    loaded = model::loadBriefingText(path, pulled->json, geocoder, options);
    loaded.format = model::DataFormat::Store;
    model::LoadedBriefing::StoreVersions versions;
    versions.name = *name;
    versions.head = pulled->versions.head;
    versions.events.assign(pulled->versions.events.begin(), pulled->versions.events.end());
    versions.readPath = path;
    versions.truncated = pulled->truncated;
    versions.area = query.area;
    versions.from = query.from;
    versions.firstDay = pulled->firstDay;
    versions.lastDay = pulled->lastDay;
    versions.to = query.to;
    versions.partial = query.area || query.from || query.to || pulled->truncated;
    loaded.store = std::move(versions);
    for (model::Diagnostic& d : loaded.problems) {  // positions in text nobody sees: name the store instead
        d.file = parsed->shown + " briefing=" + *name;
        d.line = d.column = 0;
    }
    loaded.report.rows = loaded.report.imported = pulled->events;
    loaded.report.notes.push_back("read " + std::to_string(pulled->events) + " events of '" + *name + "' from " + parsed->shown +
                                  (pulled->truncated ? " (the first " + std::to_string(query.limit) + " in view; zoom in or narrow the time for the rest)" : ""));
    return loaded;
}

}  // namespace

void registerStoreDataSource() { model::registerDataSource("PG:", openStore); }

std::string storeCacheDir(const StoreAddress& address, const std::string& briefing) {
    return (userCacheDir() / "store" / digestOf(address.conninfo + '\n' + briefing)).string();
}

Status writeStoredFiles(const PulledBriefing& pulled, const std::string& dir) {
    std::vector<std::pair<std::string, std::string_view>> changed;
    for (const StoredFile& f : pulled.files) {
        if (!isContainedPath(f.path)) return Error{"article file '" + f.path + "' leaves the briefing's folder"};
        const std::filesystem::path target = std::filesystem::path(dir) / f.path;
        if (Result<std::string> old = readWholeFile(target.string(), f.bytes.size() + 1); old && *old == f.bytes) continue;
        std::error_code ec;
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec) return Error{target.parent_path().string() + ": " + ec.message()};
        changed.emplace_back(target.string(), f.bytes);
    }
    return writeFilesAtomically(changed);
}

}  // namespace briefmap::store
