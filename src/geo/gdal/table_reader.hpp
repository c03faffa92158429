// Reads any vector file briefmap imports through GDAL, confined to that one file (see the .cpp).
#pragma once
#include <string>

#include "core/result.hpp"
#include "geo/feature_table.hpp"

namespace briefmap::geo {

Status readTable(const std::string& path, const TableReadOptions& options, TableSink& sink);

}  // namespace briefmap::geo
