// The store tests' database: the private cluster ctest starts (fixture `pg`, scripts/pg-cluster.sh)
// with its address in BRIEFMAP_TEST_PG. Each test works in a fresh PostgreSQL schema of its own
// (search_path), so tests run in parallel and every push meets a database with only PostGIS in it.
#pragma once
#include <string>

namespace briefmap::test {

// "PG:host=… dbname=… user=… options='-csearch_path=NAME,public'" for a new empty schema; throws
// when BRIEFMAP_TEST_PG is not set (the tests run under ctest, which starts the cluster).
std::string freshStoreAddress();

// Runs one SQL statement against `address` and returns the first column of the first row ("" if none).
std::string storeScalar(const std::string& address, const std::string& sql);

}  // namespace briefmap::test
