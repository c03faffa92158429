#include "geo/gdal/gdal_lockdown.hpp"

#include <cpl_conv.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <ogr_srs_api.h>

#include <mutex>

namespace briefmap::geo {

namespace {

// Every CPLHTTPFetch() comes here instead of to libcurl. /vsicurl/ and friends use curl directly;
// they are shut by CPL_VSIL_CURL_ALLOWED_EXTENSIONS and by refusing /vsi paths before opening.
CPLHTTPResult* refuseRequest(const char* url, CSLConstList, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc, void*, void*) {
    auto* result = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup((std::string("network access is off in briefmap: ") + (url ? url : "")).c_str());
    return result;
}

}  // namespace

void lockDownGdalOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLHTTPSetFetchCallback(refuseRequest, nullptr);
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");      // no listing of the folder
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".briefmap-no-network");
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");                   // our inputs are whole files
        CPLSetConfigOption("OGR_SQLITE_ALLOW_EXTERNAL_ACCESS", "NO");          // GPKG: no ATTACH, no other files
        CPLSetConfigOption("LIBKML_RESOLVE_STYLE", "NO");                      // no styles fetched from elsewhere
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");                          // no .aux.xml read or written
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
        OSRSetPROJEnableNetwork(FALSE);
    });
}

}  // namespace briefmap::geo
