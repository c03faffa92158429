// libpq's functions, loaded on first use (dlopen of libpq.so.5) instead of linked: every command that
// never touches a store (the window on a file, export, draft…) starts without libpq and the ~20
// libraries it pulls in (Kerberos, LDAP, GnuTLS, SASL), ~12 ms of dynamic linking at every start,
// twice when the process re-executes itself (core/huge_page_malloc.hpp). The same design as the GDAL
// and video plugins; libpq's own header still gives the exact types and signatures.
#pragma once
#include <libpq-fe.h>

#include "core/result.hpp"

namespace briefmap::store {

struct LibPq {
    decltype(&::PQconnectdb) connectdb;
    decltype(&::PQfinish) finish;
    decltype(&::PQstatus) status;
    decltype(&::PQerrorMessage) errorMessage;
    decltype(&::PQsetNoticeProcessor) setNoticeProcessor;
    decltype(&::PQexec) exec;
    decltype(&::PQexecParams) execParams;
    decltype(&::PQresultStatus) resultStatus;
    decltype(&::PQresultErrorMessage) resultErrorMessage;
    decltype(&::PQclear) clear;
    decltype(&::PQntuples) ntuples;
    decltype(&::PQgetisnull) getisnull;
    decltype(&::PQgetvalue) getvalue;
    decltype(&::PQgetlength) getlength;
    decltype(&::PQcmdTuples) cmdTuples;
    decltype(&::PQputCopyData) putCopyData;
    decltype(&::PQputCopyEnd) putCopyEnd;
    decltype(&::PQgetResult) getResult;
};

// Loads libpq once per process; the error says what to install.
Result<const LibPq*> loadLibPq();

// The loaded table, for code that runs only on a connection (which could not exist without it).
const LibPq& pq();

}  // namespace briefmap::store
