// The store's schema: versioned migrations (src/store/migrations/NNNN_name.sql, embedded at build
// time) applied in order, each once, under a lock so that two pushes cannot migrate at the same time.
#pragma once
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace briefmap::store {

// The newest schema version this build knows.
int latestSchemaVersion();

// Creates or migrates the schema (and the PostGIS extension when it is missing and the role may
// create it). Refuses a store whose schema is newer than this build.
Status migrateSchema(Connection& conn);

// For readers (pull, --data PG:): the store's schema version, or an error saying there is no store
// there yet or that it needs migrating (push migrates).
Status checkSchema(Connection& conn);

}  // namespace briefmap::store
