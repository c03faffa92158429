// Migrations: briefmap_migrations records what was applied; an advisory lock serialises migrators.
#include "store/schema.hpp"

#include <string>

#include "embedded_migrations.hpp"

namespace briefmap::store {

namespace {
constexpr long long kMigrationLock = 0x62726966'6d6170;  // "brifmap": any fixed number others don't use

Result<int> appliedVersion(Connection& conn) {
    Result<PgResult> exists = conn.exec("SELECT to_regclass('briefmap_migrations') IS NOT NULL");
    if (!exists) return exists.error();
    if (exists->text(0, 0) != "t") return 0;
    Result<PgResult> v = conn.exec("SELECT coalesce(max(version), 0) FROM briefmap_migrations");
    if (!v) return v.error();
    return static_cast<int>(v->integer(0, 0));
}
}  // namespace

int latestSchemaVersion() {
    int latest = 0;
    for (const migrations::Migration& m : migrations::kAll) latest = std::max(latest, m.version);
    return latest;
}

Status migrateSchema(Connection& conn) {
    Result<PgResult> postgis = conn.exec("SELECT 1 FROM pg_extension WHERE extname = 'postgis'");
    if (!postgis) return postgis.error();
    if (postgis->rows() == 0)
        if (Result<PgResult> r = conn.exec("CREATE EXTENSION IF NOT EXISTS postgis"); !r)
            return Error{conn.address().shown + ": the database needs the PostGIS extension (CREATE EXTENSION postgis, as a "
                                                "role allowed to): " + r.error().message};
    Transaction tx(conn);
    if (Status s = tx.begin(); !s) return s;
    if (Result<PgResult> r = conn.exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kMigrationLock)}); !r) return r.error();
    if (Status s = conn.execScript("CREATE TABLE IF NOT EXISTS briefmap_migrations (version integer PRIMARY KEY, "
                                   "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        !s)
        return s;
    Result<int> applied = appliedVersion(conn);
    if (!applied) return applied.error();
    if (*applied > latestSchemaVersion())
        return Error{conn.address().shown + ": the store's schema is version " + std::to_string(*applied) +
                     ", newer than this briefmap knows (" + std::to_string(latestSchemaVersion()) + "): update briefmap"};
    for (const migrations::Migration& m : migrations::kAll) {
        if (m.version <= *applied) continue;
        if (Status s = conn.execScript(m.sql); !s) return Error{s.error().message + " (migration " + std::string(m.name) + ")"};
        if (Result<PgResult> r = conn.exec("INSERT INTO briefmap_migrations (version, name) VALUES ($1, $2)",
                                           {std::to_string(m.version), std::string(m.name)});
            !r)
            return r.error();
    }
    return tx.commit();
}

Status checkSchema(Connection& conn) {
    Result<int> applied = appliedVersion(conn);
    if (!applied) return applied.error();
    if (*applied == 0) return Error{conn.address().shown + ": no briefmap store here yet (briefmap push creates one)"};
    if (*applied > latestSchemaVersion())
        return Error{conn.address().shown + ": the store's schema is version " + std::to_string(*applied) +
                     ", newer than this briefmap knows (" + std::to_string(latestSchemaVersion()) + "): update briefmap"};
    if (*applied < latestSchemaVersion())
        return Error{conn.address().shown + ": the store's schema is version " + std::to_string(*applied) +
                     "; briefmap push migrates it to " + std::to_string(latestSchemaVersion())};
    return Done{};
}

}  // namespace briefmap::store
