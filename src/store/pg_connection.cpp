// libpq behind Result: one line per error (libpq's messages run over several), no exceptions.
#include "store/pg_connection.hpp"

#include <algorithm>
#include <cstdlib>

namespace briefmap::store {

namespace {

std::string firstLine(const char* message) {
    std::string s = message ? message : "";
    if (size_t nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    if (s.rfind("ERROR:  ", 0) == 0) s.erase(0, 8);
    return s.empty() ? "unknown database error" : s;
}

// Splits libpq's "key=value key='quoted value'" form into words, keeping quotes as written.
std::vector<std::string> conninfoWords(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            word += c;
            word += text[++i];
        } else if (c == '\'') {
            quoted = !quoted;
            word += c;
        } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string unquoted(std::string_view v) {
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        out += v[i];
    }
    return out;
}

}  // namespace

bool isStoreAddress(std::string_view text) { return text.rfind("PG:", 0) == 0; }

Result<StoreAddress> parseStoreAddress(std::string_view text) {
    if (!isStoreAddress(text)) return Error{"not a store address (PG:…): '" + std::string(text) + "'"};
    std::string_view rest = text.substr(3);
    StoreAddress out;
    if (rest.rfind("postgresql://", 0) == 0 || rest.rfind("postgres://", 0) == 0) {
        out.conninfo = std::string(rest);
        out.shown = "PG:" + out.conninfo.substr(0, out.conninfo.find('@') == std::string::npos ? out.conninfo.size()
                                                                                                   : out.conninfo.find("://") + 3) +
                    (out.conninfo.find('@') == std::string::npos ? "" : "…" + out.conninfo.substr(out.conninfo.find('@')));
        return out;
    }
    std::string shown;
    for (const std::string& w : conninfoWords(rest)) {
        const size_t eq = w.find('=');
        if (eq == std::string::npos || eq == 0) return Error{"PG: address: expected key=value, got '" + w + "'"};
        const std::string key = w.substr(0, eq);
        if (key == "briefing") {
            out.briefing = unquoted(std::string_view(w).substr(eq + 1));
            if (out.briefing.empty()) return Error{"PG: address: briefing= needs a name"};
            continue;
        }
        if (!out.conninfo.empty()) out.conninfo += ' ';
        out.conninfo += w;
        if (!shown.empty()) shown += ' ';
        shown += key == "password" ? "password=…" : w;
    }
    if (out.conninfo.empty() && out.briefing.empty()) return Error{"PG: address is empty (expected PG:dbname=… host=…)"};
    out.shown = "PG:" + shown + (out.briefing.empty() ? "" : (shown.empty() ? "" : " ") + std::string("briefing=") + out.briefing);
    return out;
}

long long PgResult::integer(int row, int column) const { return std::atoll(pq().getvalue(m_result.get(), row, column)); }

size_t PgResult::affected() const {
    const char* n = m_result ? pq().cmdTuples(m_result.get()) : "";
    return n && *n ? static_cast<size_t>(std::atoll(n)) : 0;
}

Result<Connection> Connection::open(const StoreAddress& address) {
    if (Result<const LibPq*> loaded = loadLibPq(); !loaded) return Error{address.shown + ": " + loaded.error().message};
    Connection c;
    c.m_address = address;
    c.m_conn.reset(pq().connectdb(address.conninfo.c_str()), [](PGconn* p) {
        if (p) pq().finish(p);
    });
    if (!c.m_conn || pq().status(c.m_conn.get()) != CONNECTION_OK)
        return Error{address.shown + ": cannot connect: " + firstLine(c.m_conn ? pq().errorMessage(c.m_conn.get()) : "out of memory")};
    // Quiet NOTICEs ("relation already exists, skipping") and a bounded wait for locks held by
    // another editor: a stuck writer gives an error, not a frozen window.
    pq().setNoticeProcessor(c.m_conn.get(), [](void*, const char*) {}, nullptr);
    if (Result<PgResult> r = c.exec("SET lock_timeout = '10s'"); !r) return r.error();
    return c;
}

std::string Connection::lastError() const { return firstLine(pq().errorMessage(m_conn.get())); }

Result<PgResult> Connection::exec(std::string_view sql, const Params& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const std::string statement(sql);
    PGresult* raw = pq().execParams(m_conn.get(), statement.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    PgResult result(raw);
    const ExecStatusType status = pq().resultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return Error{m_address.shown + ": " + firstLine(raw ? pq().resultErrorMessage(raw) : pq().errorMessage(m_conn.get()))};
    return result;
}

Status Connection::execScript(std::string_view sql) {
    const std::string script(sql);
    // PQexec runs the statements in one transaction and returns the failing one's result, if any.
    PGresult* raw = pq().exec(m_conn.get(), script.c_str());
    PgResult result(raw);
    const ExecStatusType status = pq().resultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return Error{m_address.shown + ": " + firstLine(raw ? pq().resultErrorMessage(raw) : pq().errorMessage(m_conn.get()))};
    return Done{};
}

Status Connection::copyIn(std::string_view copySql, std::string_view rows) {
    const std::string statement(copySql);
    PgResult start(pq().exec(m_conn.get(), statement.c_str()));
    if (pq().status(m_conn.get()) != CONNECTION_OK) return Error{m_address.shown + ": " + lastError()};
    // Sent in pieces so that a large push does not need a second copy of its rows in libpq.
    constexpr size_t kChunk = 1 << 20;
    for (size_t at = 0; at < rows.size(); at += kChunk) {
        const size_t n = std::min(kChunk, rows.size() - at);
        if (pq().putCopyData(m_conn.get(), rows.data() + at, static_cast<int>(n)) != 1)
            return Error{m_address.shown + ": COPY: " + lastError()};
    }
    if (pq().putCopyEnd(m_conn.get(), nullptr) != 1) return Error{m_address.shown + ": COPY: " + lastError()};
    std::string error;
    while (PGresult* r = pq().getResult(m_conn.get())) {
        if (pq().resultStatus(r) != PGRES_COMMAND_OK && error.empty()) error = firstLine(pq().resultErrorMessage(r));
        pq().clear(r);
    }
    if (!error.empty()) return Error{m_address.shown + ": COPY: " + error};
    return Done{};
}

Status Transaction::begin(std::string_view mode) {
    if (Result<PgResult> r = m_conn.exec(mode); !r) return r.error();
    m_open = true;
    return Done{};
}

Status Transaction::commit() {
    Result<PgResult> r = m_conn.exec("COMMIT");
    m_open = false;
    if (!r) return r.error();
    return Done{};
}

Transaction::~Transaction() {
    if (m_open) (void)m_conn.exec("ROLLBACK");
}

void appendCopyField(std::string& row, std::string_view value) {
    for (char c : value) {
        switch (c) {
        case '\\': row += "\\\\"; break;
        case '\t': row += "\\t"; break;
        case '\n': row += "\\n"; break;
        case '\r': row += "\\r"; break;
        default: row += c;
        }
    }
}

}  // namespace briefmap::store
