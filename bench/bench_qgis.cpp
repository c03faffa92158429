// briefmap-bench qgis: the side-by-side comparison with QGIS lives in bench/qgis/compare.py (QGIS is
// driven from Python); this runs it with this build's briefmap so every benchmark has one entry point.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.hpp"

namespace briefmap::bench {

int benchQgis(char** args) {
    const std::string script = std::string(BRIEFMAP_SOURCE_DIR) + "/bench/qgis/compare.py";
    const std::string exe = siblingBinary("briefmap");
    std::vector<const char*> argv = {"/usr/bin/python3", script.c_str(), "--briefmap", exe.c_str()};
    for (char** a = args; a && *a; ++a) argv.push_back(*a);
    argv.push_back(nullptr);
    std::fflush(stdout);
    execv(argv[0], const_cast<char* const*>(argv.data()));
    std::perror("briefmap-bench qgis: /usr/bin/python3");
    return 1;
}

}  // namespace briefmap::bench
