// The one place briefmap talks to PostgreSQL (libpq): store addresses ("PG:dbname=… host=…"), an
// owning connection, results, transactions and COPY. Errors come back as one line, never thrown.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/libpq_api.hpp"

namespace briefmap::store {

// "PG:dbname=news host=/run/pg briefing=kursk": libpq's keyword form (or a postgresql:// URI) after
// "PG:", as GDAL writes it; `briefing=NAME` picks one briefing of the store and is not passed on.
struct StoreAddress {
    std::string conninfo;  // for libpq
    std::string briefing;  // empty: the store's only briefing
    std::string shown;     // for messages: the address without its password
};
bool isStoreAddress(std::string_view text);
Result<StoreAddress> parseStoreAddress(std::string_view text);

class PgResult {
public:
    explicit PgResult(PGresult* r = nullptr) : m_result(r, [](PGresult* p) {
        if (p) pq().clear(p);
    }) {}
    int rows() const { return m_result ? pq().ntuples(m_result.get()) : 0; }
    bool isNull(int row, int column) const { return pq().getisnull(m_result.get(), row, column) != 0; }
    std::string_view text(int row, int column) const {
        return {pq().getvalue(m_result.get(), row, column), static_cast<size_t>(pq().getlength(m_result.get(), row, column))};
    }
    long long integer(int row, int column) const;
    size_t affected() const;  // rows an INSERT/UPDATE/DELETE touched

private:
    std::shared_ptr<PGresult> m_result;
};

using Params = std::vector<std::optional<std::string>>;  // nullopt is SQL NULL; all sent as text

class Connection {
public:
    static Result<Connection> open(const StoreAddress& address);
    // One statement with $1… parameters.
    Result<PgResult> exec(std::string_view sql, const Params& params = {});
    // Several statements, no parameters (migrations).
    Status execScript(std::string_view sql);
    // `COPY table (columns) FROM STDIN` with rows already in COPY's text format.
    Status copyIn(std::string_view copySql, std::string_view rows);
    const StoreAddress& address() const { return m_address; }

private:
    std::string lastError() const;
    std::shared_ptr<PGconn> m_conn;
    StoreAddress m_address;
};

// BEGIN on construction; ROLLBACK unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Connection& c) : m_conn(c) {}
    Status begin(std::string_view mode = "BEGIN");
    Status commit();
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Connection& m_conn;
    bool m_open = false;
};

// A value escaped for COPY's text format (backslash, tab, newline, carriage return).
void appendCopyField(std::string& row, std::string_view value);
inline constexpr std::string_view kCopyNull = "\\N";

}  // namespace briefmap::store
