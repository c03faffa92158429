#include "store/store_test_support.hpp"

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

#include "store/pg_connection.hpp"
#include "store/store_source.hpp"

namespace briefmap::test {

namespace {
// In-process loads (loadBriefingFile) open PG: addresses as briefmap's main does.
const bool g_registered = (store::registerStoreDataSource(), true);

std::string baseAddress() {
    const char* env = std::getenv("BRIEFMAP_TEST_PG");
    if (!env || !*env) throw std::runtime_error("BRIEFMAP_TEST_PG is not set: run the store tests through ctest (fixture pg)");
    return env;
}
}  // namespace

std::string freshStoreAddress() {
    (void)g_registered;
    static std::atomic<int> counter{0};
    const std::string schema = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    const std::string base = baseAddress();
    Result<store::StoreAddress> address = store::parseStoreAddress(base);
    if (!address) throw std::runtime_error(address.error().message);
    Result<store::Connection> conn = store::Connection::open(*address);
    if (!conn) throw std::runtime_error(conn.error().message);
    if (Status s = conn->execScript("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema); !s)
        throw std::runtime_error(s.error().message);
    return base + " options='-csearch_path=" + schema + ",public'";
}

std::string storeScalar(const std::string& address, const std::string& sql) {
    Result<store::StoreAddress> parsed = store::parseStoreAddress(address);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    Result<store::Connection> conn = store::Connection::open(*parsed);
    if (!conn) throw std::runtime_error(conn.error().message);
    Result<store::PgResult> r = conn->exec(sql);
    if (!r) throw std::runtime_error(r.error().message);
    return r->rows() && !r->isNull(0, 0) ? std::string(r->text(0, 0)) : std::string();
}

}  // namespace briefmap::test
