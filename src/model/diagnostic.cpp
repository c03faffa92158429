#include "model/diagnostic.hpp"

namespace briefmap::model {

std::string Diagnostic::text() const {
    std::string s = file;
    if (line) s += ":" + std::to_string(line) + ":" + std::to_string(column);
    s += ": ";
    if (!path.empty()) s += path + ": ";
    s += message;
    return s;
}

}  // namespace briefmap::model
