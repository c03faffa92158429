#include "store/libpq_api.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

namespace briefmap::store {

namespace {

LibPq g_pq{};
std::string g_error;

template <typename F>
bool bind(void* library, const char* name, F& out) {
    out = reinterpret_cast<F>(dlsym(library, name));
    if (!out) g_error = std::string("libpq.so.5 lacks ") + name;
    return out != nullptr;
}

void load() {
    void* library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        g_error = std::string("the event store needs libpq (apt-get install libpq5): ") + dlerror();
        return;
    }
    LibPq t{};
    const bool ok = bind(library, "PQconnectdb", t.connectdb) && bind(library, "PQfinish", t.finish) &&
                    bind(library, "PQstatus", t.status) && bind(library, "PQerrorMessage", t.errorMessage) &&
                    bind(library, "PQsetNoticeProcessor", t.setNoticeProcessor) && bind(library, "PQexec", t.exec) &&
                    bind(library, "PQexecParams", t.execParams) && bind(library, "PQresultStatus", t.resultStatus) &&
                    bind(library, "PQresultErrorMessage", t.resultErrorMessage) && bind(library, "PQclear", t.clear) &&
                    bind(library, "PQntuples", t.ntuples) && bind(library, "PQgetisnull", t.getisnull) &&
                    bind(library, "PQgetvalue", t.getvalue) && bind(library, "PQgetlength", t.getlength) &&
                    bind(library, "PQcmdTuples", t.cmdTuples) && bind(library, "PQputCopyData", t.putCopyData) &&
                    bind(library, "PQputCopyEnd", t.putCopyEnd) && bind(library, "PQgetResult", t.getResult);
    if (ok) g_pq = t;  // the library stays loaded for the process
}

}  // namespace

Result<const LibPq*> loadLibPq() {
    static std::once_flag once;
    std::call_once(once, load);
    if (!g_pq.connectdb) return Error{g_error};
    return &g_pq;
}

const LibPq& pq() {
    if (!g_pq.connectdb) std::abort();  // a connection exists only after loadLibPq() succeeded
    return g_pq;
}

}  // namespace briefmap::store
